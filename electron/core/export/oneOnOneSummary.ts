/**
 * A one-on-one as a document: what was on the agenda, what was said and done, and who
 * promised what. Two copies: the rep's holds the meeting as the rep saw it on a shared screen
 * (the same shareView: no private note, no coaching prompts, no coachability item, no lock
 * history); the manager's copy has all of it, under labels that say so.
 */
import { countOf, formatDate } from '../../../shared/domain/format';
import type { AgendaItem } from '../../../shared/schemas/oneOnOnes';
import type { Db } from '../db/open';
import { COPY_LABELS, COPY_NOTES, type OneOnOneCopy } from '../../../shared/schemas/exports';
import { getOneOnOneDetail, shareView } from '../repos/oneOnOnes';
import { getSettings } from '../repos/settings';
import { COMMITMENT_COLUMNS, PRIVATE_EXCLUDED, PRIVATE_INCLUDED, commitmentRows, privacyMeta, type ExportOptions } from './docParts';
import { callout, em, heading, muted, paragraph, renderDoc, slug, strong, table, type Block, type Cell, type ExportDoc, type Span } from './render';

const ADDED_BY: Record<AgendaItem['addedBy'], string> = { manager: 'Added by the manager', rep: 'Added by the rep', prepared: 'Prepared from the data' };

function agendaRows(items: AgendaItem[]): Cell[][] {
  return items.map((it, i) => {
    const sub: Span[] = [];
    if (it.detail) sub.push(em(it.detail));
    const origin = `${ADDED_BY[it.addedBy]}${it.carriedFromId !== null ? '; carried over from an earlier meeting' : ''}.`;
    sub.push(sub.length ? ` ${origin}` : origin);
    return [
      { main: [String(i + 1)] },
      { main: [strong(it.title)], sub },
      { main: [it.notes ?? muted('—')] },
      { main: [it.done ? 'Done' : 'Not done'] },
    ];
  });
}

export function oneOnOneSummary(db: Db, id: number, asOf: string, opts: Omit<ExportOptions, 'includePrivate'> & { copy: OneOnOneCopy }): ExportDoc {
  const { locale } = opts;
  const includePrivate = opts.copy === 'manager';
  const full = getOneOnOneDetail(db, id, asOf);
  const d = includePrivate ? full : shareView(full);
  const m = d.meeting;
  const settings = getSettings(db);
  const date = (s: string | null) => formatDate(s, locale);

  const status = m.status === 'closed' ? `Closed${m.closedAt ? ` on ${date(m.closedAt.slice(0, 10))}` : ''}` : 'Planned (not closed yet)';
  const blocks: Block[] = [];

  blocks.push(heading('Agenda'));
  if (d.items.length === 0) blocks.push(paragraph('Nothing was on the agenda.', 'muted'));
  else {
    const done = d.items.filter((i) => i.done).length;
    blocks.push(paragraph(muted(`${done} of ${countOf(d.items.length, 'item')} done.`)));
    blocks.push(
      table(
        [
          { label: '#', align: 'right', width: '5%' },
          { label: 'Item', width: '45%' },
          { label: 'Notes', width: '38%' },
          { label: 'Done', width: '12%' },
        ],
        agendaRows(d.items),
      ),
    );
  }

  const made = d.commitments.filter((c) => c.oneOnOneId === m.id);
  const open = d.commitments.filter((c) => c.oneOnOneId !== m.id && c.status === 'open');
  blocks.push(heading('Commitments made in this meeting'));
  blocks.push(
    made.length ? table(COMMITMENT_COLUMNS, commitmentRows(made, m.repName, settings.managerName, locale)) : paragraph('No commitments were recorded in this meeting.', 'muted'),
  );
  blocks.push(heading(`Other open commitments (as of ${date(asOf)})`));
  blocks.push(
    open.length ? table(COMMITMENT_COLUMNS, commitmentRows(open, m.repName, settings.managerName, locale)) : paragraph('No other open commitments.', 'muted'),
  );

  // Lock history is the manager's (shareView leaves it out of the rep's copy).
  const unlocks = d.events.filter((e) => e.action === 'unlocked');
  if (unlocks.length) {
    blocks.push(heading('Changes after closing'));
    blocks.push(
      table(
        ['When', 'What', 'Reason'],
        d.events.map((e) => [date(e.at.slice(0, 10)), e.action === 'closed' ? 'Closed' : 'Unlocked to change it', e.reason ?? '—']),
      ),
    );
  }

  if (includePrivate) {
    blocks.push(heading('Private note'));
    blocks.push(
      m.privateNote ? callout('Private note: for the manager only', m.privateNote, 'private') : paragraph('No private note was written for this meeting.', 'muted'),
    );
  }

  const meta: [string, string][] = [
    ['Rep', m.repName],
    ['Meeting', date(m.meetingDate)],
    ['Status', status],
    ['Previous one-on-one', d.previousMeetingDate ? date(d.previousMeetingDate) : 'none recorded'],
    ['As of', date(asOf)],
    ['Generated', date(opts.generatedOn ?? asOf)],
    ['Copy', `${COPY_LABELS[opts.copy]}: ${COPY_NOTES[opts.copy]}`],
    privacyMeta(includePrivate),
  ];
  return renderDoc({
    kind: 'One-on-one summary',
    title: `One-on-one: ${m.repName}`,
    subtitle: `${date(m.meetingDate)} · ${m.status === 'closed' ? 'Closed' : 'Planned'}${includePrivate ? ` · ${COPY_LABELS.manager}` : ''}`,
    meta,
    blocks: includePrivate ? [callout('Contains private notes', PRIVATE_INCLUDED, 'private'), ...blocks] : blocks,
    footer: includePrivate ? PRIVATE_INCLUDED : PRIVATE_EXCLUDED,
    filename: `one-on-one-${slug(m.repName, `rep-${m.repId}`)}-${m.meetingDate}${includePrivate ? '-manager-copy' : ''}`,
  });
}
