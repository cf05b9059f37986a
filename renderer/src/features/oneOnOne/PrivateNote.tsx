import { useState } from 'react';
import { call } from '../../api/client';
import { toastError } from '../../app/toasts';
import { useOneOnOne } from './oneOnOneStore';

/** The manager's own note: never exported and hidden while presenting. */
export function PrivateNote({ meetingId, note, locked }: { meetingId: number; note: string | null; locked: boolean }) {
  const [text, setText] = useState(note ?? '');
  const [dirty, setDirty] = useState(false);
  return (
    <section className="card private-note" aria-labelledby="pn-h">
      <h2 id="pn-h">Private note</h2>
      <p className="subtle">Only you see this. It is left out of exports and hidden while presenting.</p>
      {locked ? (
        <p>{note || <span className="subtle">None.</span>}</p>
      ) : (
        <label>
          <span className="visually-hidden">Private note</span>
          <textarea
            rows={4}
            value={text}
            onChange={(e) => (setText(e.target.value), setDirty(true))}
            onBlur={() => {
              if (!dirty) return;
              void call('oneOnOnes.setPrivateNote', { id: meetingId, note: text }).then(() => {
                setDirty(false);
                void useOneOnOne.getState().load(meetingId);
              }, toastError);
            }}
          />
        </label>
      )}
    </section>
  );
}
