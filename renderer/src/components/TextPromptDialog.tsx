import { useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';

interface Props {
  title: string;
  label: string;
  submitLabel: string;
  /** Shown above the field. */
  children?: ReactNode;
  multiline?: boolean;
  /** Runs the action; a thrown error's message is shown in the dialog, which stays open. */
  onSubmit: (text: string) => Promise<void>;
  onClose: () => void;
}

/** One question, one answer (why unlock, what changed since the last check-in, …). */
export function TextPromptDialog({ title, label, submitLabel, children, multiline, onSubmit, onClose }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          onSubmit(text).then(onClose, (err: Error) => {
            setError(err.message);
            setBusy(false);
          });
        }}
      >
        {children}
        <label className="field">
          <span>{label}</span>
          {multiline ? (
            <textarea rows={4} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} data-autofocus aria-invalid={error ? true : undefined} />
          ) : (
            <input value={text} onChange={(e) => setText(e.target.value)} data-autofocus aria-invalid={error ? true : undefined} />
          )}
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <footer className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {submitLabel}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
