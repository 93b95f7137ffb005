// A first-party script on the guard test pages: its cookie, fetch and execution must be untouched by the guard.
window.__firstParty = { ran: (window.__firstParty ? window.__firstParty.ran : 0) + 1 };
document.cookie = 'cart=3; path=/';
fetch('/test/e2e/pages/guard-first-party.js', { method: 'HEAD' }).then(function (response) {
  window.__firstParty.fetchStatus = response.status;
});
