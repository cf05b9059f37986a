import { refreshFacts, repOfDeal } from './pipelineFacts';
import type { z } from 'zod';
import { mapWarnings, playbook } from '../../../shared/domain/gatekeeper';
import { isBigDeal } from '../../../shared/domain/flags';
import type { Stakeholder, StakeholderMap, stakeholderInput, stakeholderUpdate } from '../../../shared/schemas/stakeholders';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { NotFoundError } from '../errors';
import { getDeal } from './deals';
import { getSettings } from './settings';

const SELECT = `SELECT id, deal_id AS dealId, name, title, role, stance, last_contact_date AS lastContactDate, nudges_sent AS nudgesSent,
  dm_name_known AS dmNameKnown, will_recommend AS willRecommend, dm_meeting_date AS dmMeetingDate FROM stakeholders`;

const toStakeholder = (r: Omit<Stakeholder, 'dmNameKnown'> & { dmNameKnown: number }): Stakeholder => ({ ...r, dmNameKnown: r.dmNameKnown === 1 });

export function stakeholderMap(db: Db, dealId: number, asOf: string): StakeholderMap {
  const deal = getDeal(db, dealId);
  const list = (db.prepare(`${SELECT} WHERE deal_id = ? ORDER BY CASE role WHEN 'decision_maker' THEN 0 WHEN 'champion' THEN 1 ELSE 2 END, name`).all(dealId) as Parameters<typeof toStakeholder>[0][]).map(toStakeholder);
  const big = isBigDeal(deal.amount, getSettings(db).valueProps);
  return { dealId, stakeholders: list.map((s) => ({ ...s, playbook: playbook(s, asOf) })), warnings: mapWarnings(list, big) };
}

export function addStakeholder(db: Db, clock: Clock, i: z.output<typeof stakeholderInput>): number {
  return db.transaction(() => {
    getDeal(db, i.dealId);
    const now = clock.now().toISOString();
    const id = Number(
      db
        .prepare(
          `INSERT INTO stakeholders (deal_id, name, title, role, stance, last_contact_date, nudges_sent, dm_name_known, will_recommend, dm_meeting_date, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(i.dealId, i.name, i.title, i.role, i.stance, i.lastContactDate, i.nudgesSent, i.dmNameKnown ? 1 : 0, i.willRecommend, i.dmMeetingDate, now, now).lastInsertRowid,
    );
    // The rep's tracking of stakeholders may start here: all the rep's deals again.
    refreshFacts(db, repOfDeal(db, i.dealId));
    return id;
  }).immediate();
}

export function updateStakeholder(db: Db, clock: Clock, i: z.output<typeof stakeholderUpdate>): number {
  return db.transaction(() => {
    const row = db.prepare('SELECT deal_id AS d FROM stakeholders WHERE id = ?').get(i.id) as { d: number } | undefined;
    if (!row) throw new NotFoundError('Stakeholder', i.id);
    db.prepare(
      `UPDATE stakeholders SET name = ?, title = ?, role = ?, stance = ?, last_contact_date = ?, nudges_sent = ?, dm_name_known = ?,
         will_recommend = ?, dm_meeting_date = ?, updated_at = ? WHERE id = ?`,
    ).run(i.name, i.title, i.role, i.stance, i.lastContactDate, i.nudgesSent, i.dmNameKnown ? 1 : 0, i.willRecommend, i.dmMeetingDate, clock.now().toISOString(), i.id);
    refreshFacts(db, repOfDeal(db, row.d));
    return row.d;
  }).immediate();
}

/** Returns the removed row so the screen can offer Undo (re-adding it). */
export function removeStakeholder(db: Db, id: number): Stakeholder {
  return db.transaction(() => {
    const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as Parameters<typeof toStakeholder>[0] | undefined;
    if (!row) throw new NotFoundError('Stakeholder', id);
    db.prepare('DELETE FROM stakeholders WHERE id = ?').run(id);
    const removed = toStakeholder(row);
    refreshFacts(db, repOfDeal(db, removed.dealId));
    return removed;
  }).immediate();
}
