import type { ComponentChildren } from 'preact';

interface SwitchProps {
  id: string;
  label: ComponentChildren;
  checked: boolean;
  disabled?: boolean;
  onChange?: (checked: boolean) => void;
  /** Visible state words ("On"/"Off", "Subscribed"/"Unsubscribed"); screen readers get the switch state itself. */
  onText: string;
  offText: string;
  describedBy?: string;
}

/** A real checkbox with role="switch": keyboard, form and screen-reader behaviour come from the browser. */
export function Switch({ id, label, checked, disabled, onChange, onText, offText, describedBy }: SwitchProps) {
  return (
    <div class="consentry-switch">
      <label for={id} class="consentry-switch-label">
        {label}
      </label>
      <span class="consentry-switch-control">
        <input
          id={id}
          type="checkbox"
          role="switch"
          class="consentry-switch-input"
          checked={checked}
          disabled={disabled}
          aria-describedby={describedBy}
          onChange={(event) => onChange?.((event.currentTarget as HTMLInputElement).checked)}
        />
        <span class="consentry-switch-state" aria-hidden="true">
          {checked ? onText : offText}
        </span>
      </span>
    </div>
  );
}
