import { useCallback, useEffect, useState } from 'react';
import type { DealDetail } from '../../../../shared/schemas/deal';
import { FLAG_LABELS, SEVERITY_LABELS, bySeverity } from '../../../../shared/domain/flags';
import type { PipelineDeal } from '../../../../shared/schemas/pipeline';
import { asOfArg, useAsOf } from '../../lib/useAsOf';
import { daysBetween } from '../../../../shared/domain/periods';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { hrefFor, useRouter } from '../../app/router';
import { toast, toastError } from '../../app/toasts';
import { useFormat } from '../../lib/format';
import { useShortcut } from '../../lib/useShortcut';
import { CloseDealDialog } from './CloseDealDialog';
import { DealForm } from './DealForm';
import { OutcomeBadge } from './OutcomeBadge';
import { ValuePropCard } from '../valueProps/ValuePropCard';
import { PastReviewsCard } from '../dealReview/PastReviewsCard';
import { StakeholderCard } from '../stakeholders/StakeholderCard';
import { LadderCard } from '../stakeholders/LadderCard';
import { accountLabel, countOf } from '../../../../shared/domain/format';

export function DealScreen({ id }: { id: number }) {
  const { version, info, settings, changed } = useApp();
  const fmt = useFormat();
  const [detail, setDetail] = useState<DealDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState<'won' | 'lost' | null>(null);
  const [triage, setTriage] = useState<PipelineDeal | null>(null);
  const asOf = useAsOf((s) => s.asOf);

  useEffect(() => {
    let live = true; // ignore answers for a deal the manager has already left
    call('deals.get', { id }).then(
      (d) => live && (setDetail(d), setError(null)),
      (err: Error) => live && setError(err.message),
    );
    call('deals.triage', { id, ...asOfArg(asOf) }).then(
      (t) => live && setTriage(t),
      () => live && setTriage(null),
    );
    return () => void (live = false);
  }, [id, version, asOf]);
  const openEdit = useCallback(() => setEditing(true), []);
  useShortcut('e', openEdit, 'Edit this deal');
  useShortcut('r', useCallback(() => useRouter.getState().go({ name: 'dealReview', id }), [id]), 'Review this deal');

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!detail || detail.deal.id !== id) return <p className="loading">Loading…</p>;
  const { deal, stageHistory, closeDateChanges } = detail;
  const today = info?.today ?? '';
  const isOpen = deal.outcome === 'open';
  const overdue = isOpen && deal.expectedCloseDate !== null && today !== '' && deal.expectedCloseDate < today;

  const reopen = async () => {
    try {
      await call('deals.reopen', { id: deal.id, stage: settings?.stages.at(-1) ?? 'Negotiation' });
      changed();
      toast(`“${deal.name}” reopened.`);
    } catch (err) {
      toastError(err);
    }
  };

  return (
    <section className="screen" aria-labelledby="deal-title">
      <nav className="crumbs" aria-label="Breadcrumb">
        <a href={hrefFor({ name: 'team' })}>Team</a> <span aria-hidden="true">›</span>{' '}
        <a href={hrefFor({ name: 'rep', id: deal.repId })}>{deal.repName}</a> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">{deal.name}</span>
      </nav>
      <header className="screen-head">
        <div>
          <h1 id="deal-title" tabIndex={-1}>{deal.name}</h1>
          <p className="subtle">
            {accountLabel(deal.accountName)} · {deal.stage}{deal.crmStage && <span title="The stage as your CRM export wrote it"> (CRM: {deal.crmStage})</span>} · <OutcomeBadge outcome={deal.outcome} />
          </p>
        </div>
        <div className="head-actions">
          <button type="button" onClick={openEdit} aria-keyshortcuts="e">
            Edit <kbd>E</kbd>
          </button>
          {isOpen ? (
            <>
              <button type="button" onClick={() => setClosing('won')}>
                Close as won
              </button>
              <button type="button" onClick={() => setClosing('lost')}>
                Close as lost
              </button>
            </>
          ) : (
            <button type="button" onClick={() => void reopen()}>
              Reopen
            </button>
          )}
        </div>
      </header>

      <div className="columns">
        <div className="stack">
          <section className="card" aria-labelledby="facts">
            <h2 id="facts">Facts</h2>
            <dl className="facts">
              <dt>Amount</dt>
              <dd>{fmt.money(deal.amount, deal.currency)}</dd>
              <dt>Rep</dt>
              <dd>
                <a href={hrefFor({ name: 'rep', id: deal.repId })}>{deal.repName}</a>
              </dd>
              <dt>Created</dt>
              <dd>
                {fmt.date(deal.createdDate)}
                {today && <span className="subtle"> · {countOf(daysBetween(deal.createdDate, deal.closedDate ?? today), 'day')} {isOpen ? 'old' : 'to close'}</span>}
              </dd>
              <dt>Expected close</dt>
              <dd className={overdue ? 'warn' : undefined}>
                {fmt.date(deal.expectedCloseDate)}
                {overdue && ' · in the past'}
                {deal.closeDateChanges > 0 && (
                  <span className="subtle">
                    {' '}
                    · moved {deal.closeDateChanges} time{deal.closeDateChanges > 1 ? 's' : ''}
                  </span>
                )}
              </dd>
              {!isOpen && (
                <>
                  <dt>Closed</dt>
                  <dd>{fmt.date(deal.closedDate)}</dd>
                </>
              )}
              <dt>In stage since</dt>
              <dd>
                {fmt.date(deal.stageEnteredDate)}
                {isOpen && today && <span className="subtle"> · {countOf(daysBetween(deal.stageEnteredDate, today), 'day')}</span>}
              </dd>
              <dt>Last activity</dt>
              <dd>{fmt.date(deal.lastActivityDate)}</dd>
              <dt>Next step</dt>
              <dd>{deal.nextStep ?? '—'}</dd>
              <dt>Source</dt>
              <dd>{deal.source ?? '—'}</dd>
              <dt>CRM id</dt>
              <dd>{deal.externalId ?? '—'}</dd>
            </dl>
          </section>
          {deal.accountId !== null && deal.accountName !== null ? (
            <>
              <StakeholderCard dealId={deal.id} />
              <LadderCard accountId={deal.accountId} accountName={deal.accountName} />
            </>
          ) : (
            <section className="card" aria-labelledby="no-account">
              <h2 id="no-account">Stakeholders and the account ladder</h2>
              <p className="empty">
                This deal has no account yet. Set the account (<kbd>E</kbd> to edit) to map its stakeholders and place the account on the ladder from vendor
                to trusted advisor.
              </p>
            </section>
          )}
        </div>
        <div className="stack">
          {asOf && triage && (triage.stage !== deal.stage || triage.expectedCloseDate !== deal.expectedCloseDate) && (
            <p className="notice small" data-testid="deal-then">
              On {fmt.date(asOf)} this deal was in {triage.stage}, expected to close {fmt.date(triage.expectedCloseDate)}.
            </p>
          )}
          {triage && triage.flags.length > 0 && (
            <section className="card" aria-labelledby="flags-title">
              <h2 id="flags-title">Integrity flags ({triage.flags.length})</h2>
              <p className="small" data-testid="deal-attention">
                <strong>Attention {triage.attention}</strong> · {triage.reason}
              </p>
              <ul className="flag-list">
                {bySeverity(triage.flags).map((f) => (
                  <li key={f.code}>
                    <span className={`badge sev-badge sev-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span> <strong>{FLAG_LABELS[f.code]}</strong>{' '}
                    <span className="subtle">{f.reason}</span>
                    <p className="coach-question">Ask: {f.question}</p>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <PastReviewsCard dealId={deal.id} />
          <ValuePropCard dealId={deal.id} asOf={asOf} />
          <section className="card" aria-labelledby="stages">
            <h2 id="stages">Stage history</h2>
            <ol className="timeline">
              {stageHistory.map((s) => (
                <li key={s.id}>
                  <time dateTime={s.changedOn}>{fmt.date(s.changedOn)}</time>
                  <span>{s.fromStage ? `${s.fromStage} → ${s.toStage}` : `Created in ${s.toStage}`}</span>
                </li>
              ))}
            </ol>
          </section>
          <section className="card" aria-labelledby="closedates">
            <h2 id="closedates">Close-date changes</h2>
            {closeDateChanges.length === 0 ? (
              <p className="subtle">The expected close date has never moved.</p>
            ) : (
              <table className="plain-table">
                <thead>
                  <tr>
                    <th>Changed on</th>
                    <th>From</th>
                    <th>To</th>
                  </tr>
                </thead>
                <tbody>
                  {closeDateChanges.map((c) => (
                    <tr key={c.id}>
                      <td>{fmt.date(c.changedOn)}</td>
                      <td>{fmt.date(c.fromDate)}</td>
                      <td>{fmt.date(c.toDate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      </div>

      {editing && <DealForm repId={deal.repId} deal={deal} onClose={() => setEditing(false)} />}
      {closing && <CloseDealDialog deal={deal} outcome={closing} onClose={() => setClosing(null)} />}
    </section>
  );
}
