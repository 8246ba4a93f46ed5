// Draws the statistics charts: each element with data-chart names a JSON
// block holding its ECharts option, computed by the server.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof echarts === "undefined") return;
  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var src = document.getElementById(el.getAttribute("data-chart"));
    if (!src) return;
    var chart = echarts.init(el, null, { renderer: "canvas" });
    var option = JSON.parse(src.textContent);
    // The reader's text size and contrast (A- A A+, high contrast) apply to
    // the charts' words too.
    var root = document.documentElement;
    var scale = parseFloat(getComputedStyle(root).fontSize) / 16 || 1;
    option.textStyle = Object.assign({ fontSize: Math.round(12 * scale) }, option.textStyle || {});
    if (root.classList.contains("contrast-high")) {
      option.textStyle.color = "#000";
    }
    chart.setOption(option);
    el.setAttribute("data-drawn", "true");
    window.addEventListener("resize", function () { chart.resize(); });
  });
});
