import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { useUi } from '../kernel';
import { useModalFocus } from './focus';

interface ModalDialogProps {
  /** `data-consentry` of the dialog (tests and site CSS find it by this). */
  name: string;
  /** Extra class beside `consentry-dialog`. */
  class?: string;
  /** Id of the heading that labels the dialog, and of the text that describes it. */
  labelledBy: string;
  describedBy?: string;
  onClose(): void;
  returnFocus(): void;
  children: ComponentChildren;
}

/**
 * The shell every modal view shares: a backdrop and a labelled
 * `role="dialog"` in the visitor's language that takes focus, keeps it
 * inside, closes on Escape and hands focus back on close (../focus.ts).
 */
export function ModalDialog(props: ModalDialogProps) {
  const { language } = useUi();
  const dialog = useRef<HTMLDivElement>(null);
  useModalFocus(dialog, props.onClose, props.returnFocus);
  return (
    <div class="consentry-backdrop">
      <div
        class={props.class ? `consentry-dialog ${props.class}` : 'consentry-dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={props.labelledBy}
        aria-describedby={props.describedBy}
        lang={language}
        tabIndex={-1}
        ref={dialog}
        data-consentry={props.name}
      >
        {props.children}
      </div>
    </div>
  );
}
