/**
 * What each API call reads and writes, by topic: the renderer reloads a screen's data only when a
 * write changed a topic that data reads. One table for every call of the contract (the type
 * makes a missing call an error); `test/unit/apiTopics.test.ts` pins what a save must refresh.
 */
import type { CallName } from './api';

export const TOPICS = [
  'reps', // the reps themselves: names, quotas, status, cadence, meeting length
  'deals', // deals, their accounts' names, stage and close-date history
  'ladder', // an account's place on the ladder and its history
  'stakeholders',
  'valueProps',
  'notes', // coaching notes, deal reviews and their answers, follow-ups
  'oneOnOnes', // meetings, agendas, private notes, dismissed proposals, lock history
  'commitments',
  'coachability', // observations, self-assessments, cautions
  'development', // talent and effort placements, development plans and check-ins
  'settings',
  'mappings', // saved import mappings
  'backups',
  'store', // encryption, integrity, read-only state of the open database
] as const;
export type Topic = (typeof TOPICS)[number];

/** `everything`: a restore, an import, demo data or a recovered store: every screen reloads. */
export type Writes = readonly Topic[] | 'everything';
export interface CallTopics {
  reads: readonly Topic[];
  writes: Writes;
}

const read = (...reads: Topic[]): CallTopics => ({ reads, writes: [] });
const write = (writes: Writes, reads: readonly Topic[] = []): CallTopics => ({ reads, writes });

/** A deal's flags and attention: its facts, its rep's cycle, the settings, stakeholders, value props. */
const FLAGS: Topic[] = ['deals', 'reps', 'settings', 'stakeholders', 'valueProps'];
/** Rep metrics with the neglect radar (last one-on-one, note, deal review). */
const METRICS: Topic[] = [...FLAGS, 'notes', 'oneOnOnes'];
/** Coachability: observations, follow-through on commitments and on feedback notes. */
const COACHABILITY: Topic[] = ['coachability', 'commitments', 'notes', 'reps', 'deals', 'settings'];
/** A one-on-one and its proposals draw on nearly everything about the rep. */
const MEETING: Topic[] = [...METRICS, 'commitments', 'coachability', 'development'];
/** Team development: drivers from deals, stakeholders, value props and follow-through. */
const DEVELOPMENT: Topic[] = ['development', ...FLAGS, 'commitments'];

export const CALL_TOPICS = {
  'app.info': read('reps', 'deals'),
  'demo.load': write('everything'),
  'settings.get': read('settings'),
  'settings.update': write(['settings'], ['settings']),
  'team.summary': read('reps', 'deals', 'settings'),
  'reps.list': read('reps'),
  'reps.get': read('reps'),
  'reps.create': write(['reps']),
  'reps.update': write(['reps']),
  'reps.archive': write(['reps']),
  'reps.restore': write(['reps']),
  'deals.listByRep': read('deals'),
  'deals.get': read('deals', 'reps'),
  'deals.create': write(['deals']),
  'deals.update': write(['deals']),
  'deals.close': write(['deals']),
  'deals.reopen': write(['deals']),
  'accounts.names': read('deals'),
  'search.query': read('reps', 'deals', 'notes', 'oneOnOnes', 'commitments'),
  'metrics.team': read(...METRICS),
  'metrics.rep': read(...METRICS),
  'metrics.list': read(...METRICS),
  'pipeline.open': read(...FLAGS),
  // Reads the stored facts; a new day's first read rebuilds them (derived data, no topic changes).
  'pipeline.page': read(...FLAGS),
  'pipeline.attention': read(...FLAGS),
  'pipeline.flagged': read(...FLAGS),
  'oneOnOnes.list': read('oneOnOnes'),
  'oneOnOnes.schedule': write(['oneOnOnes']),
  'oneOnOnes.get': read(...MEETING),
  // Prepare takes items no longer true off the agenda: a write that answers with proposals.
  'oneOnOnes.prepare': write(['oneOnOnes'], MEETING),
  'oneOnOnes.dismiss': write(['oneOnOnes']),
  'oneOnOnes.saveAgenda': write(['oneOnOnes']),
  'oneOnOnes.updateItem': write(['oneOnOnes']),
  'oneOnOnes.setPrivateNote': write(['oneOnOnes']),
  'oneOnOnes.close': write(['oneOnOnes']),
  'oneOnOnes.unlock': write(['oneOnOnes']),
  'oneOnOnes.week': read('oneOnOnes', 'reps'),
  'oneOnOnes.prepareWeek': write(['oneOnOnes'], MEETING),
  'reps.setCadence': write(['reps']),
  'reps.setMeetingLength': write(['reps']),
  'coachability.record': write(['coachability']),
  'coachability.rep': read(...COACHABILITY),
  'coachability.self': read(...COACHABILITY),
  'coachability.team': read(...COACHABILITY),
  'coachability.setCautions': write(['coachability']),
  'valueProps.forDeal': read('valueProps', 'stakeholders', 'deals', 'settings'),
  'valueProps.assess': write(['valueProps'], ['valueProps', 'stakeholders', 'deals', 'settings']),
  'valueProps.team': read('valueProps', 'stakeholders', 'deals', 'reps', 'settings'),
  'valueProps.assessed': read(...FLAGS),
  'stakeholders.map': read('stakeholders', 'deals', 'settings'),
  'stakeholders.add': write(['stakeholders']),
  'stakeholders.update': write(['stakeholders']),
  'stakeholders.remove': write(['stakeholders']),
  'accounts.ladder': read('ladder'),
  'accounts.setLadder': write(['ladder'], ['ladder']),
  // An export reads what it prints; it is made on demand, never kept on a screen.
  'export.document': read(...MEETING),
  'deals.flags': read(...FLAGS),
  'deals.triage': read(...FLAGS),
  'pipeline.weekly': read('deals', 'reps'),
  'commitments.list': read('commitments', 'reps', 'deals', 'oneOnOnes'),
  'commitments.create': write(['commitments']),
  'commitments.setStatus': write(['commitments']),
  'import.analyze': read('reps', 'deals', 'settings', 'mappings'),
  // The import runs as a job after this answers: the import screen invalidates everything when it is done.
  'import.start': write([], []),
  'import.progress': read(),
  'import.mappings': read('mappings'),
  'import.deleteMapping': write(['mappings']),
  'development.team': read(...DEVELOPMENT),
  'development.place': write(['development']),
  'development.startPlan': write(['development']),
  'development.checkin': write(['development']),
  'development.closePlan': write(['development']),
  'development.plans': read(...DEVELOPMENT),
  'notes.list': read('notes', 'deals'),
  'notes.create': write(['notes']),
  'notes.update': write(['notes']),
  'notes.delete': write(['notes']),
  'notes.followUp': write(['notes']),
  // A deal review is a note with answers; its agreed next steps are saved as commitments.
  'dealReviews.create': write(['notes', 'commitments']),
  'dealReviews.forDeal': read('notes', 'deals', 'commitments'),
  'backups.list': read('backups', 'settings'),
  'backups.create': write(['backups']),
  'backups.restore': write('everything'),
  'data.restoreJson': write('everything'),
  'recovery.status': read('store'),
  'recovery.restore': write('everything'),
  'recovery.retry': write('everything'),
  'recovery.unlock': write('everything'),
  'recovery.startFresh': write('everything'),
  'store.status': read('store', 'backups'),
  'security.encryption': write(['store', 'settings', 'backups']),
  'security.lock': write(['store']),
} as const satisfies Record<CallName, CallTopics>;

/** The topics a write changes (none for a read). */
export const writesOf = (name: CallName): Writes => CALL_TOPICS[name].writes;
/** The topics a call's answer depends on. */
export const readsOf = (name: CallName): readonly Topic[] => CALL_TOPICS[name].reads;

/** Whether a change to `changed` makes the answer of `name` out of date. */
export const refreshes = (changed: Writes, name: CallName): boolean =>
  changed === 'everything' || readsOf(name).some((t) => changed.includes(t));
