import { useId, type InputHTMLAttributes, type Ref } from 'react';

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string;
  hint?: string;
  /** `below` puts the hint under the input (keeps inputs in a row aligned). */
  hintPlacement?: 'above' | 'below';
  error?: string | undefined;
  ref?: Ref<HTMLInputElement>;
};

/** A labelled text input with hint and error text wired up for assistive technology. */
export function TextField({
  label,
  hint,
  hintPlacement = 'above',
  error,
  ref,
  className,
  ...inputProps
}: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && hintPlacement === 'above' && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        ref={ref}
        id={id}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...inputProps}
      />
      {hint && hintPlacement === 'below' && (
        <p className="field__hint field__hint--below" id={hintId}>
          {hint}
        </p>
      )}
      <p className="field__error" id={errorId} hidden={!error}>
        {error}
      </p>
    </div>
  );
}
