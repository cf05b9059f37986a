/**
 * The one API contract. Each call has a name, an input schema (inputs are `unknown` until
 * parsed by it) and an output type. Electron IPC, the web preview and the CLI all serve it.
 */
import { z } from 'zod';
import { id, isoDate } from './schemas/common';
import {
  dealClose,
  dealInput,
  dealReopen,
  dealUpdate,
  type Deal,
  type DealDetail,
} from './schemas/deal';
import { repInput, repUpdate, type Rep } from './schemas/rep';
import type { RepMetrics } from './domain/metrics';
import {
  cadenceInput,
  privateNoteInput,
  saveAgendaInput,
  scheduleInput,
  closeInput,
  dismissInput,
  meetingLengthInput,
  type PreparedAgenda,
  unlockInput,
  updateItemInput,
  type AgendaItem,
  type OneOnOne,
  type OneOnOneDetail,
  weekInput,
  prepareWeekInput,
  type OneOnOneWeek,
  type WeekPrepared,
} from './schemas/oneOnOnes';
import {
  commitmentInput,
  commitmentStatusInput,
  commitmentsListInput,
  type Commitment,
  type CommitmentsView,
} from './schemas/commitments';
import type { Flag } from './domain/flags';
import { exportRequest, type ExportDoc } from './schemas/exports';
import { cautionsInput, observationInput, type RepCoachability, type TeamCoachabilityRow } from './schemas/coachability';
import type { CautionAnswers } from './domain/coachability';
import { assessInput, type AssessedDeal, type DealValueProps, type TeamValueProps } from './schemas/valueProps';
import { stakeholderInput, stakeholderUpdate, type Stakeholder, type StakeholderMap } from './schemas/stakeholders';
import { ladderInput, type AccountLadder } from './schemas/accounts';
import { searchInput, type SearchResults } from './schemas/search';
import {
  asOfInput,
  attentionInput,
  repMetricsInput,
  dealFlagsInput,
  type NeedsAttention,
  type PipelineDeal,
  type PipelineList,
  type RepDashboard,
  type TeamMetrics,
  type WeeklyReview,
} from './schemas/pipeline';
import { pipelinePageInput, type PipelinePage } from './schemas/pipelinePage';
import {
  deleteMappingInput,
  importChoicesInput,
  importProgressInput,
  importStartInput,
  type ImportAnalysis,
  type ImportProgress,
  type SavedMapping,
} from './schemas/imports';
import { dealReviewInput, followUpInput, noteInput, notesListInput, noteUpdate, type Note, type PastReview } from './schemas/notes';
import {
  backupFileInput,
  encryptionInput,
  passphraseInput,
  restoreJsonInput,
  type BackupInfo,
  type BackupsView,
  type EncryptionResult,
  type RestoreResult,
  type StoreProblem,
  type StoreStatus,
} from './schemas/backups';
import {
  checkinInput,
  closePlanInput,
  developmentInput,
  placementInput,
  planInput,
  type PlanView,
  type TeamDevelopment,
} from './schemas/development';
import {
  settingsPatch,
  teamSummaryInput,
  type AppInfo,
  type Settings,
  type TeamSummary,
} from './schemas/team';

/** Pairs an input schema with an output type that exists only for the compiler. */
const call = <I extends z.ZodType, O>(input: I) => ({ input, output: undefined as unknown as O });

const none = z.object({}).default({});
const byId = z.object({ id });
const byIdAsOf = z.object({ id, asOf: isoDate.optional() });
/** `presenting`: the meeting as the rep may see it on a shared screen (nothing private is sent). */
const meetingGetInput = z.object({ id, asOf: isoDate.optional(), presenting: z.boolean().default(false) });
const repIdInput = z.object({ repId: id });
const repAsOf = z.object({ repId: id, asOf: isoDate.optional() });
const dealIdInput = z.object({ dealId: id });
const dealAsOf = z.object({ dealId: id, asOf: isoDate.optional() });
/** Per-rep metrics; `months` overrides the trailing window of the settings (1 to 36). */
const metricsListInput = z.object({
  asOf: isoDate.optional(),
  months: z.number({ error: 'must be a number of months' }).int({ error: 'must be whole months' }).min(1, { error: 'must be from 1 to 36' }).max(36, { error: 'must be from 1 to 36' }).optional(),
});
const accountIdInput = z.object({ accountId: id });
const demoLoad = z.object({ seed: z.number().int().min(1).max(1_000_000).default(42) });
const repsList = z.object({ includeArchived: z.boolean().default(false) });
const pipelineInput = asOfInput.extend({ repId: id.optional() });
const dealsByRep = z.object({
  repId: id,
  outcome: z.enum(['open', 'won', 'lost', 'all']).default('all'),
});

export const api = {
  'app.info': call<typeof none, AppInfo>(none),
  'demo.load': call<typeof demoLoad, { reps: number; deals: number }>(demoLoad),
  'settings.get': call<typeof none, Settings>(none),
  'settings.update': call<typeof settingsPatch, Settings>(settingsPatch),
  'team.summary': call<typeof teamSummaryInput, TeamSummary>(teamSummaryInput),
  'reps.list': call<typeof repsList, Rep[]>(repsList),
  'reps.get': call<typeof byId, Rep>(byId),
  'reps.create': call<typeof repInput, Rep>(repInput),
  'reps.update': call<typeof repUpdate, Rep>(repUpdate),
  'reps.archive': call<typeof byId, Rep>(byId),
  'reps.restore': call<typeof byId, Rep>(byId),
  'deals.listByRep': call<typeof dealsByRep, Deal[]>(dealsByRep),
  'deals.get': call<typeof byId, DealDetail>(byId),
  'deals.create': call<typeof dealInput, Deal>(dealInput),
  'deals.update': call<typeof dealUpdate, Deal>(dealUpdate),
  'deals.close': call<typeof dealClose, Deal>(dealClose),
  'deals.reopen': call<typeof dealReopen, Deal>(dealReopen),
  'accounts.names': call<typeof none, string[]>(none),
  'search.query': call<typeof searchInput, SearchResults>(searchInput),
  'metrics.team': call<typeof asOfInput, TeamMetrics>(asOfInput),
  'metrics.rep': call<typeof repMetricsInput, RepDashboard>(repMetricsInput),
  'metrics.list': call<typeof metricsListInput, RepMetrics[]>(metricsListInput),
  'pipeline.open': call<typeof pipelineInput, PipelineList>(pipelineInput),
  'pipeline.page': call<typeof pipelinePageInput, PipelinePage>(pipelinePageInput),
  'pipeline.attention': call<typeof attentionInput, NeedsAttention>(attentionInput),
  /** Every flagged open deal in full (each flag's severity, reason and question), ranked by attention. */
  'pipeline.flagged': call<typeof asOfInput, PipelineDeal[]>(asOfInput),
  'oneOnOnes.list': call<typeof repIdInput, OneOnOne[]>(repIdInput),
  'oneOnOnes.schedule': call<typeof scheduleInput, OneOnOne>(scheduleInput),
  'oneOnOnes.get': call<typeof meetingGetInput, OneOnOneDetail>(meetingGetInput),
  'oneOnOnes.prepare': call<typeof byIdAsOf, PreparedAgenda>(byIdAsOf),
  'oneOnOnes.dismiss': call<typeof dismissInput, null>(dismissInput),
  'oneOnOnes.saveAgenda': call<typeof saveAgendaInput, AgendaItem[]>(saveAgendaInput),
  'oneOnOnes.updateItem': call<typeof updateItemInput, AgendaItem>(updateItemInput),
  'oneOnOnes.setPrivateNote': call<typeof privateNoteInput, OneOnOne>(privateNoteInput),
  'oneOnOnes.close': call<typeof closeInput, { closed: OneOnOne; next: OneOnOne | null }>(closeInput),
  'oneOnOnes.unlock': call<typeof unlockInput, OneOnOne>(unlockInput),
  'reps.setCadence': call<typeof cadenceInput, number>(cadenceInput),
  'reps.setMeetingLength': call<typeof meetingLengthInput, number>(meetingLengthInput),
  /** The One-on-ones section: every active rep's standing for a week, most urgent first. */
  'oneOnOnes.week': call<typeof weekInput, OneOnOneWeek>(weekInput),
  /** Prepares every one-on-one planned in a week (each within its meeting length), in one transaction. */
  'oneOnOnes.prepareWeek': call<typeof prepareWeekInput, WeekPrepared>(prepareWeekInput),
  'coachability.record': call<typeof observationInput, number>(observationInput),
  'coachability.rep': call<typeof repAsOf, RepCoachability>(repAsOf),
  'coachability.self': call<typeof asOfInput, RepCoachability>(asOfInput),
  'coachability.team': call<typeof asOfInput, TeamCoachabilityRow[]>(asOfInput),
  'coachability.setCautions': call<typeof cautionsInput, CautionAnswers>(cautionsInput),
  'valueProps.forDeal': call<typeof dealAsOf, DealValueProps>(dealAsOf),
  'valueProps.assess': call<typeof assessInput, DealValueProps>(assessInput),
  'valueProps.team': call<typeof asOfInput, TeamValueProps>(asOfInput),
  'valueProps.assessed': call<typeof asOfInput, AssessedDeal[]>(asOfInput),
  'stakeholders.map': call<typeof dealAsOf, StakeholderMap>(dealAsOf),
  'stakeholders.add': call<typeof stakeholderInput, number>(stakeholderInput),
  'stakeholders.update': call<typeof stakeholderUpdate, number>(stakeholderUpdate),
  'stakeholders.remove': call<typeof byId, Stakeholder>(byId),
  'accounts.ladder': call<typeof accountIdInput, AccountLadder>(accountIdInput),
  'accounts.setLadder': call<typeof ladderInput, AccountLadder>(ladderInput),
  'export.document': call<typeof exportRequest, ExportDoc>(exportRequest),
  'deals.flags': call<typeof dealFlagsInput, Flag[]>(dealFlagsInput),
  'deals.triage': call<typeof dealFlagsInput, PipelineDeal | null>(dealFlagsInput),
  'pipeline.weekly': call<typeof asOfInput, WeeklyReview>(asOfInput),
  'commitments.list': call<typeof commitmentsListInput, CommitmentsView>(commitmentsListInput),
  'commitments.create': call<typeof commitmentInput, Commitment>(commitmentInput),
  'commitments.setStatus': call<typeof commitmentStatusInput, Commitment>(commitmentStatusInput),
  'import.analyze': call<typeof importChoicesInput, ImportAnalysis>(importChoicesInput),
  'import.start': call<typeof importStartInput, { jobId: string }>(importStartInput),
  'import.progress': call<typeof importProgressInput, ImportProgress>(importProgressInput),
  'import.mappings': call<typeof none, SavedMapping[]>(none),
  'import.deleteMapping': call<typeof deleteMappingInput, null>(deleteMappingInput),
  'development.team': call<typeof developmentInput, TeamDevelopment>(developmentInput),
  'development.place': call<typeof placementInput, null>(placementInput),
  'development.startPlan': call<typeof planInput, PlanView>(planInput),
  'development.checkin': call<typeof checkinInput, PlanView>(checkinInput),
  'development.closePlan': call<typeof closePlanInput, PlanView>(closePlanInput),
  'development.plans': call<typeof repIdInput, PlanView[]>(repIdInput),
  'notes.list': call<typeof notesListInput, Note[]>(notesListInput),
  'notes.create': call<typeof noteInput, Note>(noteInput),
  'notes.update': call<typeof noteUpdate, Note>(noteUpdate),
  'notes.delete': call<typeof byId, Note>(byId),
  'notes.followUp': call<typeof followUpInput, Note>(followUpInput),
  'dealReviews.create': call<typeof dealReviewInput, Note>(dealReviewInput),
  'dealReviews.forDeal': call<typeof dealIdInput, PastReview[]>(dealIdInput),
  'backups.list': call<typeof none, BackupsView>(none),
  'backups.create': call<typeof none, BackupInfo>(none),
  'backups.restore': call<typeof backupFileInput, RestoreResult>(backupFileInput),
  'data.restoreJson': call<typeof restoreJsonInput, RestoreResult>(restoreJsonInput),
  'recovery.status': call<typeof none, StoreProblem | null>(none),
  'recovery.restore': call<typeof backupFileInput, null>(backupFileInput),
  'recovery.retry': call<typeof none, StoreProblem | null>(none),
  'recovery.unlock': call<typeof passphraseInput, StoreProblem | null>(passphraseInput),
  'recovery.startFresh': call<typeof none, null>(none),
  'store.status': call<typeof none, StoreStatus>(none),
  'security.encryption': call<typeof encryptionInput, EncryptionResult>(encryptionInput),
  'security.lock': call<typeof none, null>(none),
} as const;

export type Api = typeof api;
export type CallName = keyof Api;
export type CallInput<N extends CallName> = z.input<Api[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Api[N]['input']>;
export type CallOutput<N extends CallName> = Api[N]['output'];
export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
