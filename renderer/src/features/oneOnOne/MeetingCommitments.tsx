import { useState } from 'react';
import { addDays } from '../../../../shared/domain/periods';
import { commitmentInput, type CommitmentOwner } from '../../../../shared/schemas/commitments';
import type { OneOnOneDetail } from '../../../../shared/schemas/oneOnOnes';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { Field } from '../../components/Field';
import { useZodForm } from '../../lib/useZodForm';
import { CommitmentState } from '../commitments/CommitmentState';

/**
 * Commitments in the room: the rep's open ones (both sides) and new ones agreed here. Those on
 * the agenda are shown there, once, not here again.
 */
export function MeetingCommitments({ detail, locked }: { detail: OneOnOneDetail; locked: boolean }) {
  const info = useApp((s) => s.info);
  const m = detail.meeting;
  const today = info?.today ?? m.meetingDate;
  const onAgenda = new Set(detail.items.flatMap((i) => (i.sourceKind === 'commitment' && i.sourceId !== null ? [i.sourceId] : [])));
  const here = detail.commitments.filter((c) => !onAgenda.has(c.id));
  const elsewhere = detail.commitments.length - here.length;
  const form = useZodForm(commitmentInput, { owner: 'rep' as CommitmentOwner, text: '', dueDate: addDays(info?.today ?? m.meetingDate, 7) });
  const [open, setOpen] = useState(false);
  const save = () => {
    const payload = { repId: m.repId, oneOnOneId: m.id, owner: form.values.owner, text: form.values.text, dueDate: form.values.dueDate };
    void form.submit(payload, async () => {
      await call('commitments.create', payload);
      form.set('text', '');
    });
  };
  return (
    <section className="card" aria-labelledby="mc-h">
      <div className="card-head">
        <h2 id="mc-h">Commitments ({here.length})</h2>
        {!locked && (
          <button type="button" onClick={() => setOpen(!open)} aria-expanded={open}>
            Add a commitment
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
              Save the commitment
            </button>
          </footer>
        </form>
      )}
      {elsewhere > 0 && (
        <p className="subtle">
          {elsewhere} more {elsewhere === 1 ? 'is' : 'are'} on the agenda.
        </p>
      )}
      {here.length === 0 ? (
        elsewhere === 0 && <p className="subtle">No open commitments.</p>
      ) : (
        <ul className="commitment-list stacked">
          {here.map((c) => (
            <li key={c.id} className={c.overdue ? 'overdue' : undefined}>
              <div className="commitment-text">
                <span className="badge tone-neutral">{c.owner === 'manager' ? 'Me' : m.repName.split(' ')[0]}</span> {c.text}
              </div>
              <CommitmentState c={c} today={today} locked={locked} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
