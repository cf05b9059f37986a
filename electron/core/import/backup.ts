import { backupNow } from '../db/backup';
import type { Ctx } from '../context';
import { getSettings } from '../repos/settings';

/** The safety copy taken before an import writes anything. */
export async function backupBeforeImport(ctx: Ctx): Promise<string | null> {
  if (ctx.dbPath === ':memory:') return null;
  return backupNow(ctx.db, ctx.dbPath, ctx.clock, 'before-import', getSettings(ctx.db).backupKeep, ctx.nativeBinding);
}
