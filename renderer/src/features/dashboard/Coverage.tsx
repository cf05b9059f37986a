import { COVERAGE_LABELS, coverageStatus } from '../../../../shared/domain/metrics';

/** Required vs actual coverage side by side, with a bar that shows the gap (coverageStatus decides the colour). */
export function Coverage({ required, actual }: { required: number | null; actual: number | null }) {
  const status = coverageStatus({ needs: { requiredCoverage: required }, actualCoverage: actual });
  if (required === null) return <span className="subtle">{COVERAGE_LABELS.unknown}</span>;
  if (actual === null || status === 'met') return <span className="subtle">{required.toFixed(1)}x · {COVERAGE_LABELS.met}</span>;
  const short = status === 'short';
  const scale = Math.max(required, actual, 1);
  return (
    <span className="coverage" aria-label={`needs ${required.toFixed(1)} times, has ${actual.toFixed(1)} times: ${COVERAGE_LABELS[status]}`}>
      {/* The word says it too: colour is never the only signal. */}
      <span className="coverage-nums">
        {required.toFixed(1)}x / <strong className={short ? 'bad-text' : 'good-text'}>{actual.toFixed(1)}x</strong>{' '}
        <span className="coverage-verdict">{COVERAGE_LABELS[status]}</span>
      </span>
      <span className="coverage-bar" aria-hidden="true">
        <span className={short ? 'fill short' : 'fill'} style={{ width: `${Math.min(100, (actual / scale) * 100)}%` }} />
        <span className="mark" style={{ left: `${Math.min(100, (required / scale) * 100)}%` }} />
      </span>
    </span>
  );
}
