import { DIAGNOSIS_LABELS, DIAGNOSIS_TONES, type DiagnosisKind } from '../../../../shared/domain/metrics';

/** The verdict; its evidence is in the tooltip and read out to screen readers (the rep page shows it in full). */
export function DiagnosisBadge({ kind, evidence }: { kind: DiagnosisKind; evidence?: string[] }) {
  return (
    <span className={`badge tone-${DIAGNOSIS_TONES[kind]}`} title={evidence?.join('\n')}>
      {DIAGNOSIS_LABELS[kind]}
      {evidence && <span className="visually-hidden">: {evidence.join(' ')}</span>}
    </span>
  );
}
