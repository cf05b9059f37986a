import { useState } from 'react';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { hrefFor, useRouter } from '../../app/router';
import { toast, toastError } from '../../app/toasts';
import { useFormat } from '../../lib/format';
import { useApiData } from '../../lib/useApiData';
import { lastHeldOf, nextOneOnOne, upcomingOf } from './nextOneOnOne';

/** The rep's one-on-ones: the next one to prepare, the history, the cadence and how long they run. */
export function OneOnOnesCard({ repId, repName, archived, cadenceDays, meetingMinutes }: { repId: number; repName: string; archived: boolean; cadenceDays: number; meetingMinutes: number }) {
  const info = useApp((s) => s.info);
  const go = useRouter((s) => s.go);
  const fmt = useFormat();
  const [cadence, setCadence] = useState(cadenceDays);
  const [minutes, setMinutes] = useState(meetingMinutes);
  const list = useApiData('oneOnOnes.list', { repId }).data;

  const today = info?.today ?? '';
  const upcoming = upcomingOf(list ?? []);
  const held = (list ?? []).filter((m) => m.status === 'closed');
  const last = lastHeldOf(list ?? []);

  const schedule = async () => {
    try {
      const id = await nextOneOnOne(repId, cadence, today);
      go({ name: 'oneOnOne', id });
    } catch (err) {
      toastError(err);
    }
  };

  return (
    <section className="card" aria-labelledby="ooo-title">
      <div className="card-head">
        <h2 id="ooo-title">One-on-ones</h2>
        {upcoming[0] ? (
          <button type="button" className="primary" onClick={() => go({ name: 'oneOnOne', id: upcoming[0]!.id })}>
            Prepare the next one-on-one ({fmt.date(upcoming[0].meetingDate)})
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void schedule()} disabled={archived}>
            Schedule the next one-on-one
          </button>
        )}
      </div>
      <p className="subtle">
        {last ? `Last held ${fmt.date(last.meetingDate)}.` : `No one-on-one with ${repName} recorded yet.`}{' '}
        <ChoiceSelect
          prefix="Every"
          label="One-on-one cadence"
          value={cadence}
          choices={[7, 14, 21, 28]}
          text={(d) => (d === 7 ? 'week' : d % 7 === 0 ? `${d / 7} weeks` : `${d} days`)}
          onChange={(days) => {
            setCadence(days);
            void call('reps.setCadence', { repId, days }).then(() => toast(`Cadence set to every ${days} days.`), toastError);
          }}
        />{' '}
        <ChoiceSelect
          prefix="for"
          label="One-on-one length"
          value={minutes}
          choices={[15, 20, 30, 45, 60]}
          text={(d) => `${d} minutes`}
          onChange={(next) => {
            setMinutes(next);
            void call('reps.setMeetingLength', { repId, minutes: next }).then(() => toast(`One-on-ones with ${repName} now run ${next} minutes.`), toastError);
          }}
        />
      </p>
      {list && list.length > 0 && (
        <ul className="meeting-list">
          {[...upcoming, ...held].slice(0, 8).map((m) => (
            <li key={m.id}>
              <a href={hrefFor({ name: 'oneOnOne', id: m.id })}>{fmt.date(m.meetingDate)}</a>
              <span className={m.status === 'closed' ? 'badge tone-neutral' : 'badge badge-open'}>{m.status === 'closed' ? 'Closed' : 'Planned'}</span>
              <span className="subtle">{m.itemCount} agenda items</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A number picked from a few choices (the current one kept even when it is not among them). */
function ChoiceSelect({ prefix, label, value, choices, text, onChange }: { prefix: string; label: string; value: number; choices: number[]; text: (n: number) => string; onChange: (n: number) => void }) {
  return (
    <label className="inline-field">
      {prefix}
      <select aria-label={label} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {[...new Set([...choices, value])].sort((a, b) => a - b).map((d) => (
          <option key={d} value={d}>
            {text(d)}
          </option>
        ))}
      </select>
    </label>
  );
}
