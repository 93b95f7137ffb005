/**
 * CSS: `url()`, `@import` and `image-set()` naming a denied tracker are made
 * inert (./hold.ts `inertCss`) in what scripts write — `setProperty`,
 * `cssText`, style sheets built or edited by script, `FontFace` sources. A
 * `style` attribute or `element.style = …` keeps its tracker URLs aside in
 * `data-style` until they are allowed, and a `<style>` element is held whole
 * (./hold.ts). Named style properties (`element.style.backgroundImage = …`)
 * are handled by the browser below any setter a script can wrap: they, CSS in
 * the HTML and CSS that escapes its own syntax are the service worker's to
 * catch (README, "What covers what").
 */
import type { Realm } from './elements';
import { inertCss } from './hold';
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
}
