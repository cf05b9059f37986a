import type { DiagnosisKind } from '../../../../shared/domain/metrics';

export const DIAGNOSIS_LABEL: Record<DiagnosisKind, string> = {
  on_track: 'On track',
  quota_met: 'Quota met',
  activity: 'Too few opportunities',
  effectiveness: 'Win rate too low',
  both: 'Activity and win rate',
  new_hire: 'New hire',
  no_data: 'Not enough data',
};

const TONE: Record<DiagnosisKind, string> = {
  on_track: 'good',
  quota_met: 'good',
  activity: 'warn',
  effectiveness: 'bad',
  both: 'bad',
  new_hire: 'neutral',
  no_data: 'neutral',
};

/** The verdict; its evidence is in the tooltip and read out to screen readers (the rep page shows it in full). */
export function DiagnosisBadge({ kind, evidence }: { kind: DiagnosisKind; evidence?: string[] }) {
  return (
    <span className={`badge tone-${TONE[kind]}`} title={evidence?.join('\n')}>
      {DIAGNOSIS_LABEL[kind]}
      {evidence && <span className="visually-hidden">: {evidence.join(' ')}</span>}
    </span>
  );
}
