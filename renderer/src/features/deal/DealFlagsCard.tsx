import type { Deal } from '../../../../shared/schemas/deal';
import type { PipelineDeal } from '../../../../shared/schemas/pipeline';
import { FLAG_LABELS, SEVERITY_LABELS, bySeverity } from '../../../../shared/domain/flags';
import { useFormat } from '../../lib/format';

/** The deal as it stood on the session's date (when it differed), its attention and its flags with their questions. */
export function DealFlagsCard({ deal, triage, asOf }: { deal: Deal; triage: PipelineDeal | null; asOf: string }) {
  const fmt = useFormat();
  return (
    <>
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
    </>
  );
}
