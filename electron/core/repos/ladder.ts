import type { z } from 'zod';
import { ADVISOR_SIGNS, ladderHint, type AdvisorSign, type LadderLevel } from '../../../shared/domain/advisorLadder';
import type { AccountLadder, ladderInput } from '../../../shared/schemas/accounts';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { NotFoundError } from '../errors';

const parseSigns = (json: string | null): Record<AdvisorSign, boolean> => {
  let raw: Record<string, unknown> = {};
  try {
    raw = json ? (JSON.parse(json) as Record<string, unknown>) : {};
  } catch {
    raw = {};
  }
  return Object.fromEntries(ADVISOR_SIGNS.map((s) => [s, raw[s] === true])) as Record<AdvisorSign, boolean>;
};

export function accountLadder(db: Db, accountId: number): AccountLadder {
  const a = db.prepare('SELECT id, name, advisor_level AS level, advisor_signs AS signs FROM accounts WHERE id = ?').get(accountId) as
    | { id: number; name: string; level: LadderLevel | null; signs: string | null }
    | undefined;
  if (!a) throw new NotFoundError('Account', accountId);
  const signs = parseSigns(a.signs);
  const history = (
    db.prepare('SELECT level, signs, note, changed_on AS changedOn FROM account_advisor_history WHERE account_id = ? ORDER BY changed_on DESC, id DESC').all(accountId) as {
      level: LadderLevel; signs: string; note: string | null; changedOn: string;
    }[]
  ).map((h) => ({ ...h, signs: parseSigns(h.signs) }));
  return { accountId: a.id, name: a.name, level: a.level, signs, hint: ladderHint(a.level, signs), history };
}

/** Sets the level and the signs seen; every change is kept in the history. One transaction. */
export function setLadder(db: Db, clock: Clock, i: z.output<typeof ladderInput>): AccountLadder {
  return db.transaction(() => {
    accountLadder(db, i.accountId);
    const signs = JSON.stringify(i.signs);
    const now = clock.now().toISOString();
    db.prepare('UPDATE accounts SET advisor_level = ?, advisor_signs = ?, updated_at = ? WHERE id = ?').run(i.level, signs, now, i.accountId);
    db.prepare('INSERT INTO account_advisor_history (account_id, level, signs, note, changed_on, recorded_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      i.accountId, i.level, signs, i.note, clock.today(), now,
    );
    return accountLadder(db, i.accountId);
  }).immediate();
}
