import { refreshDealFacts, refreshFacts } from './pipelineFacts';
import type { z } from 'zod';
import { fromCents, toCents } from '../../../shared/domain/money';
import {
  isClosingStage,
  LOST_STAGE,
  WON_STAGE,
  type CloseDateChange,
  type Deal,
  type DealDetail,
  type StageChange,
  type dealClose,
  type dealInput,
  type dealUpdate,
} from '../../../shared/schemas/deal';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { ConflictError, InvalidError, NotFoundError } from '../errors';
import { ensureAccount } from './accounts';
import { getRep } from './reps';
import { dealHistory } from './dealHistory';

interface DealRow {
  id: number;
  external_id: string | null;
  rep_id: number;
  rep_name: string;
  account_id: number | null;
  account_name: string | null;
  name: string;
  stage: string;
  crm_stage: string | null;
  amount_cents: number;
  currency: string;
  created_date: string;
  expected_close_date: string | null;
  closed_date: string | null;
  outcome: Deal['outcome'];
  last_activity_date: string | null;
  next_step: string | null;
  source: string | null;
  stage_entered_date: string;
  close_date_changes: number;
  updated_at: string;
}

const SELECT_DEAL = `
  SELECT d.*, r.name AS rep_name, a.name AS account_name
  FROM deals d JOIN reps r ON r.id = d.rep_id LEFT JOIN accounts a ON a.id = d.account_id`;

const toDeal = (r: DealRow): Deal => ({
  id: r.id,
  externalId: r.external_id,
  repId: r.rep_id,
  repName: r.rep_name,
  accountId: r.account_id,
  accountName: r.account_name,
  name: r.name,
  stage: r.stage,
  crmStage: r.crm_stage,
  amount: fromCents(r.amount_cents),
  currency: r.currency,
  createdDate: r.created_date,
  expectedCloseDate: r.expected_close_date,
  closedDate: r.closed_date,
  outcome: r.outcome,
  lastActivityDate: r.last_activity_date,
  nextStep: r.next_step,
  source: r.source,
  stageEnteredDate: r.stage_entered_date,
  closeDateChanges: r.close_date_changes,
  updatedAt: r.updated_at,
});

export type DealOutcomeFilter = Deal['outcome'] | 'all';

export function listDealsByRep(db: Db, repId: number, outcome: DealOutcomeFilter): Deal[] {
  getRep(db, repId);
  const rows = db
    .prepare(
      `${SELECT_DEAL} WHERE d.rep_id = ? ${outcome === 'all' ? '' : 'AND d.outcome = ?'}
       ORDER BY (d.outcome = 'open') DESC, COALESCE(d.closed_date, d.expected_close_date) DESC, d.id DESC`,
    )
    .all(...(outcome === 'all' ? [repId] : [repId, outcome])) as DealRow[];
  return rows.map(toDeal);
}

export function getDeal(db: Db, id: number): Deal {
  const row = db.prepare(`${SELECT_DEAL} WHERE d.id = ?`).get(id) as DealRow | undefined;
  if (!row) throw new NotFoundError('Deal', id);
  return toDeal(row);
}

export function getDealDetail(db: Db, id: number): DealDetail {
  const deal = getDeal(db, id);
  const stageHistory = db
    .prepare(
      `SELECT id, from_stage AS fromStage, to_stage AS toStage, changed_on AS changedOn
       FROM deal_stage_history WHERE deal_id = ? ORDER BY changed_on, id`,
    )
    .all(id) as StageChange[];
  const closeDateChanges = db
    .prepare(
      `SELECT id, from_date AS fromDate, to_date AS toDate, changed_on AS changedOn
       FROM deal_close_date_changes WHERE deal_id = ? ORDER BY changed_on, id`,
    )
    .all(id) as CloseDateChange[];
  return { deal, stageHistory, closeDateChanges };
}

function assertExternalIdFree(db: Db, externalId: string | null, exceptId = 0): void {
  if (!externalId) return;
  const clash = db
    .prepare('SELECT id FROM deals WHERE external_id = ? AND id <> ?')
    .get(externalId, exceptId);
  if (clash) {
    throw new ConflictError(`Another deal already has the CRM id “${externalId}”.`, 'externalId');
  }
}

function assertActiveRep(db: Db, repId: number): void {
  const rep = getRep(db, repId);
  if (rep.status === 'archived') {
    throw new InvalidError(`${rep.name} is archived; restore them before giving them deals.`, 'repId');
  }
}

/** Records a stage move and a close-date change, if any, and keeps the counters on the deal. */
function recordChanges(
  db: Db,
  dealId: number,
  before: { stage: string; expectedCloseDate: string | null } | null,
  after: { stage: string; expectedCloseDate: string | null },
  changedOn: string,
  nowIso: string,
): void {
  const history = dealHistory(db);
  if (!before || before.stage !== after.stage) {
    history.stageMoved(dealId, before?.stage ?? null, after.stage, changedOn, nowIso);
    db.prepare('UPDATE deals SET stage_entered_date = ? WHERE id = ?').run(changedOn, dealId);
  }
  if (before && before.expectedCloseDate !== after.expectedCloseDate) {
    history.closeDateMoved(dealId, before.expectedCloseDate, after.expectedCloseDate, changedOn, nowIso);
    db.prepare('UPDATE deals SET close_date_changes = close_date_changes + 1 WHERE id = ?').run(
      dealId,
    );
  }
}

export function createDeal(db: Db, clock: Clock, input: z.output<typeof dealInput>): Deal {
  return db.transaction(() => {
    assertActiveRep(db, input.repId);
    assertExternalIdFree(db, input.externalId);
    const now = clock.now().toISOString();
    const accountId = ensureAccount(db, input.accountName, now);
    const info = db
      .prepare(
        `INSERT INTO deals (external_id, rep_id, account_id, name, stage, amount_cents, currency,
           created_date, expected_close_date, last_activity_date, next_step, source,
           stage_entered_date, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.externalId,
        input.repId,
        accountId,
        input.name,
        input.stage,
        toCents(input.amount),
        input.currency,
        input.createdDate,
        input.expectedCloseDate,
        input.lastActivityDate,
        input.nextStep,
        input.source,
        input.createdDate,
        now,
        now,
      );
    const id = Number(info.lastInsertRowid);
    recordChanges(db, id, null, input, input.createdDate, now);
    refreshDealFacts(db, id, input.repId); // open, no stakeholders yet: the rep's baseline and tracking stand
    return getDeal(db, id);
  }).immediate();
}

export function updateDeal(db: Db, clock: Clock, input: z.output<typeof dealUpdate>): Deal {
  return db.transaction(() => {
    const before = getDeal(db, input.id);
    if (before.repId !== input.repId) assertActiveRep(db, input.repId);
    if (before.outcome !== 'open' && before.stage !== input.stage) {
      throw new InvalidError('This deal is closed; reopen it before moving its stage.', 'stage');
    }
    if (before.outcome === 'open' && isClosingStage(input.stage)) {
      throw new InvalidError('Stage cannot be Closed Won or Closed Lost: close the deal instead.', 'stage');
    }
    // Only a change is refused: CRM migrations leave some closed deals created after they closed.
    if (before.closedDate && input.createdDate !== before.createdDate && input.createdDate > before.closedDate) {
      throw new InvalidError('The created date cannot be after the day the deal closed.', 'createdDate');
    }
    assertExternalIdFree(db, input.externalId, input.id);
    const now = clock.now().toISOString();
    const accountId = ensureAccount(db, input.accountName, now);
    db.prepare(
      `UPDATE deals SET external_id = ?, rep_id = ?, account_id = ?, name = ?, stage = ?,
         amount_cents = ?, currency = ?, created_date = ?, expected_close_date = ?,
         last_activity_date = ?, next_step = ?, source = ?, updated_at = ?
       WHERE id = ?`,
    ).run(
      input.externalId,
      input.repId,
      accountId,
      input.name,
      input.stage,
      toCents(input.amount),
      input.currency,
      input.createdDate,
      input.expectedCloseDate,
      input.lastActivityDate,
      input.nextStep,
      input.source,
      now,
      input.id,
    );
    recordChanges(db, input.id, before, input, clock.today(), now);
    // An open deal that stays with its rep and keeps its created date: only its own row changes.
    if (before.outcome === 'open' && before.repId === input.repId && before.createdDate === input.createdDate) refreshDealFacts(db, input.id, input.repId);
    else refreshFacts(db, [before.repId, input.repId]);
    return getDeal(db, input.id);
  }).immediate();
}

export function closeDeal(db: Db, clock: Clock, input: z.output<typeof dealClose>): Deal {
  return db.transaction(() => {
    const before = getDeal(db, input.id);
    if (before.outcome !== 'open') {
      throw new InvalidError(`This deal is already ${before.outcome}.`, 'outcome');
    }
    if (input.closedDate > clock.today()) {
      throw new InvalidError('The closed date cannot be in the future.', 'closedDate');
    }
    if (input.closedDate < before.createdDate) {
      throw new InvalidError('The closed date cannot be before the date the deal was created.', 'closedDate');
    }
    const stage = input.outcome === 'won' ? WON_STAGE : LOST_STAGE;
    return setOutcome(db, clock, before, input.outcome, input.closedDate, stage, input.closedDate);
  }).immediate();
}

/** Moves a deal to an outcome and stage, recording the stage move on `changedOn`. */
function setOutcome(db: Db, clock: Clock, before: Deal, outcome: Deal['outcome'], closedDate: string | null, stage: string, changedOn: string): Deal {
  const now = clock.now().toISOString();
  db.prepare('UPDATE deals SET outcome = ?, closed_date = ?, stage = ?, updated_at = ? WHERE id = ?').run(outcome, closedDate, stage, now, before.id);
  recordChanges(db, before.id, before, { stage, expectedCloseDate: before.expectedCloseDate }, changedOn, now);
  // Closing moves the rep's baseline (cycle, won deal size): every open deal of the rep again.
  refreshFacts(db, [before.repId]);
  return getDeal(db, before.id);
}

export function reopenDeal(db: Db, clock: Clock, id: number, stage: string): Deal {
  return db.transaction(() => {
    const before = getDeal(db, id);
    if (before.outcome === 'open') throw new InvalidError('This deal is already open.', 'outcome');
    return setOutcome(db, clock, before, 'open', null, stage, clock.today());
  }).immediate();
}
