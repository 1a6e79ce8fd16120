// Long pick lists (States, UN entities, time zones...) get a filter box above them: typing hides
// the choices that do not contain what was typed, ignoring accents and case ("egy" finds
// "Égypte"). The select itself is unchanged and still submits as before; without script it is
// the plain list. The box's label comes, translated, from the script tag's data-filter-label.
(function () {
  "use strict";
  var script = document.currentScript;
  var filterLabel = (script && script.dataset.filterLabel) || "Filter the list";
  var LONG = 15;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function labelOf(select) {
    return select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
  }

  function enhance(select, index) {
    var box = document.createElement("input");
    box.type = "search";
    box.className = "picker-filter";
    box.id = (select.id || "picker-" + index) + "-filter";
    box.autocomplete = "off";
    box.placeholder = filterLabel;
    // Named "Filter the list" and described by the field's own label: the field's name stays
    // the select's alone (a page, a test or a screen reader looking for "State" finds one field).
    box.setAttribute("aria-label", filterLabel);
    var label = labelOf(select);
    if (label) {
      label.id = label.id || select.id + "-label";
      box.setAttribute("aria-describedby", label.id);
    }
    if (select.id) {
      box.setAttribute("aria-controls", select.id);
    }
    select.parentNode.insertBefore(box, select);

    box.addEventListener("input", function () {
      var wanted = fold(box.value.trim());
      Array.prototype.forEach.call(select.options, function (option) {
        // The empty choice and the chosen one always stay, so nothing chosen disappears.
        var keep = !wanted || option.value === "" || option.selected || fold(option.text).indexOf(wanted) !== -1;
        option.hidden = !keep;
      });
      Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
        group.hidden = !Array.prototype.some.call(group.children, function (option) { return !option.hidden; });
      });
    });
    // Enter in the box must not submit the form before a choice was made.
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        select.focus();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var selects = document.querySelectorAll("main select");
    Array.prototype.forEach.call(selects, function (select, index) {
      if (select.options.length > LONG && !select.dataset.noFilter) {
        enhance(select, index);
      }
    });
  });
})();
