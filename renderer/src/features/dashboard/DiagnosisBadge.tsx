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

export function DiagnosisBadge({ kind, title }: { kind: DiagnosisKind; title?: string }) {
  return (
    <span className={`badge tone-${TONE[kind]}`} title={title}>
      {DIAGNOSIS_LABEL[kind]}
    </span>
  );
}
