import { useState } from 'react';
import { DRIVER_DEFS, PLAN_OUTCOME_TEXT, formatDriver } from '../../../../shared/domain/development';
import type { PlanView, RepDevelopment, TeamDevelopment } from '../../../../shared/schemas/development';
import { call } from '../../api/client';
import { hrefFor } from '../../app/router';
import { toast } from '../../app/toasts';
import { ConfirmDialog } from '../../components/Dialog';
import { TextPromptDialog } from '../../components/TextPromptDialog';
import { useFormat } from '../../lib/format';
import { PlanDialog } from './PlanDialog';

const OUTCOME_TONE = { improved: 'tone-good', declined: 'tone-bad', flat: 'tone-neutral', too_early: 'tone-neutral', no_data: 'tone-neutral' } as const;

/** One row per rep: the running 60-day plan with its metric and check-ins, or a suggestion. */
export function PlansCard({ d }: { d: TeamDevelopment }) {
  const [starting, setStarting] = useState<RepDevelopment | null>(null);
  const withPlan = d.reps.filter((r) => r.plan).length;
  return (
    <section className="card" aria-labelledby="plans-title">
      <h2 id="plans-title">Development plans</h2>
      <p className="subtle">
        Focus each rep on their top two drivers for at least 60 days and judge it by whether the metric moved. {withPlan} of {d.reps.length} reps have a plan running;
        check-ins appear on their one-on-one agendas.
      </p>
      <ul className="plan-list">
        {d.reps.map((r) => (
          <li key={r.repId} data-testid={`plan-${r.name}`}>
            <div className="plan-head">
              <a className="strong-link" href={hrefFor({ name: 'rep', id: r.repId })}>
                {r.name}
              </a>
              {r.plan ? (
                <PlanSummary plan={r.plan} currency={d.currency} />
              ) : (
                <>
                  <span className="subtle">
                    No plan.{' '}
                    {r.suggested.length ? `Suggested: ${r.suggested.map((x) => DRIVER_DEFS[x].label.toLowerCase()).join(' and ')}.` : 'Not behind the top group on any driver.'}
                  </span>
                  <button type="button" onClick={() => setStarting(r)}>
                    Start a plan
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      {starting && <PlanDialog rep={starting} onClose={() => setStarting(null)} />}
    </section>
  );
}

export function PlanSummary({ plan, currency }: { plan: PlanView; currency: string }) {
  const fmt = useFormat();
  const [closing, setClosing] = useState<'completed' | 'stopped' | null>(null);
  const val = (v: number | null) => formatDriver(plan.metric, v, currency);
  const [checkingIn, setCheckingIn] = useState(false);
  const close = async (status: 'completed' | 'stopped') => {
    setClosing(null);
    try {
      await call('development.closePlan', { planId: plan.id, status, note: null });
      toast(`Plan ${status}: ${PLAN_OUTCOME_TEXT[plan.outcome]}.`);
    } catch (err) {
      toast((err as Error).message);
    }
  };
  const due = plan.nextCheckin;
  return (
    <div className="plan-body">
      <div>
        <strong>{plan.drivers.map((x) => DRIVER_DEFS[x].label).join(' and ')}</strong>
        <span className="subtle">
          {' '}
          · {fmt.date(plan.startDate)} – {fmt.date(plan.endDate)}
        </span>
      </div>
      <div className="plan-progress">
        <progress max={plan.days} value={plan.day} aria-label={`Day ${plan.day} of ${plan.days}`} />
        <span className="small">
          Day {plan.day} of {plan.days}
        </span>
      </div>
      <div>
        {DRIVER_DEFS[plan.metric].label}: {val(plan.baseline)} before → <strong>{val(plan.current)}</strong> so far{' '}
        <span className={`badge ${OUTCOME_TONE[plan.outcome]}`}>{plan.outcome === 'no_data' || plan.outcome === 'too_early' ? PLAN_OUTCOME_TEXT[plan.outcome] : plan.outcome}</span>
      </div>
      <div className="small subtle">
        {due ? `Next check-in ${fmt.date(due.dueDate)}` : 'All check-ins done'} · {plan.checkins.filter((c) => c.doneOn).length} of {plan.checkins.length} done
        {plan.actions ? ` · ${plan.actions}` : ''}
      </div>
      <div className="row-actions">
        <button type="button" onClick={() => setCheckingIn(true)} disabled={!due}>
          Record check-in
        </button>
        <button type="button" onClick={() => setClosing('completed')}>
          Complete
        </button>
        <button type="button" onClick={() => setClosing('stopped')}>
          Stop
        </button>
      </div>
      {checkingIn && <CheckinDialog plan={plan} current={val(plan.current)} onClose={() => setCheckingIn(false)} />}
      {closing && (
        <ConfirmDialog
          title={closing === 'completed' ? `Complete ${plan.repName}'s plan?` : `Stop ${plan.repName}'s plan?`}
          message={`The result is kept as it stands today: ${DRIVER_DEFS[plan.metric].label.toLowerCase()} ${val(plan.baseline)} before, ${val(plan.current)} since (${PLAN_OUTCOME_TEXT[plan.outcome]}). A new plan can start afterwards.`}
          confirmLabel={closing === 'completed' ? 'Complete the plan' : 'Stop the plan'}
          danger={closing === 'stopped'}
          onCancel={() => setClosing(null)}
          onConfirm={() => void close(closing)}
        />
      )}
    </div>
  );
}

/** A check-in: the metric is taken from the data; the manager adds what was tried. */
function CheckinDialog({ plan, current, onClose }: { plan: PlanView; current: string; onClose: () => void }) {
  return (
    <TextPromptDialog
      title={`Check-in: ${plan.repName}`}
      label="What did they try, what changed?"
      submitLabel="Record check-in"
      multiline
      onClose={onClose}
      onSubmit={async (note) => {
        await call('development.checkin', { planId: plan.id, note: note || null });
        toast(`Check-in recorded: ${DRIVER_DEFS[plan.metric].label.toLowerCase()} ${current}.`);
      }}
    >
      <p>
        {DRIVER_DEFS[plan.metric].label} since the plan started: <strong>{current}</strong> (day {plan.day} of {plan.days}).
      </p>
    </TextPromptDialog>
  );
}
