/* Search page only, inside it (_templates/search.html includes this file):
 * Sphinx's search needs seven scripts and the search index (more than
 * 100 KiB); they are fetched only when there is something to search for
 * (a "q" in the address), so that a reader who opens the search page to
 * type a query gets the form at once, after one request. The scripts are
 * listed, in the order they must run, in this script's
 * data-search-scripts attribute. The shipped Content-Security-Policy
 * allows this script by its hash (events_guide.ext.theme.policy); the
 * scripts it adds are files from the guide's own origin. */
(function () {
  "use strict";

  var self = document.currentScript;
  var query = new URLSearchParams(window.location.search).get("q");
  if (self === null || !query || !query.trim()) {
    return;
  }
  self.getAttribute("data-search-scripts").split(/\s+/)
    .filter(Boolean)
    .forEach(function (source) {
      var script = document.createElement("script");
      script.src = source;
      /* Added by a script, they would run in the order they arrive;
       * async = false makes them run in this order. */
      script.async = false;
      document.head.appendChild(script);
    });
})();
