import type { CallName, CallOutput, ParsedInput } from '../../../shared/api';
import { oneOnOneWeek, prepareWeek } from '../repos/oneOnOneWeek';
import { weekStart } from '../../../shared/domain/oneOnOneWeek';
import type { Ctx } from '../context';
import { loadDemo } from '../demo/load';
import { accountNames } from '../repos/accounts';
import { search } from '../repos/search';
import {
  closeDeal,
  createDeal,
  getDealDetail,
  listDealsByRep,
  reopenDeal,
  updateDeal,
} from '../repos/deals';
import { createRep, getRep, listReps, setRepStatus, updateRep } from '../repos/reps';
import { getSettings } from '../repos/settings';
import { ensureFacts, saveSettings } from '../repos/pipelineFacts';
import { teamSummary } from '../repos/team';
import { LATEST_VERSION } from '../db/migrations';
import { repDashboard } from '../repos/repDashboard';
import { dealFlags, dealTriage, pipeline, pipelineList, repMetrics, teamMetrics } from '../repos/metrics';
import { needsAttention } from '../repos/needsAttention';
import { weeklyReview } from '../repos/weekly';
import { pipelinePage } from '../repos/pipelinePage';
import { exportDocument } from '../export/exportDocument';
import { assessValueProp, dealValueProps, teamValueProps } from '../repos/valueProps';
import { addStakeholder, removeStakeholder, stakeholderMap, updateStakeholder } from '../repos/stakeholders';
import { accountLadder, setLadder } from '../repos/ladder';
import { recordObservation, repCoachability, selfCoachability, setCautions, teamCoachability } from '../repos/coachability';
import { commitmentsView, createCommitment, setCommitmentStatus } from '../repos/commitments';
import {
  closeOneOnOne,
  getOneOnOneDetail,
  listOneOnOnes,
  prepareAgenda,
  saveAgenda,
  scheduleOneOnOne,
  setCadence,
  setMeetingLength,
  shareView,
  dismissProposal,
  setPrivateNote,
  unlockOneOnOne,
  updateAgendaItem,
} from '../repos/oneOnOnes';

import { closePlan, createPlan, plansForRep, recordCheckin, setPlacement, teamDevelopment } from '../repos/development';
import { answerFollowUp, createDealReview, createNote, deleteNote, listNotes, pastReviews, updateNote } from '../repos/notes';
import { planImport } from '../import/plan';
import { backupDir, backupNow, listBackups } from '../db/backup';
import { restoreBackup, restoreJson } from '../data/restore';
import { InvalidError } from '../errors';
import { importProgress, startImport } from '../import/jobs';
import { deleteMapping, listMappings } from '../import/mappings';
import { backupBeforeImport } from '../import/backup';
import { keyOf } from '../db/cipher';
import { integrityStatus } from '../db/integrity';
import { setEncryption } from '../data/encryption';
import { assessedDeals } from '../repos/assessedDeals';

/** A handler answers at once, or (backups and restores, which wait for SQLite's backup) later. */
export type Handlers = {
  [N in CallName]: (ctx: Ctx, input: ParsedInput<N>) => CallOutput<N> | Promise<CallOutput<N>>;
};

/** The calls whose handlers return a promise. */
export const ANSWERS_LATER: ReadonlySet<CallName> = new Set<CallName>(['backups.create', 'backups.restore', 'data.restoreJson', 'security.encryption']);

/** Every call of the contract, exactly once (the mapped type makes a missing one a type error). */
export const handlers: Handlers = {
  'app.info': (ctx) => {
    const counts = ctx.db
      .prepare('SELECT (SELECT COUNT(*) FROM reps) AS reps, (SELECT COUNT(*) FROM deals) AS deals')
      .get() as { reps: number; deals: number };
    return {
      dbPath: ctx.dbPath,
      shell: ctx.shell,
      repCount: counts.reps,
      dealCount: counts.deals,
      schemaVersion: LATEST_VERSION,
      today: ctx.clock.today(),
    };
  },
  'demo.load': (ctx, { seed }) => loadDemo(ctx.db, ctx.clock, seed),
  'settings.get': (ctx) => getSettings(ctx.db),
  'settings.update': (ctx, patch) => saveSettings(ctx.db, patch),
  'team.summary': (ctx, { asOf, includeArchived }) =>
    teamSummary(ctx.db, asOf ?? ctx.clock.today(), includeArchived),
  'reps.list': (ctx, { includeArchived }) => listReps(ctx.db, includeArchived),
  'reps.get': (ctx, { id }) => getRep(ctx.db, id),
  'reps.create': (ctx, input) => createRep(ctx.db, ctx.clock, input),
  'reps.update': (ctx, input) => updateRep(ctx.db, ctx.clock, input),
  'reps.archive': (ctx, { id }) => setRepStatus(ctx.db, ctx.clock, id, 'archived'),
  'reps.restore': (ctx, { id }) => setRepStatus(ctx.db, ctx.clock, id, 'active'),
  'deals.listByRep': (ctx, { repId, outcome }) => listDealsByRep(ctx.db, repId, outcome),
  'deals.get': (ctx, { id }) => getDealDetail(ctx.db, id),
  'deals.create': (ctx, input) => createDeal(ctx.db, ctx.clock, input),
  'deals.update': (ctx, input) => updateDeal(ctx.db, ctx.clock, input),
  'deals.close': (ctx, input) => closeDeal(ctx.db, ctx.clock, input),
  'deals.reopen': (ctx, { id, stage }) => reopenDeal(ctx.db, ctx.clock, id, stage),
  'accounts.names': (ctx) => accountNames(ctx.db),
  'search.query': (ctx, { text, perKind }) => search(ctx.db, text, perKind),
  'metrics.team': (ctx, { asOf }) => teamMetrics(ctx.db, asOf ?? ctx.clock.today()),
  'metrics.rep': (ctx, { repId, asOf }) => repDashboard(ctx.db, repId, asOf ?? ctx.clock.today()),
  'metrics.list': (ctx, { asOf, months }) => repMetrics(ctx.db, asOf ?? ctx.clock.today(), undefined, months),
  'pipeline.open': (ctx, { asOf, repId }) => pipelineList(ctx.db, asOf ?? ctx.clock.today(), repId),
  'pipeline.page': (ctx, input) => pipelinePage(ctx.db, ctx.clock.today(), input),
  'pipeline.flagged': (ctx, { asOf }) => pipeline(ctx.db, asOf ?? ctx.clock.today()).deals.filter((d) => d.flags.length > 0),
  'pipeline.attention': (ctx, { asOf, repId, limit }) => {
    // Today's top deals come from the stored facts: brought up to today first, as the Pipeline does.
    const today = ctx.clock.today();
    if ((asOf ?? today) === today) ensureFacts(ctx.db, today);
    return needsAttention(ctx.db, asOf ?? today, { repId, limit });
  },
  'commitments.list': (ctx, { repId, include, asOf }) => commitmentsView(ctx.db, asOf ?? ctx.clock.today(), { repId, include }),
  'commitments.create': (ctx, input) => createCommitment(ctx.db, ctx.clock, input),
  'commitments.setStatus': (ctx, { id, status, on }) => setCommitmentStatus(ctx.db, ctx.clock, id, status, on),
  'oneOnOnes.list': (ctx, { repId }) => listOneOnOnes(ctx.db, repId),
  'oneOnOnes.schedule': (ctx, { repId, meetingDate }) => scheduleOneOnOne(ctx.db, ctx.clock, repId, meetingDate),
  'oneOnOnes.get': (ctx, { id, asOf, presenting }) => {
    const detail = getOneOnOneDetail(ctx.db, id, asOf ?? ctx.clock.today());
    return presenting ? shareView(detail) : detail;
  },
  'oneOnOnes.prepare': (ctx, { id, asOf }) => prepareAgenda(ctx.db, ctx.clock, id, asOf ?? ctx.clock.today()),
  'oneOnOnes.dismiss': (ctx, input) => dismissProposal(ctx.db, ctx.clock, input),
  'oneOnOnes.saveAgenda': (ctx, input) => saveAgenda(ctx.db, ctx.clock, input),
  'oneOnOnes.updateItem': (ctx, { id, notes, done }) => updateAgendaItem(ctx.db, id, { notes, done }),
  'oneOnOnes.setPrivateNote': (ctx, { id, note }) => setPrivateNote(ctx.db, ctx.clock, id, note),
  'oneOnOnes.close': (ctx, { id, moveToToday }) => closeOneOnOne(ctx.db, ctx.clock, id, { moveToToday }),
  'oneOnOnes.unlock': (ctx, { id, reason }) => unlockOneOnOne(ctx.db, ctx.clock, id, reason),
  'reps.setCadence': (ctx, { repId, days }) => setCadence(ctx.db, repId, days),
  'reps.setMeetingLength': (ctx, { repId, minutes }) => setMeetingLength(ctx.db, repId, minutes),
  'oneOnOnes.week': (ctx, { from, asOf }) => oneOnOneWeek(ctx.db, from ?? asOf ?? ctx.clock.today(), asOf ?? ctx.clock.today()),
  'oneOnOnes.prepareWeek': (ctx, { from, asOf }) => prepareWeek(ctx.db, ctx.clock, from ?? weekStart(asOf ?? ctx.clock.today()), asOf ?? ctx.clock.today()),
  'coachability.record': (ctx, input) => recordObservation(ctx.db, ctx.clock, input),
  'coachability.rep': (ctx, { repId, asOf }) => repCoachability(ctx.db, repId, asOf ?? ctx.clock.today()),
  'coachability.self': (ctx, { asOf }) => selfCoachability(ctx.db, asOf ?? ctx.clock.today()),
  'coachability.team': (ctx, { asOf }) => teamCoachability(ctx.db, asOf ?? ctx.clock.today()),
  'coachability.setCautions': (ctx, input) => setCautions(ctx.db, ctx.clock, input),
  'valueProps.assessed': (ctx, { asOf }) => assessedDeals(ctx.db, asOf ?? ctx.clock.today()),
  'valueProps.forDeal': (ctx, { dealId, asOf }) => dealValueProps(ctx.db, dealId, asOf),
  'valueProps.assess': (ctx, input) => assessValueProp(ctx.db, ctx.clock, input),
  'valueProps.team': (ctx, { asOf }) => teamValueProps(ctx.db, asOf ?? ctx.clock.today()),
  'stakeholders.map': (ctx, { dealId, asOf }) => stakeholderMap(ctx.db, dealId, asOf ?? ctx.clock.today()),
  'stakeholders.add': (ctx, input) => addStakeholder(ctx.db, ctx.clock, input),
  'stakeholders.update': (ctx, input) => updateStakeholder(ctx.db, ctx.clock, input),
  'stakeholders.remove': (ctx, { id }) => removeStakeholder(ctx.db, id),
  'accounts.ladder': (ctx, { accountId }) => accountLadder(ctx.db, accountId),
  'accounts.setLadder': (ctx, input) => setLadder(ctx.db, ctx.clock, input),
  'export.document': (ctx, req) => exportDocument(ctx, req),
  'deals.flags': (ctx, { id, asOf }) => dealFlags(ctx.db, id, asOf ?? ctx.clock.today()),
  'deals.triage': (ctx, { id, asOf }) => dealTriage(ctx.db, id, asOf ?? ctx.clock.today()),
  'pipeline.weekly': (ctx, { asOf }) => weeklyReview(ctx.db, asOf ?? ctx.clock.today()),
  'development.team': (ctx, period) => teamDevelopment(ctx.db, ctx.clock, period),
  'development.place': (ctx, input) => (setPlacement(ctx.db, ctx.clock, input), null),
  'development.startPlan': (ctx, input) => createPlan(ctx.db, ctx.clock, input),
  'development.checkin': (ctx, input) => recordCheckin(ctx.db, ctx.clock, input),
  'development.closePlan': (ctx, input) => closePlan(ctx.db, ctx.clock, input),
  'development.plans': (ctx, { repId }) => plansForRep(ctx.db, repId, ctx.clock.today()),
  'notes.list': (ctx, f) => listNotes(ctx.db, f),
  'notes.create': (ctx, input) => createNote(ctx.db, ctx.clock, input),
  'notes.update': (ctx, input) => updateNote(ctx.db, ctx.clock, input),
  'notes.delete': (ctx, { id }) => deleteNote(ctx.db, id),
  'notes.followUp': (ctx, input) => answerFollowUp(ctx.db, ctx.clock, input),
  'dealReviews.create': (ctx, input) => createDealReview(ctx.db, ctx.clock, input),
  'dealReviews.forDeal': (ctx, { dealId }) => pastReviews(ctx.db, dealId, ctx.clock.today()),
  'backups.list': (ctx) => ({ dir: backupDir(ctx.dbPath), keep: getSettings(ctx.db).backupKeep, backups: listBackups(ctx.dbPath) }),
  'backups.create': async (ctx) => {
    const file = await backupNow(ctx.db, ctx.dbPath, ctx.clock, 'manual', getSettings(ctx.db).backupKeep, ctx.nativeBinding);
    return listBackups(ctx.dbPath).find((b) => file.endsWith(b.file))!;
  },
  'backups.restore': (ctx, { file }) => restoreBackup(ctx, file),
  'data.restoreJson': (ctx, { fileId }) => restoreJson(ctx, fileId),
  'recovery.status': () => null,
  'recovery.restore': () => {
    throw new InvalidError('The database opened normally: there is nothing to recover. Use Restore in the backups list instead.', 'file');
  },
  // The store answers these itself when the database is not open; when it is, they are no-ops.
  'recovery.retry': () => null,
  'recovery.unlock': () => null,
  'recovery.startFresh': () => {
    throw new InvalidError('The database opened normally: there is nothing to start afresh.');
  },
  'store.status': (ctx) => ({ readOnly: ctx.readOnly ?? null, integrity: integrityStatus(ctx.dbPath), encrypted: !!keyOf(ctx.db) }),
  'security.encryption': (ctx, input) => setEncryption(ctx, input),
  'security.lock': () => null, // answered by the store, which owns the open database
  'import.analyze': (ctx, input) => planImport(ctx, input).analysis,
  'import.start': (ctx, input) => ({ jobId: startImport(ctx, input, { backup: backupBeforeImport }).jobId }),
  'import.progress': (_ctx, { jobId }) => importProgress(jobId),
  'import.mappings': (ctx) => listMappings(ctx.db),
  'import.deleteMapping': (ctx, { id }) => (deleteMapping(ctx.db, id), null),
};
