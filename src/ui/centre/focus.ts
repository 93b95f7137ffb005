/**
 * Modal focus handling for the preference centre: move focus in on open,
 * keep Tab and Shift+Tab inside, close on Escape, and hand focus back to
 * whatever had it before (the page's own link or button) on close.
 */
import { useEffect, useRef, type MutableRef } from 'preact/hooks';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** Focusable descendants in tab order (only those that are rendered). */
export function focusableIn(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.closest('[hidden]') && !(el.closest('details:not([open])') && el.tagName !== 'SUMMARY'),
  );
}

export function useModalFocus(ref: MutableRef<HTMLElement | null>, onEscape: () => void, returnFocus: () => void): void {
  const latest = useRef({ onEscape, returnFocus });
  latest.current = { onEscape, returnFocus };
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const initial = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog;
    initial.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        latest.current.onEscape();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = focusableIn(dialog);
      if (!items.length) {
        event.preventDefault();
        return;
      }
      const first = items[0];
      const last = items[items.length - 1];
      const active = document.activeElement;
      if (event.shiftKey && (active === first || active === dialog)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    };
    // Focus that escapes by mouse or script is pulled back in (the page behind is inert for the visitor).
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Node && !dialog.contains(event.target)) (focusableIn(dialog)[0] ?? dialog).focus();
    };
    dialog.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      dialog.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
      latest.current.returnFocus();
    };
    // Once per opening: the handlers read the latest callbacks through `latest`.
  }, [ref]);
}
