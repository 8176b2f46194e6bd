/*
 * Chamada's one script. Every page works without it (progressive enhancement): it only
 * makes them smoother.
 * - A field marked data-remember="NAME" (the matrícula) is filled from this device's
 *   storage when empty, and its value is stored again when its form is sent.
 * - An error summary takes the focus, so a screen reader reads it first.
 */
(function () {
  "use strict";

  function storage() {
    try {
      return window.localStorage;
    } catch (blocked) {
      return null; // storage turned off, or a private window that refuses it
    }
  }

  function remember(store) {
    document.querySelectorAll("input[data-remember]").forEach(function (input) {
      var key = "chamada." + input.getAttribute("data-remember");
      if (!input.value) {
        input.value = store.getItem(key) || "";
      }
      if (input.form) {
        input.form.addEventListener("submit", function () {
          try {
            store.setItem(key, input.value);
          } catch (full) {
            // Nothing to do: the form is sent all the same.
          }
        });
      }
    });
  }

  var store = storage();
  if (store) {
    remember(store);
  }
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.focus();
  }
})();
