// A dedicated worker, or a shared one (?shared): a fetch and an importScripts to a tracker.
const name = location.search ? 'shared-worker' : 'worker';
fetch(`http://www.clarity.ms/${name}-fetch`, { mode: 'no-cors' }).catch(() => undefined);
try {
  importScripts(`http://www.clarity.ms/${name}-importscripts.js`);
} catch {
  // Refused or not a script: either way the request was made or not, which is what is counted.
}
