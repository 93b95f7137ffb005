/*
 * Demo only, loaded before the guard: keeps tracker WebSockets on this
 * machine. A service worker cannot answer WebSockets, so a socket to a third
 * party (Hotjar's wss://ws.hotjar.com) is opened to the demo server instead
 * (/__ws, which records every message as a hit). The socket keeps its original
 * `url`, so the guard — which wraps WebSocket after this script — still
 * decides from the tracker's real URL, and still drops its messages after a
 * withdrawal. Each message the demo server receives is acknowledged, and the
 * acknowledgement is shown in the tracker monitor.
 */
(function () {
  var Native = window.WebSocket;
  if (!Native) return;
  function LocalWebSocket(url, protocols) {
    var target = new URL(String(url), location.href);
    if (target.host === location.host) return protocols === undefined ? new Native(url) : new Native(url, protocols);
    var local = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/__ws?url=' + encodeURIComponent(target.href);
    var socket = new Native(local);
    Object.defineProperty(socket, 'url', { value: target.href });
    socket.addEventListener('message', function (event) {
      if (typeof event.data !== 'string' || event.data.indexOf('consentry-demo:ack') < 0) return;
      document.dispatchEvent(new CustomEvent('consentry-demo:request', { detail: { kind: 'websocket', method: 'SEND', url: target.href, at: Date.now() } }));
    });
    return socket;
  }
  LocalWebSocket.prototype = Native.prototype;
  ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (name) {
    Object.defineProperty(LocalWebSocket, name, { value: Native[name] });
  });
  window.WebSocket = LocalWebSocket;
})();
