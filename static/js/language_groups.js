/*
 * Each language's fields are in a panel of their own in the admin's edit forms ("Arabic",
 * "French", "English": translated_admin.group_by_language), a stock Wagtail collapsible
 * section with its own button. This remembers which languages an editor collapsed (in the
 * browser, localStorage) and applies it to every panel of that language: the other tab's,
 * and the parts of each key figure, which have no button of their own. A panel holding an
 * error is never collapsed. Without this script, every panel is open.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "mc2cm:collapsed-languages";
  var applying = false;

  function collapsedLanguages() {
    try {
      return JSON.parse(window.localStorage.getItem(STORAGE_KEY)) || [];
    } catch (error) {
      return []; // storage refused or unreadable: everything open
    }
  }

  function remember(language, collapsed) {
    var languages = collapsedLanguages().filter(function (code) {
      return code !== language;
    });
    if (collapsed) {
      languages.push(language);
    }
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(languages));
    } catch (error) {
      // Not remembered (private browsing with storage refused): the panels still work.
    }
  }

  function toggleOf(section) {
    return section.querySelector(":scope > .w-panel__header [data-panel-toggle]");
  }

  function holdsError(element) {
    return element.querySelector(".error-message, [aria-invalid='true']") !== null;
  }

  function apply(language, collapsed) {
    applying = true;
    var selector = "[data-language-group='" + language + "']";
    document.querySelectorAll("section" + selector).forEach(function (section) {
      var toggle = toggleOf(section);
      if (!toggle || (collapsed && holdsError(section))) {
        return;
      }
      var expanded = toggle.getAttribute("aria-expanded") === "true";
      if (expanded === collapsed) {
        toggle.click(); // Wagtail's own toggle: button state, hidden content, events
      }
    });
    document.querySelectorAll(".w-panel__wrapper" + selector).forEach(function (part) {
      part.hidden = collapsed && !holdsError(part);
    });
    applying = false;
  }

  function applyRemembered() {
    collapsedLanguages().forEach(function (language) {
      apply(language, true);
    });
  }

  document.addEventListener("wagtail:panel-toggle", function (event) {
    var section = event.target.closest("section[data-language-group]");
    if (applying || !section || toggleOf(section) !== event.target) {
      return;
    }
    var language = section.getAttribute("data-language-group");
    var collapsed = !event.detail.expanded;
    remember(language, collapsed);
    apply(language, collapsed);
  });

  // A key figure added with "Add figure" follows the languages collapsed above it.
  document.addEventListener("w-formset:added", applyRemembered);

  function start() {
    // After Wagtail has made the panels collapsible (its own DOMContentLoaded handler).
    window.setTimeout(applyRemembered, 0);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
