/*
 * Demo only (loaded when the /try/gpc switch is on): pretends this browser
 * sends Global Privacy Control, as Firefox, Brave or a GPC extension would.
 * It must run before the guard, which reads the signal at start-up.
 */
Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { configurable: true, get: function () { return true; } });
