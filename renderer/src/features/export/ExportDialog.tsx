import { useState } from 'react';
import { COPY_LABELS, COPY_NOTES, ONE_ON_ONE_COPIES, SUMMARY_MAX, reviewSummary, type ExportRequest, type OneOnOneCopy } from '../../../../shared/schemas/exports';
import { periodContaining } from '../../../../shared/domain/periods';
import { ApiFailure } from '../../api/client';
import { saveExport } from '../../api/saveExport';
import { useApp } from '../../app/appStore';
import { toast } from '../../app/toasts';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useFormat } from '../../lib/format';
import { asOfArg, useAsOf } from '../../lib/useAsOf';

type Props = { onClose: () => void } & ({ kind: 'oneOnOne'; id: number } | { kind: 'repReview'; repId: number; repName: string } | { kind: 'teamReview'; from?: string; to?: string });

/**
 * Export a one-on-one summary, a rep review or a team review as Markdown or PDF. A one-on-one is
 * the rep's copy unless the manager picks their own; a rep review opens with the summary written
 * here; private notes only on request.
 */
export function ExportDialog(props: Props) {
  const info = useApp((s) => s.info);
  const settings = useApp((s) => s.settings);
  const today = info?.today ?? '';
  const fmt = useFormat();
  // The session's "as of" date: reviews end on it by default, a one-on-one summary lists open
  // commitments as of it; every document says which day it is as of.
  const asOf = useAsOf((s) => s.asOf);
  const end = asOf || today;
  const quarter = end ? periodContaining(end, settings?.quotaPeriod ?? 'quarter') : null;
  const [from, setFrom] = useState((props.kind === 'teamReview' ? props.from : undefined) ?? quarter?.start ?? '');
  const [to, setTo] = useState((props.kind === 'teamReview' ? props.to : undefined) ?? end);
  const [format, setFormat] = useState<'md' | 'pdf'>('pdf');
  const [includePrivate, setIncludePrivate] = useState(false);
  const [copy, setCopy] = useState<OneOnOneCopy>('rep');
  const [summary, setSummary] = useState('');
  // The server's rule, checked as the manager types (length, lines), so Export never fails on it.
  const summaryCheck = reviewSummary.safeParse(summary);
  const summaryError = summaryCheck.success ? undefined : `Your summary ${summaryCheck.error.issues[0]!.message}.`;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);

  const request: ExportRequest =
    props.kind === 'oneOnOne'
      ? { doc: { kind: 'oneOnOne', id: props.id, copy }, ...asOfArg(asOf) }
      : props.kind === 'teamReview'
        ? { doc: { kind: 'teamReview', from, to }, includePrivate: false }
        : { doc: { kind: 'repReview', repId: props.repId, from, to, summary }, includePrivate };
  const title =
    props.kind === 'oneOnOne' ? 'Export this one-on-one' : props.kind === 'teamReview' ? 'Export a team review' : `Export a review of ${props.repName}`;

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const where = await saveExport(request, format);
      if (where) {
        toast(`Saved ${where}.`);
        props.onClose();
      }
    } catch (err) {
      // The server names nested fields ("doc.from"); the form knows them as "from" / "to".
      const field = err instanceof ApiFailure ? err.error.field?.split('.').pop() : undefined;
      setError({ message: (err as Error).message, field: field === 'from' || field === 'to' || field === 'summary' ? field : undefined });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} onClose={props.onClose}>
      <form
        className="dialog-body form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <p className="subtle span-all small" data-testid="export-as-of">
          {props.kind === 'oneOnOne'
            ? `As of ${fmt.date(end)}${asOf ? ' (the date you are viewing)' : ''}.`
            : `Numbers, flags and stages as of the last day of the period${asOf ? `; it starts as the date you are viewing, ${fmt.date(asOf)}` : ''}.`}
        </p>
        {props.kind !== 'oneOnOne' && (
          <>
            <Field label="From" error={error?.field === 'from' ? error.message : undefined}>
              <input type="date" required value={from} max={to} onChange={(e) => setFrom(e.target.value)} data-autofocus />
            </Field>
            <Field label="To" error={error?.field === 'to' ? error.message : undefined}>
              <input type="date" required value={to} max={today} onChange={(e) => setTo(e.target.value)} />
            </Field>
          </>
        )}
        <fieldset className="span-all radio-row">
          <legend>Format</legend>
          <label className="checkbox">
            <input type="radio" name="format" checked={format === 'pdf'} onChange={() => setFormat('pdf')} /> PDF (printable)
          </label>
          <label className="checkbox">
            <input type="radio" name="format" checked={format === 'md'} onChange={() => setFormat('md')} /> Markdown (for email or an HR tool)
          </label>
        </fieldset>
        {props.kind === 'repReview' && (
          <div className="span-all">
            <Field
              label="Your summary (opens the review, before the numbers)"
              error={summaryError ?? (error?.field === 'summary' ? error.message : undefined)}
              hint={`${summary.trim().length.toLocaleString()} of ${SUMMARY_MAX.toLocaleString()} characters. How the period went in your words: what the numbers do not say.`}
            >
              <textarea rows={5} value={summary} onChange={(e) => setSummary(e.target.value)} placeholder="Where they stand, what you are working on together, what you expect next" />
            </Field>
          </div>
        )}
        {props.kind === 'oneOnOne' && (
          <fieldset className="span-all radio-row">
            <legend>Copy</legend>
            {ONE_ON_ONE_COPIES.map((c) => (
              <label key={c} className="checkbox">
                <input type="radio" name="copy" checked={copy === c} onChange={() => setCopy(c)} /> {COPY_LABELS[c]} ({COPY_NOTES[c]})
              </label>
            ))}
          </fieldset>
        )}
        {props.kind === 'teamReview' ? (
          <p className="subtle small span-all">A team review never includes coaching notes or coachability evidence: send those in rep reviews.</p>
        ) : props.kind === 'repReview' ? (
          <label className="checkbox span-all">
            <input type="checkbox" checked={includePrivate} onChange={(e) => setIncludePrivate(e.target.checked)} /> Include my private notes and coachability evidence
          </label>
        ) : null}
        {(includePrivate || (props.kind === 'oneOnOne' && copy === 'manager')) && (
          <p className="callout span-all">Private material will be in the file. Keep it to yourself: do not share it with the rep or forward it.</p>
        )}
        {error && !error.field && (
          <p className="form-error span-all" role="alert">
            {error.message}
          </p>
        )}
        <footer className="dialog-actions span-all">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || summaryError !== undefined}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
