// The surfaces only script reaches, each sending one request named by its path.
const T = 'http://www.clarity.ms/';

const sheet = new CSSStyleSheet();
sheet.replaceSync(`.constructable { width: 5px; height: 5px; background: url(${T}constructable.gif) }`);
document.adoptedStyleSheets = [sheet];
const styled = document.createElement('div');
styled.className = 'constructable';
document.body.append(styled);

new Image().src = T + 'new-image.gif';
fetch(T + 'fetch', { mode: 'no-cors' }).catch(() => undefined);
fetch(T + 'fetch-keepalive', { mode: 'no-cors', keepalive: true, method: 'POST', body: 'hit' }).catch(() => undefined);
const xhr = new XMLHttpRequest();
xhr.open('GET', T + 'xhr');
xhr.send();
new EventSource(T + 'eventsource');
navigator.sendBeacon(T + 'beacon', 'hit');
import(T + 'dynamic-import.js').catch(() => undefined);
document.getElementById('ping').click();
document.getElementById('form').submit();

new Worker('sw-surfaces-worker.js');
new SharedWorker('sw-surfaces-worker.js?shared');
const blob = new Blob([`fetch('${T}blob-worker-fetch', { mode: 'no-cors' }).catch(() => undefined);`], { type: 'text/javascript' });
new Worker(URL.createObjectURL(blob));
new OfflineAudioContext(1, 1, 44100).audioWorklet.addModule(T + 'audio-worklet.js').catch(() => undefined);

document.getElementById('blank').contentWindow.fetch(T + 'blank-frame-fetch', { mode: 'no-cors' }).catch(() => undefined);
new WebSocket('ws://www.clarity.ms/websocket').onerror = () => undefined;
