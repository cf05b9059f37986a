import { useAsOf } from '../lib/useAsOf';

/** Look at the numbers as they stood on another day (e.g. the end of last quarter): the session's one date. */
export function AsOfPicker({ today }: { today: string }) {
  const asOf = useAsOf((s) => s.asOf);
  const setAsOf = useAsOf((s) => s.setAsOf);
  return (
    <label className="as-of">
      <span>As of</span>
      <input type="date" value={asOf || today} max={today} onChange={(e) => setAsOf(!e.target.value || e.target.value >= today ? '' : e.target.value)} />
    </label>
  );
}
