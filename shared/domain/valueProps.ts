/**
 * The seven value-proposition tests (domain.md section 6). The manager inspects them with the
 * rep, asking the seed's question for each; the tool scores and flags, it never writes the
 * proposition for them.
 */
export const VP_TESTS = ['different', 'compelling', 'tailored', 'measurable', 'time_bound', 'memorable', 'defendable'] as const;
export type VpTest = (typeof VP_TESTS)[number];
export const VP_RESULTS = ['pass', 'partial', 'fail', 'not_assessed'] as const;
export type VpResult = (typeof VP_RESULTS)[number];

export const VP_TEST_LABELS: Record<VpTest, string> = {
  different: 'Different',
  compelling: 'Compelling',
  tailored: 'Tailored',
  measurable: 'Measurable',
  time_bound: 'Time-bound',
  memorable: 'Easy to remember',
  defendable: 'Defendable',
};

export const VP_QUESTIONS: Record<VpTest, string> = {
  different: 'Can anybody do what you do the way you do it?',
  compelling: "Which of the client's business drivers or strategic goals does it speak to, and why change now?",
  tailored: 'How does it change for each stakeholder: what does each of them need from it?',
  measurable: 'How will the new results be measured?',
  time_bound: 'By when does the benefit arrive, and what does waiting cost them?',
  memorable: 'What is the one sentence your contacts will repeat to their colleagues?',
  defendable: 'When you are not in the room, how will your contacts defend it inside their company?',
};

export const VP_RESULT_LABELS: Record<VpResult, string> = { pass: 'Pass', partial: 'Partial', fail: 'Fail', not_assessed: 'Not assessed' };

/** Pass = 1, partial = ½, fail or not assessed = 0; out of 7. */
export function vpScore(results: Partial<Record<VpTest, VpResult>>): number {
  return VP_TESTS.reduce((s, t) => s + (results[t] === 'pass' ? 1 : results[t] === 'partial' ? 0.5 : 0), 0);
}

/** The tests that do not pass yet (not assessed counts: an unchecked test is a gap). */
export function vpGaps(results: Partial<Record<VpTest, VpResult>>): VpTest[] {
  return VP_TESTS.filter((t) => results[t] !== 'pass');
}

/** The score from counts: what the pipeline's SQL returns (passes and partials of the latest check). */
export function vpScoreOf(passing: number, partial: number): number {
  return passing + partial / 2;
}

/** "1.5 / 7": the one way a score is written, on the deal page, in flags, agendas and exports. */
export function vpScoreText(score: number): string {
  return `${score} / 7`;
}

/** A value proposition passes only when all seven tests pass. */
export const vpPasses = (score: number | null): boolean => score === 7;
