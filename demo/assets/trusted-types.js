/*
 * The site's default Trusted Types policy. Vendor snippets, as published, set
 * `script.src` from a string; where the page enforces Trusted Types
 * (CSP=strict npm start) that needs a default policy, as on any site with
 * Trusted Types. It passes the script URLs the page's CSP allows anyway
 * (https, or this site's own) and refuses HTML and script text from strings.
 * Consentry does not use it: it has its own policy, `consentry`.
 */
if (window.trustedTypes && !trustedTypes.defaultPolicy) {
  trustedTypes.createPolicy('default', {
    createScriptURL: function (url) {
      var parsed = new URL(url, location.href);
      return parsed.protocol === 'https:' || parsed.origin === location.origin ? url : null;
    },
  });
}
