/*
 * Replaces wagtail-modeltranslation's script of the same name (Django's static finders look
 * in the project's static/ folder first). The package's script put "Copy content from"
 * buttons on every nested panel, key figures included, where copying fails; this one offers
 * them on the languages of a StreamField only, and asks before replacing blocks already
 * there. Words come from the admin (wagtail_hooks.copy_translation_strings).
 */
(function () {
  "use strict";

  function start() {
    var form = document.getElementById("page-edit-form");
    var stringsElement = document.getElementById("copy-translation-strings");
    if (!form || !stringsElement) return;
    var strings = JSON.parse(stringsElement.textContent);
    var languages = Object.keys(strings.languages);
    var pattern = new RegExp("^(.+)_(" + languages.join("|") + ")$");

    // StreamFields only: the field wrapper Wagtail renders for a block field. (Panel ids
    // start with the tab's heading, which is translated, so they cannot be relied on.)
    form.querySelectorAll(".w-field--block_field[data-contentpath]").forEach(function (wrapper) {
      var match = pattern.exec(wrapper.getAttribute("data-contentpath"));
      var panel = wrapper.closest("section.w-panel");
      if (!match || !panel) return;
      var field = match[1];
      var language = match[2];
      var header = panel.querySelector(".w-panel__header");
      if (!header) return;
      var buttons = document.createElement("div");
      buttons.className = "translation-field-copy-wrapper";
      buttons.textContent = strings.copyFrom + " ";
      languages.forEach(function (other) {
        if (other === language) return;
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button-small translation-field-copy";
        button.lang = other;
        button.textContent = strings.languages[other];
        button.addEventListener("click", function () {
          copyField(form, strings, field + "_" + other, field + "_" + language, other);
        });
        buttons.appendChild(button);
      });
      header.appendChild(buttons);
    });
  }

  function copyField(form, strings, origin, target, originLanguage) {
    var count = form.querySelector("[name='" + target + "-count']");
    if (count && Number(count.value) > 0) {
      var question = strings.confirm.replace("%(language)s", strings.languages[originLanguage]);
      if (!window.confirm(question)) return;
    }
    var posted = [];
    new FormData(form).forEach(function (value, name) {
      if (name.indexOf(origin + "-") === 0 && typeof value === "string") {
        posted.push({ name: name, value: value });
      }
    });
    var body = new URLSearchParams();
    body.append("origin_field_name", origin);
    body.append("target_field_name", target);
    body.append("serializedOriginField", JSON.stringify(posted));
    var csrf = form.querySelector("[name='csrfmiddlewaretoken']");
    fetch("copy_translation_content/", {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: {
        "X-CSRFToken": csrf ? csrf.value : "",
        "X-Requested-With": "XMLHttpRequest",
      },
    })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (html) {
        var container = form.querySelector(
          "[data-contentpath='" + target + "'] .w-field__input"
        );
        if (container) container.innerHTML = html;
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
