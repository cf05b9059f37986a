import { useCallback, useMemo, useState } from 'react';
import { FOLLOW_UP_ANSWERS, FOLLOW_UP_LABELS, NOTE_KIND_LABELS, NOTE_KINDS, type Note, type NoteKind } from '../../../../shared/schemas/notes';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { hrefFor } from '../../app/router';
import { toast } from '../../app/toasts';
import { ConfirmDialog } from '../../components/Dialog';
import { useApiData } from '../../lib/useApiData';
import { useFormat } from '../../lib/format';
import { useShortcut } from '../../lib/useShortcut';
import { NoteDialog } from './NoteDialog';
import { ReviewAnswers } from '../dealReview/ReviewAnswers';
import { dealHeading } from '../../../../shared/domain/format';

/** The rep's coaching record: a timeline filterable by kind, skill and deal; C adds a note. */
export function NotesCard({ repId, repName }: { repId: number; repName: string }) {
  const fmt = useFormat();
  const info = useApp((s) => s.info);
  const [kind, setKind] = useState<NoteKind | ''>('');
  const [skill, setSkill] = useState('');
  const [deal, setDeal] = useState('');
  const [editing, setEditing] = useState<Note | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Note | null>(null);
  useShortcut('c', useCallback(() => setEditing('new'), []), 'New coaching note');
  const { data: all } = useApiData('notes.list', { repId });
  const notes = useMemo(
    () => (all ?? []).filter((n) => (!kind || n.kind === kind) && (!skill || n.skill === skill) && (!deal || String(n.dealId) === deal)),
    [all, kind, skill, deal],
  );
  const skills = [...new Set((all ?? []).flatMap((n) => (n.skill ? [n.skill] : [])))].sort();
  const deals = [...new Map((all ?? []).filter((n) => n.dealId).map((n) => [n.dealId!, dealHeading(n.dealName ?? '', n.accountName)])).entries()];
  const today = info?.today ?? '';

  const answer = async (n: Note, a: (typeof FOLLOW_UP_ANSWERS)[number]) => {
    try {
      await call('notes.followUp', { id: n.id, answer: a });
      toast(`Follow-up recorded: ${FOLLOW_UP_LABELS[a].toLowerCase()}.`);
    } catch (err) {
      toast((err as Error).message);
    }
  };
  const remove = async (n: Note) => {
    setDeleting(null);
    try {
      await call('notes.delete', { id: n.id });
      toast('Note deleted.');
    } catch (err) {
      toast((err as Error).message);
    }
  };

  return (
    <section className="card" aria-labelledby="notes-title">
      <div className="card-head">
        <h2 id="notes-title">Coaching notes</h2>
        <button type="button" className="primary" onClick={() => setEditing('new')} aria-keyshortcuts="c">
          Add note <kbd>C</kbd>
        </button>
      </div>
      <div className="toolbar notes-filters">
        <select aria-label="Filter notes by kind" value={kind} onChange={(e) => setKind(e.target.value as NoteKind | '')}>
          <option value="">All kinds</option>
          {NOTE_KINDS.map((k) => (
            <option key={k} value={k}>
              {NOTE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <select aria-label="Filter notes by skill" value={skill} onChange={(e) => setSkill(e.target.value)}>
          <option value="">All skills</option>
          {skills.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select aria-label="Filter notes by deal" value={deal} onChange={(e) => setDeal(e.target.value)}>
          <option value="">All deals</option>
          {deals.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {all && all.length === 0 && (
        <p className="empty-note">
          No coaching notes for {repName} yet. After a call, a ride-along or feedback, press <kbd>C</kbd> and write down what you saw and said.
        </p>
      )}
      {all && all.length > 0 && notes.length === 0 && <p className="empty-note">No notes match these filters.</p>}
      <ol className="timeline notes-timeline">
        {notes.map((n) => (
          <li key={n.id} data-testid={`note-${n.id}`}>
            <div className="note-head">
              <strong>{fmt.date(n.noteDate)}</strong>
              <span className="badge">{NOTE_KIND_LABELS[n.kind]}</span>
              {n.skill && <span className="badge tone-neutral">{n.skill}</span>}
              {n.visibility === 'private' ? <span className="badge tone-warn">private</span> : <span className="badge badge-won">shareable</span>}
              {n.dealId && (
                <a href={hrefFor({ name: 'deal', id: n.dealId })}>
                  {dealHeading(n.dealName ?? '', n.accountName)}
                </a>
              )}
              {n.oneOnOneId && <a href={hrefFor({ name: 'oneOnOne', id: n.oneOnOneId })}>from a one-on-one</a>}
              <span className="row-actions">
                <button type="button" className="link-button" onClick={() => setEditing(n)}>
                  Edit
                </button>
                <button type="button" className="link-button" onClick={() => setDeleting(n)}>
                  Delete
                </button>
              </span>
            </div>
            <p className="note-body">{n.body}</p>
            <ReviewAnswers answers={n.answers} />
            {n.kind === 'feedback' && n.followUpDue && (
              <div className="follow-up small">
                {n.followUpAnswer ? (
                  <>
                    Applied? <strong>{FOLLOW_UP_LABELS[n.followUpAnswer]}</strong> ({fmt.date(n.followUpDate)})
                  </>
                ) : (
                  <>
                    <span className={n.followUpDue <= today ? 'warn' : 'subtle'}>Did they apply it? {n.followUpDue <= today ? `Due since ${fmt.date(n.followUpDue)}` : `Ask on ${fmt.date(n.followUpDue)}`}</span>
                    {FOLLOW_UP_ANSWERS.map((a) => (
                      <button key={a} type="button" onClick={() => void answer(n, a)}>
                        {FOLLOW_UP_LABELS[a]}
                      </button>
                    ))}
                  </>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
      {editing && <NoteDialog repId={repId} {...(editing === 'new' ? {} : { note: editing })} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDialog
          title="Delete this note?"
          message={
            deleting.kind === 'deal_review'
              ? 'The review and its answers are deleted; the commitments it created stay on the Commitments screen.'
              : `The ${NOTE_KIND_LABELS[deleting.kind].toLowerCase()} note of ${fmt.date(deleting.noteDate)} is deleted for good.`
          }
          confirmLabel="Delete note"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => void remove(deleting)}
        />
      )}
    </section>
  );
}
