// An on/off switch: a real checkbox (keyboard and screen readers know it) drawn as a switch. It
// shows the new state at once while the change is saved, and falls back if saving fails.
import { useId, useState } from 'react';

/** Props of Toggle. */
export interface ToggleProps {
  label: string;
  checked: boolean;
  /** Saves the change; the switch shows the new state until this settles. */
  onChange: (checked: boolean) => Promise<unknown> | undefined;
  disabled?: boolean;
  /** Hide the label visually (it still names the switch). */
  hideLabel?: boolean;
}

/** A labelled switch. */
export function Toggle({ label, checked, onChange, disabled, hideLabel }: ToggleProps) {
  const id = useId();
  const [pending, setPending] = useState<boolean>();
  async function change(next: boolean) {
    setPending(next);
    try {
      await onChange(next);
    } finally {
      setPending(undefined);
    }
  }
  return (
    <span className="toggle">
      <input
        id={id}
        type="checkbox"
        role="switch"
        aria-checked={pending ?? checked}
        checked={pending ?? checked}
        disabled={disabled}
        onChange={(event) => void change(event.target.checked)}
      />
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
    </span>
  );
}
