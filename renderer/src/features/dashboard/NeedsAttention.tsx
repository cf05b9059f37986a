import { topFlag } from '../../../../shared/domain/flags';
import { dealWithAccount } from '../../../../shared/domain/format';
import type { PipelineDeal } from '../../../../shared/schemas/pipeline';
import { hrefFor } from '../../app/router';
import { AttentionBadge, FlagChips } from '../pipeline/FlagChips';

/**
 * "Needs attention": the deals that need the manager first, ranked by attention, each with the one
 * line that says why and the question to ask. The Dashboard shows the team's top ten; a rep's
 * page shows that rep's top few (Settings), which is also what their one-on-one agenda takes.
 */
export function NeedsAttentionList({ deals, showRep, detail, testId }: { deals: PipelineDeal[]; showRep: boolean; detail: boolean; testId: string }) {
  return (
    <ol className={detail ? 'attention-list detailed' : 'attention-list'} data-testid={testId}>
      {deals.map((d) => {
        const top = topFlag(d.flags);
        return (
          <li key={d.id} data-testid={`attention-${d.id}`}>
            <AttentionBadge score={d.attention} severity={top?.severity ?? null} />
            <div className="attention-body">
              <div className="attention-title">
                <a className="strong-link" href={hrefFor({ name: 'deal', id: d.id })}>
                  {dealWithAccount(d.name, d.accountName)}
                </a>
                {showRep && (
                  <>
                    {' · '}
                    <a href={hrefFor({ name: 'rep', id: d.repId })}>{d.repName}</a>
                  </>
                )}
                <span className="subtle"> · {d.stage}</span>
              </div>
              <p className="attention-reason" title={top ? `Ask: ${top.question}` : undefined}>
                {d.reason}
              </p>
              {detail && <FlagChips flags={d.flags} max={4} />}
              {detail && top && <p className="coach-question">Ask: {top.question}</p>}
            </div>
            <a className="button small-button" href={hrefFor({ name: 'dealReview', id: d.id })} aria-label={`Review ${d.name}`}>
              Review
            </a>
          </li>
        );
      })}
    </ol>
  );
}
