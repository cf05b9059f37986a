import { useState } from 'react';
import { addDays } from '../../../../shared/domain/periods';
import { commitmentInput, type CommitmentOwner } from '../../../../shared/schemas/commitments';
import type { OneOnOneDetail } from '../../../../shared/schemas/oneOnOnes';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { Field } from '../../components/Field';
import { useFormat } from '../../lib/format';
import { useZodForm } from '../../lib/useZodForm';
import { setCommitmentStatus } from '../commitments/setCommitmentStatus';

/** Commitments in the room: the rep's open ones (both sides) and new ones agreed here. */
export function MeetingCommitments({ detail, locked }: { detail: OneOnOneDetail; locked: boolean }) {
  const { info, changed } = useApp();
  const fmt = useFormat();
  const m = detail.meeting;
  const form = useZodForm(commitmentInput, { owner: 'rep' as CommitmentOwner, text: '', dueDate: addDays(info?.today ?? m.meetingDate, 7) });
  const [open, setOpen] = useState(false);
  const save = () => {
    const payload = { repId: m.repId, oneOnOneId: m.id, owner: form.values.owner, text: form.values.text, dueDate: form.values.dueDate };
    void form.submit(payload, async () => {
      await call('commitments.create', payload);
      form.set('text', '');
      changed();
    });
  };
  return (
    <section className="card" aria-labelledby="mc-h">
      <div className="card-head">
        <h2 id="mc-h">Commitments ({detail.commitments.length})</h2>
        {!locked && (
          <button type="button" onClick={() => setOpen(!open)} aria-expanded={open}>
            Add
          </button>
        )}
      </div>
      {open && !locked && (
        <form
          className="form-grid compact"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <Field label="Who promised" error={form.errors.owner}>
            <select value={form.values.owner} onChange={(e) => form.set('owner', e.target.value as CommitmentOwner)}>
              <option value="rep">{m.repName}</option>
              <option value="manager">Me</option>
            </select>
          </Field>
          <Field label="Due date" error={form.errors.dueDate}>
            <input type="date" value={form.values.dueDate} onChange={(e) => form.set('dueDate', e.target.value)} />
          </Field>
          <div className="span-all">
            <Field label="Commitment" error={form.errors.text}>
              <input value={form.values.text} onChange={(e) => form.set('text', e.target.value)} data-autofocus />
            </Field>
          </div>
          <footer className="dialog-actions span-all">
            <button type="submit" className="primary" disabled={form.busy}>
              Add commitment
            </button>
          </footer>
        </form>
      )}
      {detail.commitments.length === 0 ? (
        <p className="subtle">No open commitments.</p>
      ) : (
        <ul className="commitment-list">
          {detail.commitments.map((c) => (
            <li key={c.id} className={c.overdue ? 'overdue' : undefined}>
              <div className="commitment-text">
                <span className="badge tone-neutral">{c.owner === 'manager' ? 'Me' : m.repName.split(' ')[0]}</span> {c.text}
              </div>
              <div className="commitment-meta">
                {c.status === 'open' ? (
                  <span className={c.overdue ? 'badge tone-bad' : 'badge tone-neutral'}>{c.overdue ? `Overdue ${fmt.date(c.dueDate)}` : `Due ${fmt.date(c.dueDate)}`}</span>
                ) : (
                  <span className="badge tone-good">{c.status === 'done' ? `Done ${fmt.date(c.doneDate)}` : 'Dropped'}</span>
                )}
                {c.status === 'open' && !locked && (
                  <>
                    <button type="button" className="link-button" onClick={() => void setCommitmentStatus(c, 'done')} aria-label={`Mark “${c.text}” done`}>
                      Done
                    </button>
                    <button type="button" className="link-button" onClick={() => void setCommitmentStatus(c, 'dropped')} aria-label={`Drop “${c.text}”`}>
                      Drop
                    </button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
