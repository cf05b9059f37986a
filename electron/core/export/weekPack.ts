/**
 * The week's prep pack: every one-on-one planned in seven days, one rep per page, to read on a
 * flight. Per meeting: the agenda with each item's minutes and the numbers behind it, the rep's
 * numbers, and what was promised at the last meeting. The manager's own reading, so coaching
 * questions stay in; last meetings' private notes appear only when asked for.
 */
import { agendaMinutes, minutesOf } from '../../../shared/domain/agenda';
import { countOf, formatDate } from '../../../shared/domain/format';
import { DIAGNOSIS_LABELS, METRIC_LABELS, type RepMetrics } from '../../../shared/domain/metrics';
import { addDays, periodContaining } from '../../../shared/domain/periods';
import type { AgendaItem, OneOnOneDetail } from '../../../shared/schemas/oneOnOnes';
import type { Db } from '../db/open';
import { repMetrics } from '../repos/metrics';
import { commitmentsView } from '../repos/commitments';
import { getOneOnOneDetail } from '../repos/oneOnOnes';
import { plannedMeetings } from '../repos/oneOnOneWeek';
import { getSettings } from '../repos/settings';
import { COMMITMENT_COLUMNS, PRIVATE_EXCLUDED, PRIVATE_INCLUDED, commitmentRows, coverageLine, docFormat, privacyMeta, quotaLine, type ExportOptions, type Fmt } from './docParts';
import { callout, em, facts, heading, muted, pageBreak, paragraph, renderDoc, strong, table, type Block, type Cell, type ExportDoc, type Span } from './render';

const ORIGIN: Record<AgendaItem['addedBy'], string> = { manager: 'You', rep: 'The rep', prepared: 'The data' };

const weekday = (iso: string, locale?: string): string =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString(locale ?? 'en-US', { weekday: 'long', timeZone: 'UTC' });

/** The meeting's items, each with its minutes, the numbers behind it and where it came from. */
function agendaRows(items: AgendaItem[]): Cell[][] {
  return items.map((it, i) => [
    { main: [String(i + 1)] },
    { main: [strong(it.title)], ...(it.detail ? { sub: [em(it.detail)] } : {}) },
    { main: [`${minutesOf(it.sourceKind)} min`] },
    { main: [`${ORIGIN[it.addedBy]}${it.carriedFromId !== null ? ', carried over' : ''}`] },
  ]);
}

/** The rep's numbers in the rep review's words (one quota line, one coverage line for both documents). */
function numbers(m: RepMetrics | undefined, quotaLabel: string, f: Fmt): [string, Span | Span[]][] {
  if (!m) return [['Numbers', muted('No deals recorded yet')]];
  return [
    ['Diagnosis', strong(m.diagnosis.headline)],
    [`${METRIC_LABELS.won} ${quotaLabel}`, quotaLine(m, f)],
    [METRIC_LABELS.coverage, coverageLine(m, f)],
    ['Win rate', [f.pct(m.winRate), muted(` (${m.wonCount} won, ${m.lostCount} lost)`)]],
    [METRIC_LABELS.openPipeline, `${f.money(m.openValue)} in ${countOf(m.openCount, 'deal')}`],
  ];
}

function meetingBlocks(db: Db, d: OneOnOneDetail, m: RepMetrics | undefined, ctx: { asOf: string; quotaLabel: string; currency: string; managerName: string; includePrivate: boolean; locale?: string }): Block[] {
  const { locale } = ctx;
  const date = (s: string | null) => formatDate(s, locale);
  const meeting = d.meeting;
  const minutes = agendaMinutes(d.items);
  const blocks: Block[] = [
    pageBreak(),
    heading(`${meeting.repName} · ${weekday(meeting.meetingDate, locale)} ${date(meeting.meetingDate)}`),
    facts([
      ['Meeting', `${d.meetingMinutes} minutes; the agenda takes about ${minutes}`],
      ['Last held', d.previousMeetingDate ? date(d.previousMeetingDate) : 'None held yet'],
      ...numbers(m, ctx.quotaLabel, docFormat(ctx.currency, locale)),
    ]),
    heading('Agenda', 3),
  ];
  blocks.push(
    d.items.length
      ? table(
          [
            { label: '#', align: 'right', width: '5%' },
            { label: 'Item and the numbers behind it', width: '67%' },
            { label: 'Time', nowrap: true },
            { label: 'From', width: '14%' },
          ],
          agendaRows(d.items),
        )
      : paragraph('Nothing on the agenda yet: prepare it in the workbench.', 'muted'),
  );
  // What was promised at the last meeting held, whatever became of it; then what else is overdue.
  const last = d.previousMeetingDate
    ? (db.prepare(`SELECT id FROM one_on_ones WHERE rep_id = ? AND meeting_date = ? AND status = 'closed'`).get(meeting.repId, d.previousMeetingDate) as { id: number } | undefined)
    : undefined;
  const all = commitmentsView(db, ctx.asOf, { repId: meeting.repId, include: 'all', includeArchived: true }).commitments;
  const promised = last ? all.filter((c) => c.oneOnOneId === last.id) : [];
  blocks.push(heading(`Commitments from the last meeting${d.previousMeetingDate ? ` (${date(d.previousMeetingDate)})` : ''}`, 3));
  blocks.push(
    promised.length
      ? table(COMMITMENT_COLUMNS, commitmentRows(promised, meeting.repName, ctx.managerName, locale))
      : paragraph(last ? 'No commitments were recorded at the last meeting.' : 'No one-on-one held yet.', 'muted'),
  );
  // Not those already on the agenda: each promise shows once.
  const onAgenda = new Set(d.items.filter((i) => i.sourceKind === 'commitment').map((i) => i.sourceId));
  const overdue = d.commitments.filter((c) => c.status === 'open' && c.overdue && c.oneOnOneId !== last?.id && !onAgenda.has(c.id));
  if (overdue.length) {
    blocks.push(heading('Other overdue commitments', 3));
    blocks.push(table(COMMITMENT_COLUMNS, commitmentRows(overdue, meeting.repName, ctx.managerName, locale)));
  }
  if (ctx.includePrivate && last) {
    const note = db.prepare('SELECT private_note FROM one_on_ones WHERE id = ?').pluck().get(last.id) as string | null;
    if (note) blocks.push(callout('Private note from the last meeting: for the manager only', note, 'private'));
  }
  return blocks;
}

/** The prep pack for the one-on-ones planned in the seven days from `from`, as of `asOf`. */
export function weekPack(db: Db, from: string, asOf: string, opts: ExportOptions): ExportDoc {
  const { locale, includePrivate } = opts;
  const to = addDays(from, 6);
  const date = (s: string | null) => formatDate(s, locale);
  const settings = getSettings(db);
  const metrics = new Map(repMetrics(db, asOf).map((m) => [m.repId, m]));
  const details = plannedMeetings(db, from, to).map((p) => getOneOnOneDetail(db, p.id, asOf));
  const quotaLabel = periodContaining(asOf, settings.quotaPeriod).label;
  const ctx = { asOf, quotaLabel, currency: settings.currency, managerName: settings.managerName, includePrivate, ...(locale ? { locale } : {}) };

  const blocks: Block[] = [];
  if (includePrivate) blocks.push(callout('Contains private notes', PRIVATE_INCLUDED, 'private'));
  blocks.push(heading('The week'));
  if (details.length === 0) {
    blocks.push(paragraph(`No one-on-ones are planned from ${date(from)} to ${date(to)}. Plan them in the One-on-ones section.`, 'muted'));
  } else {
    blocks.push(
      table(
        [{ label: 'Day', nowrap: true }, 'Rep', { label: 'Agenda', nowrap: true }, 'Diagnosis'],
        details.map((d) => {
          const minutes = agendaMinutes(d.items);
          const m = metrics.get(d.meeting.repId);
          return [
            { main: [`${weekday(d.meeting.meetingDate, locale).slice(0, 3)} ${date(d.meeting.meetingDate)}`] },
            { main: [strong(d.meeting.repName)] },
            { main: [countOf(d.items.length, 'item')], sub: [`about ${minutes} of ${d.meetingMinutes} min`] },
            { main: [m ? DIAGNOSIS_LABELS[m.diagnosis.kind] : '—'] },
          ];
        }),
      ),
    );
    for (const d of details) blocks.push(...meetingBlocks(db, d, metrics.get(d.meeting.repId), ctx));
  }
  return renderDoc({
    kind: 'Prep pack',
    title: `One-on-ones: week of ${date(from)}`,
    subtitle: `${date(from)} to ${date(to)} · ${countOf(details.length, 'one-on-one')}`,
    meta: [
      ['Numbers as of', date(asOf)],
      ['Generated', date(opts.generatedOn ?? asOf)],
      privacyMeta(includePrivate),
    ],
    blocks,
    footer: includePrivate ? PRIVATE_INCLUDED : PRIVATE_EXCLUDED,
    filename: `prep-pack-${from}`,
  });
}
