/* Search page only. Sphinx lists the results; this makes each result link
 * carry a text fragment ("#:~:text=word"), so that the browser itself
 * scrolls to and marks the words searched for on the page it opens.
 * Reading pages load no script at all (see events_guide/theme_tuning.py),
 * so Sphinx's own highlighting script cannot do it there. Loaded deferred
 * before searchtools.js runs; no inline script (strict CSP). */
(function () {
  "use strict";

  var results = document.getElementById("search-results");
  var query = new URLSearchParams(window.location.search).get("q") || "";
  /* Words to find; Sphinx treats "-word" as "without word". */
  var words = query.split(/\s+/).filter(function (word) {
    return word !== "" && word.charAt(0) !== "-";
  });
  if (results === null || words.length === 0) {
    return;
  }
  /* In a text directive "-", "&" and "," have meanings of their own. */
  var directive = ":~:" + words.map(function (word) {
    return "text=" + encodeURIComponent(word).replace(/-/g, "%2D")
      .replace(/,/g, "%2C");
  }).join("&");

  function addTextFragment(link) {
    if (link.hash.indexOf(":~:") !== -1) {
      return;
    }
    link.hash = link.hash.replace(/^#/, "") + directive;
  }

  new MutationObserver(function () {
    results.querySelectorAll("a[href]").forEach(addTextFragment);
  }).observe(results, {childList: true, subtree: true});
})();
