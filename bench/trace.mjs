/**
 * Main-thread time of a consent manager's scripts, from a Chromium trace
 * (CDP Tracing, the same data DevTools' Performance panel shows): compiling,
 * evaluating and every later function call whose script belongs to the tool,
 * merged so nested events are counted once.
 */

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'TimerFire', 'EventDispatch']);

/** Starts tracing on a CDP session; returns `stop()` resolving to the trace events. */
export async function startTrace(cdp) {
  const events = [];
  const collect = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8',
    transferMode: 'ReportEvents',
  });
  return async () => {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

function scriptUrl(event) {
  const data = event.args?.data ?? event.args?.beginData ?? {};
  return data.url ?? data.stackTrace?.[0]?.url ?? event.args?.fileName ?? '';
}

/**
 * Milliseconds of renderer main-thread time spent in scripts whose URL
 * `belongs(url)` says are the tool's. Chromium's `v8.evaluateModule` events
 * carry no URL: with `countModules` they are counted as the tool's (the bench
 * pages load no other module scripts).
 */
export function scriptTimeMs(events, belongs, { countModules = false } = {}) {
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const intervals = events
    .filter((e) => e.ph === 'X' && SCRIPT_EVENTS.has(e.name) && mains.has(`${e.pid}:${e.tid}`))
    .filter((e) => (e.name === 'v8.evaluateModule' && countModules) || belongs(scriptUrl(e)))
    .map((e) => [e.ts, e.ts + (e.dur ?? 0)])
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [start, stop] of intervals) {
    if (stop <= end) continue;
    total += stop - Math.max(start, end);
    end = stop;
  }
  return total / 1000;
}
