// Loads the page again when one of its own files failed to arrive while it was loading. Chromium aborts
// requests in flight whenever the host's network interfaces change (net::ERR_NETWORK_CHANGED), and a container
// engine adds and removes interfaces each time a container starts or stops: without this, a page opened at
// that moment stays blank or unstyled. A classic script, first in the page, so it runs even when the app's
// own code is what failed; at most three tries in a row. Later failures (a page's code fetched on its first
// visit) are retried by the app itself (src/lib/import-with-retry.ts).
(function () {
  var key = 'berth.loadGuardTries';
  var loaded = false;
  window.addEventListener(
    'error',
    function (event) {
      var target = event.target;
      if (loaded || !target || (target.tagName !== 'SCRIPT' && target.tagName !== 'LINK')) return;
      var tries = Number(sessionStorage.getItem(key) || '0');
      if (tries >= 3) return;
      sessionStorage.setItem(key, String(tries + 1));
      setTimeout(
        function () {
          location.reload();
        },
        250 * (tries + 1),
      );
    },
    true,
  );
  window.addEventListener('load', function () {
    loaded = true;
    setTimeout(function () {
      sessionStorage.removeItem(key);
    }, 5000);
  });
})();
