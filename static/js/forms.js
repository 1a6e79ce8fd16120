// After a failed submit the error summary (includes/error_summary.html) takes the focus, so a
// screen reader reads it first and a keyboard user starts from it. Its links move the focus to
// the field in error and show the field's label above it, not just the input at the very top.
// Without script the summary is there all the same (role="alert"), and its links still jump.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) {
    return;
  }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var input = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!input) {
      return;
    }
    event.preventDefault();
    var group = input.closest(".field");
    (group || input).scrollIntoView();
    input.focus({ preventScroll: true });
  });
});
