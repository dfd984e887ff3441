// Optional enhancement: light every piece of a cited span split by overlapping marks.
// The page works without it (CSS :target lights the first piece).
(function () {
  "use strict";
  function light() {
    document.querySelectorAll(".lit").forEach(function (el) { el.classList.remove("lit"); });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!/^c-\d+-\d+$/.test(id)) { return; }
    document.querySelectorAll("[data-cite]").forEach(function (el) {
      if (el.getAttribute("data-cite") === id) { el.classList.add("lit"); }
    });
  }
  window.addEventListener("hashchange", light);
  document.addEventListener("DOMContentLoaded", light);
})();
