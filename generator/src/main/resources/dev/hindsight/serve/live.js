/*
 * Hindsight preview: reloads the page when the server has rebuilt the site. Served only by
 * `hindsight serve`, never part of a built site; a separate file so the pages' CSP (script-src 'self') holds.
 */
(function () {
  'use strict';
  if (!window.EventSource) {
    return;
  }
  var events = new EventSource('/__hindsight/events');
  events.addEventListener('reload', function () {
    window.location.reload();
  });
})();
