// congthuong works without JavaScript; this file only adds conveniences.
(function () {
  "use strict";
  // The phone's menu: the sections' links fold behind a button.
  document.documentElement.classList.add("js");
  var toggle = document.getElementById("menu-toggle");
  var nav = document.getElementById("site-nav");
  if (toggle && nav) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = nav.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  // Confirm destructive actions (forms marked data-confirm).
  document.addEventListener("submit", function (ev) {
    var msg = ev.target.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) { ev.preventDefault(); }
  });
  // Print buttons (a document's page).
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
  // The article editor's toolbar: each button wraps the selection in
  // Markdown, or starts its lines with a heading or list mark. The text
  // stays Markdown; the server makes it HTML.
  document.querySelectorAll(".md-tools").forEach(function (bar) {
    var area = document.getElementById(bar.getAttribute("data-for"));
    if (!area) { return; }
    bar.hidden = false;
    bar.addEventListener("click", function (ev) {
      var b = ev.target.closest("button");
      if (!b) { return; }
      var mark = b.getAttribute("data-md"), s = area.selectionStart, e = area.selectionEnd;
      var text = area.value, sel = text.slice(s, e), out;
      if (mark === "link") {
        out = "[" + (sel || "…") + "](https://)";
      } else if (mark.slice(-1) === " ") {
        out = (sel || "").split("\n").map(function (l) { return mark + l; }).join("\n");
        if (s > 0 && text[s - 1] !== "\n") { out = "\n" + out; }
      } else {
        out = mark + (sel || "…") + mark;
      }
      area.value = text.slice(0, s) + out + text.slice(e);
      area.focus();
      area.setSelectionRange(s + out.length, s + out.length);
    });
  });
  // Put focus on the first field with an error so keyboard users land on it.
  // A refused form: the summary of its problems first, as a screen reader
  // and a sighted reader both need to learn what went wrong before where.
  var summary = document.getElementById("form-error");
  var bad = document.querySelector("[aria-invalid=true]");
  if (summary) { summary.focus(); } else if (bad) { bad.focus(); }
})();
