import { useFormat } from '../lib/format';
import { useAsOf } from '../lib/useAsOf';

/**
 * Says, on every screen the session's "as of" date changes, which day the numbers are from,
 * with one click back to today.
 */
export function AsOfBanner() {
  const asOf = useAsOf((s) => s.asOf);
  const setAsOf = useAsOf((s) => s.setAsOf);
  const fmt = useFormat();
  if (!asOf) return null;
  return (
    <div className="as-of-banner" role="status" data-testid="as-of-banner">
      <span>
        Showing <strong>{fmt.date(asOf)}</strong>: numbers, stages and flags as they stood that day.
      </span>
      <button type="button" className="link-button" onClick={() => setAsOf('')}>
        Back to today
      </button>
    </div>
  );
}
