// The header's menu on a phone: the "Menu" button folds the navigation, the language switcher
// and the session links behind it. Without script the button stays hidden (CSS shows it only
// under .menu-ready) and the whole menu stays open, so nothing becomes unreachable.
document.addEventListener("DOMContentLoaded", function () {
  var header = document.querySelector(".site-header");
  var button = header && header.querySelector(".menu-toggle");
  var menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) {
    return;
  }

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("open", open);
  }

  header.classList.add("menu-ready");
  setOpen(false);
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  // Escape closes the open menu and puts the focus back on its button.
  header.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
});
