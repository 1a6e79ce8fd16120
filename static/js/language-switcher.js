// Changes the language as soon as another one is picked; the button stays for no-script use.
document.addEventListener("DOMContentLoaded", function () {
  var select = document.getElementById("language-select");
  if (!select || !select.form) {
    return;
  }
  select.addEventListener("change", function () {
    select.form.submit();
  });
});
