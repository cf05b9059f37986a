interface Props {
  error: string | null;
  busy: boolean;
  submitLabel: string;
  onCancel?: () => void;
  submitClass?: string;
}

/** The form-level error and the Cancel / submit buttons every form ends with. */
export function FormFooter({ error, busy, submitLabel, onCancel, submitClass = 'primary' }: Props) {
  return (
    <>
      {error && (
        <p className="form-error span-all" role="alert">
          {error}
        </p>
      )}
      <footer className="dialog-actions span-all">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className={submitClass} disabled={busy}>
          {submitLabel}
        </button>
      </footer>
    </>
  );
}
