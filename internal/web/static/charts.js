// Draws the statistics charts: each element with data-chart names a JSON
// block holding its ECharts option, computed by the server.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof echarts === "undefined") return;
  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var src = document.getElementById(el.getAttribute("data-chart"));
    if (!src) return;
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(JSON.parse(src.textContent));
    el.setAttribute("data-drawn", "true");
    window.addEventListener("resize", function () { chart.resize(); });
  });
});
