import { useCallback, useEffect, useState } from 'react';
import type { PreparedAgenda, ProposedItem } from '../../../../shared/schemas/oneOnOnes';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { hrefFor } from '../../app/router';
import { toast, toastError } from '../../app/toasts';
import { ConfirmDialog } from '../../components/Dialog';
import { TextPromptDialog } from '../../components/TextPromptDialog';
import { useFormat } from '../../lib/format';
import { useShortcut } from '../../lib/useShortcut';
import { useApiData } from '../../lib/useApiData';
import { AgendaList } from './AgendaList';
import { ExportDialog } from '../export/ExportDialog';
import { ObservationDialog } from '../coachability/ObservationDialog';
import { NoteDialog } from '../notes/NoteDialog';
import { MeetingCommitments } from './MeetingCommitments';
import { toDraft, useOneOnOne } from './oneOnOneStore';
import { PrivateNote } from './PrivateNote';
import { ErrorBoundary } from '../../components/ErrorBoundary';

/** Prepare, run and close a one-on-one. Closing locks it; unlocking is recorded with a reason. */
export function OneOnOneScreen({ id }: { id: number }) {
  const fmt = useFormat();
  const proposals = useOneOnOne((s) => s.proposals);
  const presenting = useOneOnOne((s) => s.presenting);
  const ticks = useOneOnOne((s) => s.ticks);
  const { prepare, accept, dismiss, saveItems, setPresenting } = useOneOnOne.getState();
  // While presenting, only the rep's view is asked for; switching keeps the other view on screen
  // until the new one arrives, and private parts stay off until the manager's own has loaded.
  const { data: loaded, error, stale } = useApiData('oneOnOnes.get', { id, presenting }, { keep: true });
  const sharedView = stale && !presenting;
  const today = useApp((s) => s.info?.today ?? '');
  const [closing, setClosing] = useState(false);
  const [unlocking, setUnlocking] = useState(false);
  const [newItem, setNewItem] = useState('');
  const [repPoint, setRepPoint] = useState('');
  const [exporting, setExporting] = useState(false);
  const [observing, setObserving] = useState(false);
  const [noting, setNoting] = useState(false);

  useEffect(() => {
    useOneOnOne.getState().open(id);
    return () => useOneOnOne.getState().open(null);
  }, [id]);
  useEffect(() => void (loaded && useOneOnOne.getState().settle(loaded.items)), [loaded]);
  // Presenting ends with the meeting: any other screen is the manager's own again.
  useEffect(() => () => useOneOnOne.getState().setPresenting(false), []);
  useShortcut('p', useCallback(() => void useOneOnOne.getState().prepare(), []), 'Propose the agenda');

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!loaded || loaded.meeting.id !== id) return <p className="loading">Loading the one-on-one…</p>;
  // Ticks not saved yet show at once.
  const detail = { ...loaded, items: loaded.items.map((i) => (i.id in ticks ? { ...i, done: ticks[i.id]! } : i)) };
  const m = detail.meeting;
  const locked = m.status === 'closed';
  const unfinished = detail.items.filter((i) => !i.done).length;
  const early = today !== '' && m.meetingDate > today;

  const addItem = (title: string, addedBy: 'manager' | 'rep') => {
    if (!title.trim()) return;
    void saveItems([...detail.items.map(toDraft), { title, detail: null, sourceKind: null, sourceId: null, addedBy, notes: null, done: false }]);
  };

  return (
    <section className={presenting ? 'screen presenting' : 'screen'} aria-labelledby="ooo-h">
      {!presenting && (
        <nav className="crumbs" aria-label="Breadcrumb">
          <a href={hrefFor({ name: 'team' })}>Team</a> <span aria-hidden="true">›</span> <a href={hrefFor({ name: 'rep', id: m.repId })}>{m.repName}</a>{' '}
          <span aria-hidden="true">›</span> <span aria-current="page">One-on-one</span>
        </nav>
      )}
      <header className="screen-head">
        <div>
          <h1 id="ooo-h" tabIndex={-1}>
            One-on-one with {m.repName}
          </h1>
          <p className="subtle">
            {fmt.date(m.meetingDate)} · <span className={locked ? 'badge tone-neutral' : 'badge badge-open'}>{locked ? 'Closed' : 'Planned'}</span>
            {detail.previousMeetingDate && ` · previous ${fmt.date(detail.previousMeetingDate)}`}
          </p>
        </div>
        {presenting ? (
          <div className="head-actions">
            <p className="subtle presenting-note">Presenting: what {m.repName} may see. Private notes, prompts and coachability are not on this screen.</p>
            <button type="button" className="primary" onClick={() => setPresenting(false)}>
              Stop presenting
            </button>
          </div>
        ) : (
        <div className="head-actions">
          <button type="button" onClick={() => setPresenting(true)} title="A full-window view for a shared screen: nothing private, nothing of other reps">
            Present to {m.repName.split(' ')[0]}
          </button>
          <button type="button" onClick={() => setNoting(true)}>
            Coaching note
          </button>
          <button type="button" onClick={() => setObserving(true)}>
            Record observation
          </button>
          <button type="button" onClick={() => setExporting(true)}>
            Export…
          </button>
          {!locked && (
            <button type="button" onClick={() => void prepare()} aria-keyshortcuts="p">
              Prepare <kbd>P</kbd>
            </button>
          )}
          {locked ? (
            <button type="button" onClick={() => setUnlocking(true)}>
              Unlock…
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => setClosing(true)}>
              Close and lock
            </button>
          )}
        </div>
        )}
      </header>

      {proposals && !locked && !presenting && <Proposals prepared={proposals} onAccept={(p) => void accept(loaded.items, p)} onDismiss={(p) => void dismiss(p)} />}

      <div className="columns wide-left">
        <section className="card" aria-labelledby="agenda-h">
          <h2 id="agenda-h">Agenda ({detail.items.length})</h2>
          <ErrorBoundary label="The agenda">
            <AgendaList items={detail.items} locked={locked} presenting={presenting} commitments={detail.commitments} today={today} />
          </ErrorBoundary>
          {!locked && !presenting && (
            <div className="add-items">
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  addItem(newItem, 'manager');
                  setNewItem('');
                }}
              >
                <label>
                  <span className="visually-hidden">Add an agenda item</span>
                  <input value={newItem} onChange={(e) => setNewItem(e.target.value)} placeholder="Add an item…" />
                </label>
                <button type="submit">Add item</button>
              </form>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  addItem(repPoint, 'rep');
                  setRepPoint('');
                }}
              >
                <label>
                  <span className="visually-hidden">Add the rep’s talking point</span>
                  <input value={repPoint} onChange={(e) => setRepPoint(e.target.value)} placeholder={`${m.repName}’s talking point…`} />
                </label>
                <button type="submit">Add talking point</button>
              </form>
            </div>
          )}
        </section>
        <div className="stack">
          <ErrorBoundary label="The commitments">
            <MeetingCommitments detail={detail} locked={locked} />
          </ErrorBoundary>
          {/* Absent while presenting, not hidden: leaving the page saves an unsaved edit first. */}
          {!presenting && !sharedView && <PrivateNote meetingId={m.id} note={m.privateNote} locked={locked} />}
          {detail.events.length > 0 && !presenting && (
            <section className="card" aria-labelledby="log-h">
              <h2 id="log-h">Lock history</h2>
              <ul className="plain-list">
                {detail.events.map((e, k) => (
                  <li key={k}>
                    {e.action === 'closed' ? 'Closed' : 'Unlocked'} {new Date(e.at).toLocaleString()}
                    {e.reason && <span className="subtle"> · “{e.reason}”</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>

      {closing && (
        <ConfirmDialog
          title={early ? 'Close this one-on-one before its day?' : 'Close and lock this one-on-one?'}
          message={
            <p>
              {early && (
                <>
                  It is planned for {fmt.date(m.meetingDate)}. Closing it now moves its date to today, {fmt.date(today)}.{' '}
                </>
              )}
              Notes and agenda become read-only.{' '}
              {unfinished > 0 ? `Unfinished items that are still true (${unfinished} open now) carry forward to the next one-on-one.` : 'Every item is done.'} You can
              unlock it later; the change is recorded.
            </p>
          }
          confirmLabel={early ? 'Move to today and close' : 'Close and lock'}
          onCancel={() => setClosing(false)}
          onConfirm={() => {
            setClosing(false);
            void call('oneOnOnes.close', { id: m.id, moveToToday: early })
              .then((r) => {
                toast(r.next ? `Closed. Unfinished items carried to ${fmt.date(r.next.meetingDate)}.` : 'Closed.');
              })
              .catch(toastError);
          }}
        />
      )}
      {unlocking && <UnlockDialog id={m.id} onClose={() => setUnlocking(false)} />}
      {noting && <NoteDialog repId={m.repId} oneOnOneId={m.id} onClose={() => setNoting(false)} />}
      {observing && <ObservationDialog repId={m.repId} repName={m.repName} context="one_on_one" onClose={() => setObserving(false)} />}
      {exporting && <ExportDialog kind="oneOnOne" id={m.id} onClose={() => setExporting(false)} />}
    </section>
  );
}

/**
 * Prepare's answer: what fits the meeting comes ticked, in rank order, each with its minutes and
 * why; the rest is listed unticked as also worth raising. "Not this time" takes one off for good.
 */
function Proposals({ prepared, onAccept, onDismiss }: { prepared: PreparedAgenda; onAccept: (p: ProposedItem[]) => void; onDismiss: (p: ProposedItem) => void }) {
  const { items, meetingMinutes, onAgendaMinutes } = prepared;
  const [picked, setPicked] = useState<Set<ProposedItem>>(() => new Set(items.filter((p) => p.selected)));
  useEffect(() => setPicked(new Set(items.filter((p) => p.selected))), [items]);
  const pickedMinutes = [...picked].reduce((sum, p) => sum + p.minutes, 0);
  const total = onAgendaMinutes + pickedMinutes;
  const fits = items.filter((p) => p.selected);
  const more = items.filter((p) => !p.selected);
  const row = (p: ProposedItem) => (
    <li key={`${p.sourceKind}:${p.sourceId}`}>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={picked.has(p)}
          onChange={(e) => {
            const next = new Set(picked);
            if (e.target.checked) next.add(p);
            else next.delete(p);
            setPicked(next);
          }}
        />
        <span>
          <strong>{p.title}</strong> <span className="badge tone-neutral">{p.minutes} min</span>
          <span className="proposal-why">{p.why}</span>
          {p.detail && <span className="subtle proposal-detail">{p.detail}</span>}
        </span>
      </label>
      <button type="button" className="link-button" onClick={() => onDismiss(p)} aria-label={`Not this time: ${p.title}`}>
        Not this time
      </button>
    </li>
  );
  return (
    <section className="card proposals" aria-labelledby="prep-h">
      <h2 id="prep-h">Prepared from the data</h2>
      {prepared.dropped.length > 0 && (
        <div className="notice" role="status">
          <strong>Taken off the agenda, no longer true:</strong>
          <ul className="plain-list">
            {prepared.dropped.map((d, k) => (
              <li key={k}>
                {d.title} <span className="subtle">({d.why})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {items.length === 0 ? (
        <p className="subtle">Nothing new to add: everything the data suggests is already on the agenda.</p>
      ) : (
        <>
          <p className={total > meetingMinutes ? 'bad-text' : 'subtle'} aria-live="polite">
            {onAgendaMinutes > 0 ? `${onAgendaMinutes} min already on the agenda + ` : ''}
            {pickedMinutes} min ticked = {total} of {meetingMinutes} minutes{total > meetingMinutes ? ': over the meeting’s time' : ''}.
          </p>
          {fits.length > 0 && (
            <>
              <h3>Fits in the meeting ({fits.length})</h3>
              <ul className="proposal-list">{fits.map(row)}</ul>
            </>
          )}
          {more.length > 0 && (
            <>
              <h3>Also worth raising ({more.length})</h3>
              <ul className="proposal-list">{more.map(row)}</ul>
            </>
          )}
          <button type="button" className="primary" disabled={picked.size === 0} onClick={() => onAccept(items.filter((p) => picked.has(p)))}>
            Add {picked.size} to the agenda
          </button>
        </>
      )}
    </section>
  );
}

function UnlockDialog({ id, onClose }: { id: number; onClose: () => void }) {
  return (
    <TextPromptDialog
      title="Unlock this one-on-one"
      label="Why are you changing a closed meeting?"
      submitLabel="Unlock"
      onClose={onClose}
      onSubmit={async (reason) => {
        await call('oneOnOnes.unlock', { id, reason });
        toast('Unlocked. The change is recorded.');
      }}
    />
  );
}
