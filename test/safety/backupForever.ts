/** Takes pre-import backups of a database one after another until it is killed (a kill mid-backup). */
import { systemClock } from '../../electron/core/clock';
import { openDatabase } from '../../electron/core/db/open';
import { backupBeforeImport } from '../../electron/core/import/backup';

const dbPath = process.argv[2]!;
const db = openDatabase(dbPath);
const ctx = { db, clock: systemClock, dbPath, shell: 'web' as const };
process.stdout.write('backing up\n');
void (async () => {
  for (;;) await backupBeforeImport(ctx);
})();
