import { useId, type ReactElement, cloneElement } from 'react';

interface Props {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: ReactElement<Record<string, unknown>>;
}

/** A labelled control with its error announced to screen readers. */
export function Field({ label, error, hint, children }: Props) {
  const id = useId();
  const msgId = `${id}-msg`;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error || hint ? msgId : undefined,
      })}
      {error ? (
        <span id={msgId} className="field-error" role="alert">
          {error}
        </span>
      ) : hint ? (
        <span id={msgId} className="field-hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}
