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
  // Put focus on the first field with an error so keyboard users land on it.
  // A refused form: the summary of its problems first, as a screen reader
  // and a sighted reader both need to learn what went wrong before where.
  var summary = document.getElementById("form-error");
  var bad = document.querySelector("[aria-invalid=true]");
  if (summary) { summary.focus(); } else if (bad) { bad.focus(); }
})();
