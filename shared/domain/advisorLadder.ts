/** From vendor to trusted advisor (domain.md section 8): the ladder and the signs of being higher up. */
export const LADDER = ['vendor', 'preferred_vendor', 'supplier', 'preferred_supplier', 'trusted_advisor'] as const;
export type LadderLevel = (typeof LADDER)[number];
export const LADDER_LABELS: Record<LadderLevel, string> = {
  vendor: 'Vendor',
  preferred_vendor: 'Preferred vendor',
  supplier: 'Supplier',
  preferred_supplier: 'Preferred supplier',
  trusted_advisor: 'Trusted advisor / partner',
};
export const ADVISOR_SIGNS = ['callBeforeDeciding', 'adviceOutsideDomain', 'theyInitiate', 'meetingOnRequest'] as const;
export type AdvisorSign = (typeof ADVISOR_SIGNS)[number];
export const ADVISOR_SIGN_LABELS: Record<AdvisorSign, string> = {
  callBeforeDeciding: 'They call us before they decide',
  adviceOutsideDomain: 'They ask our advice outside our own domain',
  theyInitiate: 'They initiate contact themselves',
  meetingOnRequest: 'A request for a meeting to share an idea is enough to get one',
};

/** A nudge when the signs and the recorded level disagree, so the level stays honest. */
export function ladderHint(level: LadderLevel | null, signs: Partial<Record<AdvisorSign, boolean>>): string | null {
  const seen = ADVISOR_SIGNS.filter((s) => signs[s]).length;
  const rank = level ? LADDER.indexOf(level) : 0;
  if (seen >= 3 && rank < 3) return `${seen} of 4 signs of a trusted advisor are seen: is this account higher up the ladder than recorded?`;
  if (seen === 0 && rank >= 3) return 'None of the signs of a trusted advisor are seen: how do you know the account sees you this way?';
  return null;
}
