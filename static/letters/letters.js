// Letters pages. Without script everything still works: the outbox shows the counts of when
// it was loaded, and the server already refuses to queue a stage twice.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";

  // Outbox: refresh the counts by status while letters are queued or being sent, a little less
  // often as time goes on, and stop once none is left (or the server stops answering).
  var counts = document.querySelector("[data-progress-url]");
  var note = document.querySelector("[data-progress-note]");
  if (counts && counts.hasAttribute("data-in-progress") && window.fetch) {
    var delay = 2000;
    var show = function (data) {
      Object.keys(data.counts).forEach(function (status) {
        var cell = counts.querySelector('[data-status="' + status + '"] [data-count]');
        if (cell && cell.textContent !== String(data.counts[status])) {
          cell.textContent = data.counts[status];
        }
      });
    };
    var poll = function () {
      fetch(counts.getAttribute("data-progress-url"), {
        credentials: "same-origin", headers: { "Accept": "application/json" },
      }).then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      }).then(function (data) {
        show(data);
        if (data.in_progress) {
          delay = Math.min(delay * 1.5, 15000);
          window.setTimeout(poll, delay);
        } else if (note) {
          note.textContent = note.getAttribute("data-done-text");
        }
      }).catch(function () {
        // Leave the counts as they are; a reload shows the latest.
      });
    };
    if (note) {
      note.textContent = note.getAttribute("data-live-text");
    }
    window.setTimeout(poll, delay);
  }

  // "Send this stage now": a second click while the first is on its way sends nothing more.
  document.querySelectorAll("form[data-submit-once]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.hasAttribute("data-submitted")) {
        event.preventDefault();
        return;
      }
      form.setAttribute("data-submitted", "");
      form.querySelectorAll("button[type=submit]").forEach(function (button) {
        button.setAttribute("aria-disabled", "true");
      });
    });
  });
});
