import type { Outcome } from '../../../../shared/schemas/deal';

const LABEL: Record<Outcome, string> = { open: 'Open', won: 'Won', lost: 'Lost' };

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  return <span className={`badge badge-${outcome}`}>{LABEL[outcome]}</span>;
}
