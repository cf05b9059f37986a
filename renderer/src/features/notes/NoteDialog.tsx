import { NOTE_KIND_LABELS, NOTE_KINDS, noteInput, type Note, type NoteKind } from '../../../../shared/schemas/notes';
import { addDays } from '../../../../shared/domain/periods';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { toast } from '../../app/toasts';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useZodForm } from '../../lib/useZodForm';
import { useApiData } from '../../lib/useApiData';
import { dealHeading } from '../../../../shared/domain/format';

/** Add or edit a coaching note; feedback can ask "did they apply it?" on a later date. */
/** `oneOnOneId` files a new note under the meeting it was written in. */
/** `repName` names the rep in the title where the screen around does not (the command palette). */
export function NoteDialog({ repId, repName, note, oneOnOneId, onClose }: { repId: number; repName?: string; note?: Note; oneOnOneId?: number; onClose: () => void }) {
  const info = useApp((s) => s.info);
  const settings = useApp((s) => s.settings);
  const today = info?.today ?? '';
  const deals = useApiData('deals.listByRep', { repId, outcome: 'all' }).data ?? [];
  const form = useZodForm(noteInput, {
    kind: (note?.kind ?? 'feedback') as NoteKind,
    noteDate: note?.noteDate ?? today,
    body: note?.body ?? '',
    skill: note?.skill ?? '',
    dealId: note?.dealId ? String(note.dealId) : '',
    visibility: note?.visibility ?? ('private' as 'private' | 'shareable'),
    followUp: note ? note.followUpDue !== null : true,
    followUpDue: note?.followUpDue ?? (today ? addDays(today, 14) : ''),
  });
  const v = form.values;
  const skills = [...new Set([...(settings?.skills ?? []), ...(note?.skill ? [note.skill] : [])])];
  const save = () => {
    const payload = {
      repId,
      kind: v.kind,
      noteDate: v.noteDate,
      body: v.body,
      skill: v.skill || null,
      dealId: v.dealId ? Number(v.dealId) : null,
      oneOnOneId: note?.oneOnOneId ?? oneOnOneId ?? null,
      visibility: v.visibility,
      followUpDue: v.kind === 'feedback' && v.followUp ? v.followUpDue : null,
    };
    void form.submit(payload, async () => {
      if (note) await call('notes.update', { id: note.id, ...payload });
      else await call('notes.create', payload);
      toast(note ? 'Note saved.' : 'Note added.');
      onClose();
    });
  };
  return (
    <Dialog title={`${note ? 'Edit coaching note' : 'Add a coaching note'}${repName ? ` for ${repName}` : ''}`} onClose={onClose} wide>
      <form
        className="dialog-body form-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Field label="Kind" error={form.errors.kind}>
          <select value={v.kind} onChange={(e) => form.set('kind', e.target.value as NoteKind)} data-autofocus disabled={note?.kind === 'deal_review'}>
            {NOTE_KINDS.filter((k) => k !== 'deal_review' || note?.kind === 'deal_review').map((k) => (
              <option key={k} value={k}>
                {NOTE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Date" error={form.errors.noteDate}>
          <input type="date" value={v.noteDate} max={today} onChange={(e) => form.set('noteDate', e.target.value)} />
        </Field>
        <Field label="Skill or driver" error={form.errors.skill}>
          <select value={v.skill} onChange={(e) => form.set('skill', e.target.value)}>
            <option value="">None</option>
            {skills.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Deal (optional)" error={form.errors.dealId}>
          <select value={v.dealId} onChange={(e) => form.set('dealId', e.target.value)}>
            <option value="">No deal</option>
            {deals.map((d) => (
              <option key={d.id} value={d.id}>
                {dealHeading(d.name, d.accountName)}
                {d.outcome === 'open' ? '' : ` (${d.outcome})`}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Note" error={form.errors.body}>
          <textarea rows={5} value={v.body} maxLength={5000} onChange={(e) => form.set('body', e.target.value)} placeholder="What you saw, what you said, what you agreed" />
        </Field>
        <fieldset className="radio-row span-all">
          <legend>Who may see it</legend>
          <label className="checkbox">
            <input type="radio" name="visibility" checked={v.visibility === 'private'} onChange={() => form.set('visibility', 'private')} /> Private (only you)
          </label>
          <label className="checkbox">
            <input type="radio" name="visibility" checked={v.visibility === 'shareable'} onChange={() => form.set('visibility', 'shareable')} /> Shareable (in reviews for
            your manager or HR)
          </label>
        </fieldset>
        {v.kind === 'feedback' && (
          <div className="span-all follow-up-row">
            <label className="checkbox">
              <input type="checkbox" checked={v.followUp} onChange={(e) => form.set('followUp', e.target.checked)} /> Follow up: did they apply it?
            </label>
            {v.followUp && (
              <Field label="Ask on" error={form.errors.followUpDue}>
                <input type="date" value={v.followUpDue} min={v.noteDate} onChange={(e) => form.set('followUpDue', e.target.value)} />
              </Field>
            )}
          </div>
        )}
        <FormFooter error={form.formError} busy={form.busy} submitLabel={note ? 'Save note' : 'Add note'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
