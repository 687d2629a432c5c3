// A labelled form control with its hint and error, tied together for assistive technology.
import { type InputHTMLAttributes, type ReactNode, useId } from 'react';

/** What the control must spread onto itself. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/** Props of Field. */
export interface FieldProps {
  label: ReactNode;
  /** Help shown under the label. */
  hint?: ReactNode;
  /** An error shown under the control (announced). */
  error?: ReactNode;
  /** Renders the control with the ids it needs. */
  children: (control: ControlProps) => ReactNode;
  className?: string;
}

/** A field: label, control, hint and error. */
export function Field({ label, hint, error, children, className }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {children({ id, 'aria-describedby': described || undefined, 'aria-invalid': error ? true : undefined })}
      {error && (
        <div className="field-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** Props of TextField: an input's own attributes, with the value as a string. */
export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'> &
  Pick<FieldProps, 'label' | 'hint' | 'error' | 'className'> & {
    value: string;
    onChange: (value: string) => void;
  };

/** A labelled single-line input (text, URL, number, password…). */
export function TextField({ label, hint, error, className, value, onChange, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <input {...input} {...control} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}
