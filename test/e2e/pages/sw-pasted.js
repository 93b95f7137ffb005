// The page's worker: it reports whether its tracker fetch was answered or refused.
window.workerFetch = new Promise((resolve) => {
  const worker = new Worker('sw-worker.js');
  worker.onmessage = (event) => resolve(event.data);
  worker.onerror = () => resolve('worker failed');
});
