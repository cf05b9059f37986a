import { useState } from 'react';
import { ROLE_LABELS, STAKEHOLDER_ROLES, STANCE_LABELS, STANCES, stakeholderInput, type Stakeholder, type StakeholderRole, type Stance } from '../../../../shared/schemas/stakeholders';
import { call } from '../../api/client';
import { toast, toastError } from '../../app/toasts';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useFormat } from '../../lib/format';
import { useApiData } from '../../lib/useApiData';
import { useZodForm } from '../../lib/useZodForm';

/** Who is who on the deal, consensus warnings, and the gatekeeper playbook for mid-level contacts. */
export function StakeholderCard({ dealId }: { dealId: number }) {
  const fmt = useFormat();
  const { data } = useApiData('stakeholders.map', { dealId });
  const [editing, setEditing] = useState<Stakeholder | 'new' | null>(null);
  if (!data) return null;
  const remove = async (s: Stakeholder) => {
    try {
      const gone = await call('stakeholders.remove', { id: s.id });
      toast(`${s.name} removed.`, {
        label: 'Undo',
        run: () => void call('stakeholders.add', { ...gone, dealId }).catch(toastError),
      });
    } catch (err) {
      toastError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="sh-h">
      <div className="card-head">
        <h2 id="sh-h">Stakeholders ({data.stakeholders.length})</h2>
        <button type="button" onClick={() => setEditing('new')}>
          Add
        </button>
      </div>
      {data.warnings.map((w) => (
        <p key={w} className="callout">
          {w}
        </p>
      ))}
      <ul className="stakeholders">
        {data.stakeholders.map((s) => (
          <li key={s.id} data-testid={`stakeholder-${s.name}`}>
            <div className="sh-head">
              <span>
                <strong>{s.name}</strong>
                {s.title && <span className="subtle"> · {s.title}</span>} <span className="badge tone-neutral">{ROLE_LABELS[s.role]}</span>{' '}
                <span className={`badge tone-${s.stance === 'supporter' ? 'good' : s.stance === 'opponent' ? 'bad' : 'neutral'}`}>{STANCE_LABELS[s.stance]}</span>
              </span>
              <span className="row-actions">
                <button type="button" className="link-button" onClick={() => setEditing(s)} aria-label={`Edit ${s.name}`}>
                  Edit
                </button>
                <button type="button" className="link-button" onClick={() => void remove(s)} aria-label={`Remove ${s.name}`}>
                  Remove
                </button>
              </span>
            </div>
            <p className="subtle">
              Last contact {fmt.date(s.lastContactDate)}
              {s.role === 'mid_level' && ` · ${s.nudgesSent} nudges · decision maker's name ${s.dmNameKnown ? 'known' : 'not known'}`}
            </p>
            {s.playbook.length > 0 && (
              <ul className="playbook">
                {s.playbook.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {editing && <StakeholderForm dealId={dealId} stakeholder={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

function StakeholderForm({ dealId, stakeholder: s, onClose }: { dealId: number; stakeholder: Stakeholder | null; onClose: () => void }) {
  const form = useZodForm(stakeholderInput, {
    name: s?.name ?? '',
    title: s?.title ?? '',
    role: (s?.role ?? 'champion') as StakeholderRole,
    stance: (s?.stance ?? 'unknown') as Stance,
    lastContactDate: s?.lastContactDate ?? '',
    nudgesSent: String(s?.nudgesSent ?? 0),
    dmNameKnown: s?.dmNameKnown ?? false,
    willRecommend: (s?.willRecommend ?? '') as '' | 'yes' | 'no' | 'unsure',
    dmMeetingDate: s?.dmMeetingDate ?? '',
  });
  const v = form.values;
  const save = () => {
    const fields = {
      name: v.name, title: v.title, role: v.role, stance: v.stance, lastContactDate: v.lastContactDate,
      nudgesSent: v.nudgesSent.trim() === '' ? 0 : Number(v.nudgesSent), dmNameKnown: v.dmNameKnown,
      willRecommend: v.willRecommend || null, dmMeetingDate: v.dmMeetingDate,
    };
    void form.submit({ dealId, ...fields }, async () => {
      if (s) await call('stakeholders.update', { id: s.id, ...fields });
      else await call('stakeholders.add', { dealId, ...fields });
      onClose();
    });
  };
  const mid = v.role === 'mid_level';
  return (
    <Dialog title={s ? `Edit ${s.name}` : 'Add a stakeholder'} onClose={onClose}>
      <form
        className="dialog-body form-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Field label="Name" error={form.errors.name}>
          <input value={v.name} onChange={(e) => form.set('name', e.target.value)} data-autofocus />
        </Field>
        <Field label="Job title" error={form.errors.title}>
          <input value={v.title} onChange={(e) => form.set('title', e.target.value)} />
        </Field>
        <Field label="Role in the decision" error={form.errors.role}>
          <select value={v.role} onChange={(e) => form.set('role', e.target.value as StakeholderRole)}>
            {STAKEHOLDER_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Stance" error={form.errors.stance}>
          <select value={v.stance} onChange={(e) => form.set('stance', e.target.value as Stance)}>
            {STANCES.map((x) => (
              <option key={x} value={x}>
                {STANCE_LABELS[x]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Last contact" error={form.errors.lastContactDate}>
          <input type="date" value={v.lastContactDate} onChange={(e) => form.set('lastContactDate', e.target.value)} />
        </Field>
        {mid && (
          <>
            <Field label="Nudges sent" error={form.errors.nudgesSent}>
              <input inputMode="numeric" value={v.nudgesSent} onChange={(e) => form.set('nudgesSent', e.target.value)} />
            </Field>
            <Field label="Their meeting with the decision maker" error={form.errors.dmMeetingDate}>
              <input type="date" value={v.dmMeetingDate} onChange={(e) => form.set('dmMeetingDate', e.target.value)} />
            </Field>
            <Field label="“Will you recommend us?”" error={form.errors.willRecommend}>
              <select value={v.willRecommend} onChange={(e) => form.set('willRecommend', e.target.value as '' | 'yes' | 'no' | 'unsure')}>
                <option value="">Not asked yet</option>
                <option value="yes">Yes</option>
                <option value="unsure">Unsure / dodging</option>
                <option value="no">No</option>
              </select>
            </Field>
            <label className="checkbox span-all">
              <input type="checkbox" checked={v.dmNameKnown} onChange={(e) => form.set('dmNameKnown', e.target.checked)} /> We know the decision maker's name
            </label>
          </>
        )}
        <FormFooter error={form.formError} busy={form.busy} submitLabel={s ? 'Save changes' : 'Add stakeholder'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
