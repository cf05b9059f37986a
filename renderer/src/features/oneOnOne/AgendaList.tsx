import { useState } from 'react';
import type { Commitment } from '../../../../shared/schemas/commitments';
import type { AgendaItem } from '../../../../shared/schemas/oneOnOnes';
import { CommitmentState } from '../commitments/CommitmentState';
import { hrefFor } from '../../app/router';
import { useAutosave } from '../../lib/useAutosave';
import { toDraft, useOneOnOne } from './oneOnOneStore';

const SOURCE_LABEL: Record<string, string> = {
  commitment: 'commitment',
  deal: 'deal',
  new_opps: 'new opportunities',
  coachability: 'coachability',
  value_prop: 'value proposition',
  development: 'development plan',
};

/** The agenda: notes per item, done, reorder, remove; read-only once the meeting is closed. */
export function AgendaList({
  items,
  locked,
  presenting = false,
  commitments = [],
  today = '',
}: {
  items: AgendaItem[];
  locked: boolean;
  presenting?: boolean;
  /** The meeting's commitments: a commitment item shows where its promise stands now. */
  commitments?: Commitment[];
  today?: string;
}) {
  const promise = (i: AgendaItem) => (i.sourceKind === 'commitment' ? commitments.find((c) => c.id === i.sourceId) : undefined);
  const saveItems = useOneOnOne((s) => s.saveItems);
  const move = (from: number, to: number) => {
    const next = items.map(toDraft);
    const [it] = next.splice(from, 1);
    next.splice(to, 0, it!);
    void saveItems(next);
  };
  if (items.length === 0) {
    return <p className="subtle">The agenda is empty. Use Prepare to propose items from the data, or add your own below.</p>;
  }
  return (
    <ol className="agenda">
      {items.map((i, k) =>
        // Coachability items are for the manager's eyes: not on a shared screen.
        presenting && i.sourceKind === 'coachability' ? null : (
        <li key={i.id} className={i.done ? 'done' : undefined} data-testid={`agenda-${k}`}>
          <div className="agenda-head">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={i.done}
                disabled={locked}
                onChange={(e) => void useOneOnOne.getState().setDone(i.id, e.target.checked)}
                aria-label={`Done: ${i.title}`}
              />
              <span className="agenda-title">{i.title}</span>
            </label>
            <span className="agenda-tags">
              {i.addedBy === 'rep' && <span className="badge tone-neutral">rep’s point</span>}
              {i.carriedFromId !== null && <span className="badge tone-warn">carried over</span>}
              {i.sourceKind === 'deal' && i.sourceId !== null && !presenting ? (
                <a className="badge tone-neutral" href={hrefFor({ name: 'deal', id: i.sourceId })}>
                  open deal
                </a>
              ) : i.sourceKind && SOURCE_LABEL[i.sourceKind] ? (
                <span className="badge tone-neutral">{SOURCE_LABEL[i.sourceKind]}</span>
              ) : null}
            </span>
            {!locked && !presenting && (
              <span className="row-actions">
                <button type="button" className="icon-button" aria-label={`Move up: ${i.title}`} disabled={k === 0} onClick={() => move(k, k - 1)}>
                  ↑
                </button>
                <button type="button" className="icon-button" aria-label={`Move down: ${i.title}`} disabled={k === items.length - 1} onClick={() => move(k, k + 1)}>
                  ↓
                </button>
                <button type="button" className="icon-button" aria-label={`Remove: ${i.title}`} onClick={() => void saveItems(items.filter((x) => x.id !== i.id).map(toDraft))}>
                  ×
                </button>
              </span>
            )}
          </div>
          {promise(i) && <CommitmentState c={promise(i)!} today={today} locked={locked} />}
          {/* The prompts are the manager's; the shared screen shows the topics and notes. */}
          {i.detail && !presenting && <p className="agenda-detail">{i.detail}</p>}
          <ItemNotes item={i} locked={locked} />
        </li>
        ),
      )}
    </ol>
  );
}

function ItemNotes({ item, locked }: { item: AgendaItem; locked: boolean }) {
  const [text, setText] = useState(item.notes ?? '');
  const [saved, setSaved] = useState(item.notes ?? '');
  const flush = useAutosave(text, saved, (v) => useOneOnOne.getState().setNotes(item.id, v).then((ok) => ok && setSaved(v)));
  if (locked) return item.notes ? <p className="agenda-notes">{item.notes}</p> : null;
  return (
    <label className="agenda-notes-field">
      <span className="visually-hidden">Notes for {item.title}</span>
      <textarea rows={2} placeholder="Notes…" value={text} onChange={(e) => setText(e.target.value)} onBlur={flush} />
    </label>
  );
}
