/**
 * The in-page probe, injected before any page script (Playwright init
 * script): records when the consent banner first becomes visible (checked
 * every animation frame, i.e. just before each paint) and the layout-shift
 * entries. Identical for every tool; only the banner selector differs.
 */

/** The probe's source for one banner selector. */
export function probeScript(bannerSelector) {
  return `(${probe.toString()})(${JSON.stringify(bannerSelector)});`;
}

function probe(selector) {
  const state = { bannerAt: null, cls: 0, shifts: 0 };
  Object.defineProperty(window, '__benchProbe', { value: state });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      state.cls += entry.value;
      state.shifts += 1;
    }
  }).observe({ type: 'layout-shift', buffered: true });

  const isVisible = (element) => {
    const box = element.getBoundingClientRect();
    if (box.width < 1 || box.height < 1 || box.bottom <= 0 || box.top >= innerHeight) return false;
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
    }
    return true;
  };
  const check = () => {
    const banner = document.querySelector(selector);
    if (banner && isVisible(banner)) state.bannerAt = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
