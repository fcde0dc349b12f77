/* The guide's own replacement for sphinx-rtd-theme's theme.js, which needs
 * jQuery. Loaded deferred; no inline script, so a strict
 * Content-Security-Policy holds. It does four things:
 *  - after a search, it loads Sphinx's scripts that mark the words found;
 *  - the menu button on narrow screens opens and closes the navigation
 *    (Escape closes it too, and focus returns to the button);
 *  - sections of the navigation that have sub-entries get a real
 *    <button> that shows or hides them (next to the link, not in it);
 *  - following a link in the open mobile menu closes the menu.
 */
(function () {
  "use strict";

  /* Came from a search result (?highlight=...)? Load Sphinx's scripts that
   * mark the words searched for; other pages do not need them. */
  var self = document.currentScript;
  if (self && /[?&]highlight=/.test(window.location.search)) {
    var staticRoot = self.src.replace(/reader\.js(\?.*)?$/, "");
    var wanted = ["documentation_options.js", "doctools.js",
                  "sphinx_highlight.js"];
    var loadNext = function () {
      var name = wanted.shift();
      if (!name) {
        return;
      }
      var script = document.createElement("script");
      script.src = staticRoot + name;
      script.onload = loadNext;
      document.head.appendChild(script);
    };
    loadNext();
  }

  var toggle = document.querySelector('[data-toggle="wy-nav-top"]');
  var shifted = document.querySelectorAll('[data-toggle="wy-nav-shift"]');

  function isOpen() {
    return toggle !== null && toggle.getAttribute("aria-expanded") === "true";
  }

  function setOpen(open) {
    if (toggle === null) {
      return;
    }
    shifted.forEach(function (element) {
      element.classList.toggle("shift", open);
    });
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  if (toggle !== null) {
    toggle.addEventListener("click", function () {
      setOpen(!isOpen());
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && isOpen()) {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  document.querySelectorAll(".wy-menu-vertical a").forEach(function (link) {
    link.addEventListener("click", function () {
      if (isOpen()) {
        setOpen(false);
      }
    });
  });

  /* Read every section's state first, then add the buttons: reading a
   * computed style after each insertion would restyle the page each time. */
  var sections = [];
  document.querySelectorAll(".wy-menu-vertical li").forEach(function (item) {
    var link = item.querySelector(":scope > a");
    var list = item.querySelector(":scope > ul");
    if (link !== null && list !== null) {
      sections.push({item: item, link: link, list: list,
                     open: window.getComputedStyle(list).display !== "none"});
    }
  });
  sections.forEach(function (section) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "toctree-expand";
    button.setAttribute(
      "aria-label", "Sections of " + section.link.textContent.trim());
    button.setAttribute("aria-expanded", section.open ? "true" : "false");
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var open = button.getAttribute("aria-expanded") !== "true";
      section.item.classList.toggle("expanded", open);
      section.item.classList.toggle("collapsed", !open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
    section.item.insertBefore(button, section.link);
  });
})();
