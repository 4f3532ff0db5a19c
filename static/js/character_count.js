/*
 * Short texts in the admin's edit forms (titles, names, sources): a live count of characters
 * against the field's limit. With only the maxlength attribute, the browser silently cuts
 * pasted text at the limit and the editor never knows; here the limit is lifted, the count
 * says how much is too much, and the server refuses an over-long text with its error while
 * keeping what was typed. Words come from the admin (wagtail_hooks.character_count_script).
 */
(function () {
  "use strict";

  var strings = null;

  function characters(text) {
    // Code points, as Django counts them: an Arabic letter or an emoji is one character.
    return Array.from(text).length;
  }

  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (match, name) {
      return String(values[name]);
    });
  }

  function attach(input) {
    var limit = parseInt(input.getAttribute("maxlength"), 10);
    if (!limit || input.hasAttribute("data-character-limit")) {
      return;
    }
    input.setAttribute("data-character-limit", String(limit));
    input.removeAttribute("maxlength");
    var counter = document.createElement("p");
    counter.id = input.id + "-character-count";
    counter.className = "w-field__help character-count";
    counter.setAttribute("aria-live", "polite");
    var described = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);
    input.insertAdjacentElement("afterend", counter);

    function update() {
      var count = characters(input.value);
      var over = count > limit;
      var values = { count: count, limit: limit, excess: count - limit };
      counter.textContent = fill(over ? strings.over : strings.count, values);
      counter.classList.toggle("w-text-critical-200", over);
      counter.classList.toggle("w-font-bold", over);
    }
    input.addEventListener("input", update);
    update();
  }

  function attachWithin(root) {
    root.querySelectorAll('input[type="text"][maxlength]').forEach(attach);
  }

  function start() {
    var source = document.getElementById("character-count-strings");
    var form = document.querySelector("form[data-edit-form]");
    if (!source || !form) {
      return;
    }
    strings = JSON.parse(source.textContent);
    attachWithin(form);
    // Inline panels (a city's key figures) add their forms later.
    form.addEventListener("w-formset:added", function (event) {
      attachWithin(event.target);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
