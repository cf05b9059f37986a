import { useCallback, useState } from 'react';
import { addDays } from '../../../../shared/domain/periods';
import { WEEK_STATE_LABELS, WEEK_STATE_TONES, weekStart } from '../../../../shared/domain/oneOnOneWeek';
import { countOf } from '../../../../shared/domain/format';
import type { RepWeek } from '../../../../shared/schemas/oneOnOnes';
import { call } from '../../api/client';
import { saveData } from '../../api/saveData';
import { saveExport } from '../../api/saveExport';
import { useApp } from '../../app/appStore';
import { hrefFor, useRouter } from '../../app/router';
import { toast, toastError } from '../../app/toasts';
import { EmptyState } from '../../components/EmptyState';
import { useFormat } from '../../lib/format';
import { useApiData } from '../../lib/useApiData';
import { asOfArg, useAsOf } from '../../lib/useAsOf';
import { useShortcut } from '../../lib/useShortcut';
import { nextOneOnOne } from '../oneOnOne/nextOneOnOne';
import { useOneOnOne } from '../oneOnOne/oneOnOneStore';

/**
 * The One-on-ones section: the week at a glance. Every active rep with where their one-on-ones
 * stand (overdue, this week, due by the cadence with none planned), last held and next planned,
 * each one click from Prepare; "Prepare the week", the week's prep pack and the calendar file.
 */
export function OneOnOnesScreen() {
  const info = useApp((s) => s.info);
  const changed = useApp((s) => s.changed);
  const asOf = useAsOf((s) => s.asOf);
  const today = asOf || info?.today || '';
  const fmt = useFormat();
  const [week, setWeek] = useState(() => weekStart(today));
  const [busy, setBusy] = useState<string | null>(null);
  const { data, error } = useApiData('oneOnOnes.week', { from: week, ...asOfArg(asOf) }, `${week}|${asOf}`);

  const shift = useCallback((days: number) => setWeek((w) => addDays(w, days)), []);
  useShortcut('[', useCallback(() => shift(-7), [shift]), 'Previous week');
  useShortcut(']', useCallback(() => shift(7), [shift]), 'Next week');
  useShortcut('t', useCallback(() => setWeek(weekStart(today)), [today]), 'This week');

  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    try {
      await work();
    } catch (err) {
      toastError(err);
    } finally {
      setBusy(null);
    }
  };

  const prepareWeek = () =>
    run('prepare', async () => {
      const r = await call('oneOnOnes.prepareWeek', { from: week, ...asOfArg(asOf) });
      changed();
      const added = r.meetings.reduce((n, m) => n + m.added, 0);
      toast(
        r.meetings.length === 0
          ? 'No one-on-ones are planned this week: nothing to prepare.'
          : `Prepared ${countOf(r.meetings.length, 'one-on-one')}: ${countOf(added, 'item')} added, each agenda within its meeting length.`,
      );
    });
  const exportPack = (format: 'pdf' | 'md') =>
    run(format, async () => {
      const where = await saveExport({ doc: { kind: 'week', from: week }, includePrivate: false, ...asOfArg(asOf) }, format);
      if (where) toast(`Saved ${where}.`);
    });
  const exportCalendar = () =>
    run('ics', async () => {
      const where = await saveData('calendar');
      if (where) toast(`Saved ${where}. Import it in Outlook or Google Calendar; importing a newer file updates the same events.`);
    });

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!data || !info) return <p className="loading">Loading…</p>;
  const count = (state: RepWeek['standing']['state']) => data.reps.filter((r) => r.standing.state === state).length;
  const toHold = data.reps.reduce((n, r) => n + r.toHold.filter((m) => m.date >= data.from).length, 0);
  const isThisWeek = data.from === weekStart(today);

  return (
    <section className="screen" aria-labelledby="ones-title">
      <header className="screen-head">
        <div>
          <h1 id="ones-title" tabIndex={-1}>
            One-on-ones
          </h1>
          <p className="subtle">
            Week of {fmt.date(data.from)} to {fmt.date(data.to)}
            {isThisWeek ? ' (this week)' : ''} · {countOf(toHold, 'one-on-one')} planned
            {count('overdue') > 0 && ` · ${count('overdue')} overdue`}
            {count('due') > 0 && ` · ${countOf(count('due'), 'rep')} due with none this week`}
          </p>
        </div>
        <div className="head-actions">
          <div role="group" aria-label="Week" className="button-row">
            <button type="button" onClick={() => shift(-7)} aria-keyshortcuts="[">
              ← Previous <kbd>[</kbd>
            </button>
            <button type="button" onClick={() => setWeek(weekStart(today))} disabled={isThisWeek} aria-keyshortcuts="t">
              This week <kbd>T</kbd>
            </button>
            <button type="button" onClick={() => shift(7)} aria-keyshortcuts="]">
              Next <kbd>]</kbd> →
            </button>
          </div>
        </div>
      </header>

      <section className="card" aria-labelledby="ones-actions">
        <h2 id="ones-actions">Get ready for the week</h2>
        <p className="subtle">
          Prepare the week proposes each planned agenda from the data and adds what fits each rep’s meeting length; what is on an agenda already stays. The prep pack has
          every agenda with the numbers behind it and last meeting’s commitments, to read offline. The calendar file holds the planned one-on-ones from today on: rep and
          length only, nothing private.
        </p>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => void prepareWeek()} disabled={busy !== null}>
            {busy === 'prepare' ? 'Preparing…' : 'Prepare the week'}
          </button>
          <button type="button" onClick={() => void exportPack('pdf')} disabled={busy !== null}>
            {busy === 'pdf' ? 'Making the PDF…' : 'Prep pack (PDF)'}
          </button>
          <button type="button" onClick={() => void exportPack('md')} disabled={busy !== null}>
            Prep pack (Markdown)
          </button>
          <button type="button" onClick={() => void exportCalendar()} disabled={busy !== null}>
            Calendar (.ics)
          </button>
        </div>
        {busy && (
          <progress aria-label="Working" className="inline-progress">
            Working…
          </progress>
        )}
      </section>

      {data.reps.length === 0 ? (
        <EmptyState title="No reps yet">Add your reps on the Team screen (or load the demo team there); their one-on-ones appear here, week by week.</EmptyState>
      ) : (
        <section className="card" aria-labelledby="ones-reps">
          <h2 id="ones-reps">Reps, most urgent first</h2>
          <table className="plain-table ones-table" aria-label="One-on-ones by rep">
            <thead>
              <tr>
                <th scope="col">Rep</th>
                <th scope="col">Where it stands</th>
                <th scope="col">To hold</th>
                <th scope="col">Last held</th>
                <th scope="col">Next after this week</th>
                <th scope="col">Cadence</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.reps.map((r) => (
                <RepRow key={r.repId} row={r} today={today} busy={busy !== null} />
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

function RepRow({ row: r, today, busy }: { row: RepWeek; today: string; busy: boolean }) {
  const fmt = useFormat();
  const go = useRouter((s) => s.go);
  const changed = useApp((s) => s.changed);
  const target = r.toHold[0] ?? r.after;
  // One click: open the meeting (planning it on the cadence first when none is planned) and Prepare.
  const prepare = async () => {
    try {
      const id = target?.id ?? (await nextOneOnOne(r.repId, r.cadenceDays, today));
      if (!target) changed();
      useOneOnOne.setState({ prepareOnOpen: id });
      go({ name: 'oneOnOne', id });
    } catch (err) {
      toastError(err);
    }
  };
  const s = r.standing;
  return (
    <tr data-testid={`ones-${r.repName}`}>
      <th scope="row">
        <a href={hrefFor({ name: 'rep', id: r.repId })}>{r.repName}</a>
      </th>
      <td>
        <span className={`badge tone-${WEEK_STATE_TONES[s.state]}`}>{WEEK_STATE_LABELS[s.state]}</span>
        <div className="subtle small">{s.reason}</div>
      </td>
      <td>
        {r.toHold.length === 0
          ? '—'
          : r.toHold.map((m) => (
              <div key={m.id} className="nowrap">
                <a href={hrefFor({ name: 'oneOnOne', id: m.id })} className={m.date < today ? 'bad-text' : undefined}>
                  {fmt.date(m.date)}
                </a>{' '}
                <span className="subtle small">{m.itemCount ? countOf(m.itemCount, 'item') : 'no agenda yet'}</span>
              </div>
            ))}
      </td>
      <td className="nowrap">{r.lastHeld ? fmt.date(r.lastHeld) : <span className="subtle">None yet</span>}</td>
      <td className="nowrap">{r.after ? <a href={hrefFor({ name: 'oneOnOne', id: r.after.id })}>{fmt.date(r.after.date)}</a> : <span className="subtle">None planned</span>}</td>
      <td className="nowrap">
        every {countOf(r.cadenceDays, 'day')}
        <div className="subtle small">{r.meetingMinutes} min</div>
      </td>
      <td>
        <button type="button" onClick={() => void prepare()} disabled={busy} aria-label={`${target ? 'Prepare' : 'Plan and prepare'} the one-on-one with ${r.repName}`}>
          {target ? 'Prepare' : 'Plan and prepare'}
        </button>
      </td>
    </tr>
  );
}
