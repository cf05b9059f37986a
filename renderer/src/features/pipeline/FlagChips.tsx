import { FLAG_LABELS, type Flag, type FlagCode } from '../../../../shared/domain/flags';

/**
 * Flags as chips. With full flags the reason and question are in the tooltip and for screen
 * readers; with bare codes (the long pipeline list) the deal page has the details.
 */
export function FlagChips({ flags, max = flags.length }: { flags: (Flag | FlagCode)[]; max?: number }) {
  if (flags.length === 0) return <span className="subtle">—</span>;
  const full = flags.map((f) => (typeof f === 'string' ? { code: f, reason: '', question: '' } : f));
  const rest = full.slice(max);
  return (
    <span className="chips">
      {full.slice(0, max).map((f) => (
        <span key={f.code} className={`chip chip-${f.code}`} title={f.reason ? `${f.reason}\nAsk: ${f.question}` : FLAG_LABELS[f.code]}>
          {FLAG_LABELS[f.code]}
          {f.reason && <span className="visually-hidden">: {f.reason}</span>}
        </span>
      ))}
      {rest.length > 0 && (
        <span className="chip chip-more" title={rest.map((f) => FLAG_LABELS[f.code]).join('\n')}>
          +{rest.length}
          <span className="visually-hidden"> more: {rest.map((f) => FLAG_LABELS[f.code]).join(', ')}</span>
        </span>
      )}
    </span>
  );
}
