// "Add a row" without reloading: each button[data-add-row="<prefix>"] copies the formset's
// empty row (<template id="<prefix>-empty-row">, Django's empty_form with "__prefix__" in its
// names and ids), numbers it, appends it to #<prefix>-rows and counts it in TOTAL_FORMS.
// Without script the button is a submit button: the server shows the form again, as typed,
// with one more row. The new row's element gets a "rows:added" event (bubbling) so that other
// scripts may enhance what it holds.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var announcer = document.getElementById("row-added");
  var NAMED = ["id", "name", "for", "aria-describedby", "aria-controls"];

  function number(element, index) {
    NAMED.forEach(function (attribute) {
      var value = element.getAttribute(attribute);
      if (value && value.indexOf("__prefix__") !== -1) {
        element.setAttribute(attribute, value.split("__prefix__").join(String(index)));
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("button[data-add-row]"), function (button) {
    var prefix = button.getAttribute("data-add-row");
    var template = document.getElementById(prefix + "-empty-row");
    var rows = document.getElementById(prefix + "-rows");
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    var max = document.getElementById("id_" + prefix + "-MAX_NUM_FORMS");
    if (!template || !rows || !total || !template.content) {
      return;
    }
    // No longer a submit button: Enter in a field then submits the form, not "Add a row".
    button.type = "button";
    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10) || 0;
      if (max && index >= parseInt(max.value, 10)) {
        return;
      }
      var copy = template.content.cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll("*"), function (element) {
        number(element, index);
      });
      var row = copy.firstElementChild;
      rows.appendChild(copy);
      total.value = String(index + 1);
      if (announcer && announcer.dataset.message) {
        announcer.textContent = announcer.dataset.message.replace("{number}", String(index + 1));
      }
      if (row) {
        row.dispatchEvent(new CustomEvent("rows:added", { bubbles: true }));
        var first = row.querySelector("input:not([type=hidden]), select, textarea");
        if (first) {
          first.focus();
        }
      }
    });
  });
});
