/**
 * CSS: `url()`, `@import` and `image-set()` naming a denied tracker are made
 * inert (./hold.ts `inertCss`) in what scripts write — `setProperty`,
 * `cssText`, style sheets built or edited by script, `FontFace` sources — and
 * an inline style keeps its tracker URLs aside in `data-style` until they are
 * allowed. Named style properties (`element.style.backgroundImage = …`) have
 * no setter to wrap: the `style` attribute they change is judged as it
 * changes, before the browser renders it. A `<style>` element is judged when
 * it is inserted (./hold.ts). CSS in the HTML and what escapes its own syntax
 * is the service worker's to catch.
 */
import type { Realm } from './elements';
import { hold, inertCss } from './hold';
import { patchMethods, patchSetter } from './patch';

export function guardCss(realm: Realm): void {
  const base = () => realm.document.baseURI;
  const inert = (css: unknown) => (css == null ? css : inertCss(String(css), base()));
  const declaration = realm.CSSStyleDeclaration.prototype;
  patchMethods(declaration, 'setProperty', (native) =>
    function (this: CSSStyleDeclaration, name: unknown, value: unknown, priority?: unknown) {
      return native.call(this, name, inert(value), priority);
    },
  );
  patchSetter(declaration, 'cssText', (value, native) => native(inert(value)));
  for (const owner of [realm.CSSStyleSheet, realm.CSSGroupingRule]) {
    patchMethods(owner?.prototype, 'insertRule replace replaceSync', (native) =>
      function (this: unknown, css: unknown, ...rest: unknown[]) {
        return native.call(this, inert(css), ...rest);
      },
    );
  }
  if (realm.FontFace)
    realm.FontFace = new Proxy(realm.FontFace, {
      construct: (target, [family, source, ...rest], newTarget) => Reflect.construct(target, [family, typeof source == 'string' ? inert(source) : source, ...rest], newTarget),
    });
  new realm.MutationObserver((records) => {
    for (const { target } of records) hold(target as Element, 'style', (target as Element).getAttribute('style') ?? '', 'present');
  }).observe(realm.document, { attributes: true, attributeFilter: ['style'], subtree: true });
}
