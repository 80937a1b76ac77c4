// Wiec: optional enhancements. Every page works without this file.
(function () {
  "use strict";
  // The ballot: recount as the resident chooses, by asking the server for the same
  // "Przelicz" it answers without JavaScript, and swapping in its counts and messages.
  var ballot = document.getElementById("karta");
  if (ballot && window.fetch && window.DOMParser) {
    var timer = null, pending = null;
    var recount = function () {
      var data = new URLSearchParams(new FormData(ballot));
      data.set("akcja", "przelicz");
      if (pending) { pending.abort(); }
      pending = new AbortController();
      fetch(ballot.action, { method: "POST", body: data, credentials: "same-origin", signal: pending.signal })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          ["stan-tekst"].forEach(function (id) {
            var fresh = page.getElementById(id), old = document.getElementById(id);
            if (fresh && old) { old.innerHTML = fresh.innerHTML; }
          });
          var freshBar = page.querySelector(".budget-bar"), oldBar = document.querySelector(".budget-bar");
          if (freshBar && oldBar) { oldBar.innerHTML = freshBar.innerHTML; }
        })
        .catch(function () {});
    };
    var later = function () { clearTimeout(timer); timer = setTimeout(recount, 250); };
    ballot.addEventListener("change", later);
    ballot.addEventListener("input", later);
  }
  // The receipt: a print button.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  // The receipt check: read a chosen file into the text field.
  document.querySelectorAll("[data-upload]").forEach(function (field) {
    var input = field.querySelector("input[type=file]"), text = document.getElementById("pole-pokwitowanie");
    input.addEventListener("change", function () {
      if (!input.files.length) { return; }
      input.files[0].text().then(function (content) { text.value = content; });
    });
  });
  // A form shown again with errors: move focus to its summary.
  var summary = document.querySelector(".error-summary[tabindex]");
  if (summary && !ballot) { summary.focus(); }
})();
