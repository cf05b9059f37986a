import { backupIfDue } from '../db/backup';
import type { Ctx } from '../context';

/** The safety copy taken before an import writes anything. */
export async function backupBeforeImport(ctx: Ctx): Promise<string | null> {
  return backupIfDue(ctx.db, ctx.dbPath, ctx.clock);
}
