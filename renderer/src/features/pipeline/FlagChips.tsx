import { FLAG_LABELS, type Flag } from '../../../../shared/domain/flags';

/** Flags as chips; the reason and the coaching question are in the tooltip and for screen readers. */
export function FlagChips({ flags, max = flags.length }: { flags: Flag[]; max?: number }) {
  if (flags.length === 0) return <span className="subtle">—</span>;
  const rest = flags.slice(max);
  return (
    <span className="chips">
      {flags.slice(0, max).map((f) => (
        <span key={f.code} className={`chip chip-${f.code}`} title={`${f.reason}\nAsk: ${f.question}`}>
          {FLAG_LABELS[f.code]}
          <span className="visually-hidden">: {f.reason}</span>
        </span>
      ))}
      {rest.length > 0 && (
        <span className="chip chip-more" title={rest.map((f) => `${FLAG_LABELS[f.code]}: ${f.reason}`).join('\n')}>
          +{rest.length}
          <span className="visually-hidden"> more: {rest.map((f) => FLAG_LABELS[f.code]).join(', ')}</span>
        </span>
      )}
    </span>
  );
}
