import { useState } from 'react';
import { call } from '../../api/client';
import { toastError } from '../../app/toasts';
import { useAutosave } from '../../lib/useAutosave';

/** The manager's own note: hidden while presenting, and exported only on request. */
export function PrivateNote({ meetingId, note, locked }: { meetingId: number; note: string | null; locked: boolean }) {
  const [text, setText] = useState(note ?? '');
  const [saved, setSaved] = useState(note ?? '');
  const flush = useAutosave(text, saved, (v) =>
    call('oneOnOnes.setPrivateNote', { id: meetingId, note: v }).then(() => setSaved(v), toastError),
  );
  return (
    <section className="card private-note" aria-labelledby="pn-h">
      <h2 id="pn-h">Private note</h2>
      <p className="subtle">Only you see this. It is hidden while presenting and left out of exports unless you tick “Include my private notes”.</p>
      {locked ? (
        <p>{note || <span className="subtle">None.</span>}</p>
      ) : (
        <label>
          <span className="visually-hidden">Private note</span>
          <textarea rows={4} value={text} onChange={(e) => setText(e.target.value)} onBlur={flush} />
        </label>
      )}
    </section>
  );
}
