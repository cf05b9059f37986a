import { FLAG_LABELS, SEVERITY_LABELS, bySeverity, type Flag, type FlagCode, type Severity } from '../../../../shared/domain/flags';

const MARK: Record<Severity, string> = { critical: '!!', warning: '!', info: '' };

/**
 * Flags as chips, most severe first, coloured and marked by severity (the word is read out too).
 * With full flags the reason and question are in the tooltip and for screen readers; with bare
 * codes (the long pipeline list) the deal page has the details.
 */
export function FlagChips({ flags, severities, max = flags.length }: { flags: (Flag | FlagCode)[]; severities?: Severity[]; max?: number }) {
  if (flags.length === 0) return <span className="subtle">—</span>;
  const full = bySeverity(
    flags.map((f, i) => (typeof f === 'string' ? { code: f, severity: severities?.[i] ?? 'info', reason: '', question: '' } : f)),
  );
  const rest = full.slice(max);
  return (
    <span className="chips">
      {full.slice(0, max).map((f) => (
        <span
          key={f.code}
          className={`chip sev-${f.severity}`}
          data-severity={f.severity}
          title={`${SEVERITY_LABELS[f.severity]}: ${f.reason ? `${f.reason}\nAsk: ${f.question}` : FLAG_LABELS[f.code]}`}
        >
          {MARK[f.severity] && <span aria-hidden="true" className="sev-mark">{MARK[f.severity]}</span>}
          <span className="visually-hidden">{SEVERITY_LABELS[f.severity]}: </span>
          {FLAG_LABELS[f.code]}
          {f.reason && <span className="visually-hidden">: {f.reason}</span>}
        </span>
      ))}
      {rest.length > 0 && (
        <span className="chip chip-more" title={rest.map((f) => `${FLAG_LABELS[f.code]} (${SEVERITY_LABELS[f.severity].toLowerCase()})`).join('\n')}>
          +{rest.length}
          <span className="visually-hidden"> more: {rest.map((f) => `${FLAG_LABELS[f.code]} (${SEVERITY_LABELS[f.severity].toLowerCase()})`).join(', ')}</span>
        </span>
      )}
    </span>
  );
}

/** A deal's attention score as a small badge toned by its worst flag. */
export function AttentionBadge({ score, severity }: { score: number; severity: Severity | null }) {
  return (
    <span className={`attention sev-${severity ?? 'none'}`} title={severity ? `Attention ${score}; worst flag ${SEVERITY_LABELS[severity].toLowerCase()}` : 'No flags'}>
      {score}
    </span>
  );
}
