// A minimal stand-in for the guard, for UI pages: an in-memory API that logs
// calls in window.__uiCalls, then opens the view named in ?view= (default
// banner). Query: lang, gpc=1, policyChanged=1, minors=1, unsubscribe=<list>,
// layout=box. The config is an example site's, as the guard would resolve it.
(function () {
  var params = new URLSearchParams(location.search);
  var listeners = [];
  var record = null;
  var history = [];
  window.__uiCalls = [];
  var category = function (id, en, zh, vendors) {
    var c = { id: id, name: { en: en, 'zh-CN': zh }, description: { en: '' }, vendors: vendors || [] };
    if (id === 'necessary') c.required = true;
    return c;
  };
  var t = function (en, zh) {
    return { en: en, 'zh-CN': zh };
  };
  var matomo = {
    name: 'Matomo',
    policyUrl: 'https://matomo.org/privacy-policy/',
    purpose: t('Visit statistics, on our own server.', '访问统计，数据保存在我们自己的服务器上。'),
    cookies: [
      { name: '_pk_id.*', purpose: t('Tells visits apart.', '区分不同的访问。'), duration: t('13 months', '13 个月') },
      { name: '_pk_ses.*', purpose: t('Keeps the state of a visit.', '保存本次访问的状态。'), duration: t('30 minutes', '30 分钟') },
    ],
  };
  var config = {
    categories: [
      category('necessary', 'Strictly necessary', '必要'),
      category('preferences', 'Preferences', '偏好'),
      category('analytics', 'Analytics', '统计分析', [matomo]),
      category('advertising', 'Advertising', '广告'),
      category('email', 'Email link tracking', '邮件链接追踪'),
    ],
    rules: [],
    policy: { version: '2021-10-24', effectiveDate: '2021-10-24', material: false, url: '/privacy', noticeDays: 30 },
    contact: { hotline: '+44 20 7946 0000', email: 'privacy@example.com' },
    cookie: { name: 'consentry', days: 182 },
    expiryMonths: 12,
    reloadOnWithdraw: false,
    consentMode: false,
    ui: { layout: params.get('layout') === 'box' ? 'box' : 'bar', settingsButton: 'bottom-left' },
    translations: {},
    email: { unsubscribeParams: { list: 'unsubscribe', token: 'token' }, trackingParams: [] },
    minors: { enabled: params.get('minors') === '1', age: 18 },
  };
  var state = function () {
    return { record: record, needsChoice: record === null, degraded: false };
  };
  var write = function (categories, optOuts, method) {
    var now = Date.now();
    var cats = {};
    config.categories.forEach(function (c) {
      cats[c.id] = c.required ? true : categories[c.id] === true;
    });
    var outs = Object.assign({ promotionalEmail: false, personalisedAds: false, adSharing: false }, record && record.optOuts, optOuts || {});
    record = { schema: 1, id: 'page', policyVersion: '2021-10-24', language: 'en', categories: cats, optOuts: outs, method: method, gpc: false, createdAt: now, updatedAt: now, expiresAt: now + 3e10 };
    history.push({ at: now, method: method, policyVersion: '2021-10-24', categories: cats, optOuts: outs, gpc: false });
    listeners.forEach(function (fn) { fn(state()); });
    return Promise.resolve(state());
  };
  var all = function (value) {
    var out = {};
    config.categories.forEach(function (c) { out[c.id] = value; });
    return out;
  };
  var api = {
    ready: Promise.resolve(state()),
    get: state,
    has: function (c) { return c === 'necessary' || !!(record && record.categories[c]); },
    acceptAll: function () { window.__uiCalls.push('acceptAll'); return write(all(true), null, 'accept-all'); },
    rejectAll: function () { window.__uiCalls.push('rejectAll'); return write(all(false), null, 'reject-all'); },
    set: function (change) { window.__uiCalls.push('set'); return write(Object.assign({}, record && record.categories, change.categories), change.optOuts, change.method || 'api'); },
    withdraw: function () { window.__uiCalls.push('withdraw'); record = null; history = []; listeners.forEach(function (fn) { fn(state()); }); return Promise.resolve(state()); },
    history: function () { return Promise.resolve(history.slice()); },
    on: function (event, fn) { if (event === 'change') listeners.push(fn); return function () {}; },
    config: config,
    language: params.get('lang') || 'en',
    version: 'page',
  };
  var host = {
    api: api,
    config: config,
    language: params.get('lang') || 'en',
    gpc: params.get('gpc') === '1',
    policyChanged: params.get('policyChanged') === '1',
  };
  if (params.has('unsubscribe')) host.unsubscribe = { list: params.get('unsubscribe'), token: 'tok', valid: true };
  window.__openUi = function (view) { window.consentryUI.open(view, host); };
  window.consentryUI.open(params.get('view') || 'banner', host);
})();
