// A worker that sends a hit to a tracker, as analytics SDKs in workers do.
fetch('http://tajs.qq.com/collect?from=worker', { mode: 'no-cors' }).then(
  () => postMessage('sent'),
  () => postMessage('refused'),
);
