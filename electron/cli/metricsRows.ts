import { DIAGNOSIS_LABELS, coverageStatus, type RepMetrics } from '../../shared/domain/metrics';

/** The CLI's `metrics --json` shape: rates as fractions 0..1, money as numbers, days as numbers. */
export function metricsRows(list: RepMetrics[]) {
  return list.map((m) => ({
    rep: m.name,
    repId: m.repId,
    quota: m.quota,
    wonThisPeriod: m.wonThisPeriod,
    attainment: m.attainment,
    wonCount: m.wonCount,
    lostCount: m.lostCount,
    openCount: m.openCount,
    openValue: m.openValue,
    wonValue: m.wonValue,
    winRate: m.winRate,
    winRateByValue: m.winRateByValue,
    avgWonDealSize: m.avgWonDealSize,
    avgCycleDays: m.avgCycleDays,
    remainingQuota: m.remainingQuota,
    requiredCoverage: m.needs.requiredCoverage,
    actualCoverage: m.actualCoverage,
    coverage: coverageStatus(m),
    dealsNeeded: m.needs.dealsNeeded,
    valueNeeded: m.needs.valueNeeded,
    prospectsNeeded: m.needs.prospectsNeeded,
    newOppsPerWeek: m.newOppsPerWeek,
    newOppsTrend: m.newOppsTrend,
    weeklyNewOpps: m.weeklyNewOpps,
    diagnosis: m.diagnosis.kind,
    diagnosisLabel: DIAGNOSIS_LABELS[m.diagnosis.kind],
    diagnosisHeadline: m.diagnosis.headline,
    evidence: m.diagnosis.evidence,
  }));
}

/** Short numbers for the terminal table. */
export function roundForTable(r: ReturnType<typeof metricsRows>[number]) {
  const f = (n: number | null, d = 2) => (n === null ? '—' : Number(n.toFixed(d)));
  return {
    ...r,
    winRate: f(r.winRate),
    avgWonDealSize: f(r.avgWonDealSize, 0),
    requiredCoverage: f(r.requiredCoverage, 1),
    actualCoverage: f(r.actualCoverage, 1),
    dealsNeeded: f(r.dealsNeeded, 1),
    newOppsPerWeek: f(r.newOppsPerWeek, 1),
  };
}
