// Small behaviours that the CSP keeps out of the markup (no inline script anywhere).
(function () {
  "use strict";

  // On a phone the main menu starts folded; on a wide screen it stays open.
  function foldMenu() {
    var menu = document.querySelector(".mainnav-toggle");
    if (menu && window.matchMedia("(max-width: 760px)").matches) menu.removeAttribute("open");
  }

  document.addEventListener("click", function (e) {
    var print = e.target.closest("[data-print]");
    if (print) {
      e.preventDefault();
      window.print();
    }
  });

  // Forms that change or remove data can ask before they are sent.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) e.preventDefault();
  });

  // A filter that applies as soon as it changes (e.g. the year of a report).
  document.addEventListener("change", function (e) {
    var field = e.target.closest("[data-autosubmit]");
    if (field && field.form) field.form.submit();
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", foldMenu);
  else foldMenu();
})();
