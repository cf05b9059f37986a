import { useCallback, useState } from 'react';
import { asOfArg, useAsOf } from '../../lib/useAsOf';
import { useApiData } from '../../lib/useApiData';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { hrefFor, useRouter } from '../../app/router';
import { toast, toastError } from '../../app/toasts';
import { useShortcut } from '../../lib/useShortcut';
import { CloseDealDialog } from './CloseDealDialog';
import { DealForm } from './DealForm';
import { OutcomeBadge } from './OutcomeBadge';
import { ValuePropCard } from '../valueProps/ValuePropCard';
import { PastReviewsCard } from '../dealReview/PastReviewsCard';
import { StakeholderCard } from '../stakeholders/StakeholderCard';
import { LadderCard } from '../stakeholders/LadderCard';
import { accountLabel } from '../../../../shared/domain/format';
import { DealFacts } from './DealFacts';
import { DealFlagsCard } from './DealFlagsCard';
import { DealHistory } from './DealHistory';

/** A deal: its facts, stakeholders and ladder, flags, reviews, value proposition and history. */
export function DealScreen({ id }: { id: number }) {
  const info = useApp((s) => s.info);
  const settings = useApp((s) => s.settings);
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState<'won' | 'lost' | null>(null);
  const asOf = useAsOf((s) => s.asOf);
  const { data: detail, error } = useApiData('deals.get', { id });
  // The flags as of the session's date; none for a deal that did not exist then.
  const triage = useApiData('deals.triage', { id, ...asOfArg(asOf) }).data;
  const openEdit = useCallback(() => setEditing(true), []);
  useShortcut('e', openEdit, 'Edit this deal');
  useShortcut('r', useCallback(() => useRouter.getState().go({ name: 'dealReview', id }), [id]), 'Review this deal');

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!detail) return <p className="loading">Loading…</p>;
  const { deal, stageHistory, closeDateChanges } = detail;
  const today = info?.today ?? '';
  const isOpen = deal.outcome === 'open';

  const reopen = async () => {
    try {
      await call('deals.reopen', { id: deal.id, stage: settings?.stages.at(-1) ?? 'Negotiation' });
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
          <DealFacts deal={deal} today={today} />
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
          <DealFlagsCard deal={deal} triage={triage} asOf={asOf} />
          <PastReviewsCard dealId={deal.id} />
          <ValuePropCard dealId={deal.id} asOf={asOf} />
          <DealHistory stageHistory={stageHistory} closeDateChanges={closeDateChanges} />
        </div>
      </div>

      {editing && <DealForm repId={deal.repId} deal={deal} onClose={() => setEditing(false)} />}
      {closing && <CloseDealDialog deal={deal} outcome={closing} onClose={() => setClosing(null)} />}
    </section>
  );
}
