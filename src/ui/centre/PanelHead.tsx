import type { ComponentChildren } from 'preact';
import { LanguageSwitch } from '../kernel';

interface PanelHeadProps {
  /** Class of the row (`consentry-banner-head`, `consentry-dialog-head`). */
  class: string;
  /** Id of the heading, which labels the region or dialog. */
  titleId: string;
  children: ComponentChildren;
  /** The close button: its accessible name and action; none when the panel cannot be closed. */
  close?: { label: string; onClose(): void };
}

/** The top row every panel shares: its heading, the language switch and, where it can be closed, the close button. */
export function PanelHead(props: PanelHeadProps) {
  return (
    <div class={props.class}>
      <h2 id={props.titleId} class="consentry-title">
        {props.children}
      </h2>
      <LanguageSwitch />
      {props.close ? (
        <button type="button" class="consentry-close" aria-label={props.close.label} onClick={props.close.onClose}>
          <span aria-hidden="true">×</span>
        </button>
      ) : null}
    </div>
  );
}
