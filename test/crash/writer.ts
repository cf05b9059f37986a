/**
 * The crash test's victim: writes to the store through the real core, forever, until it is
 * killed. Each kind of write is one function; every import names its file after its number,
 * so the test can tell afterwards whether each one exists whole or not at all.
 *   node --import tsx test/crash/writer.ts DB_FILE START_NUMBER
 */
import { dispatch } from '../../electron/core/api/dispatch';
import { systemClock } from '../../electron/core/clock';
import type { Ctx } from '../../electron/core/context';
import { openDatabase } from '../../electron/core/db/open';
import { stageFile } from '../../electron/core/files/staging';
import { startImport } from '../../electron/core/import/jobs';
import { importStartInput } from '../../shared/schemas/imports';

const [dbPath, startArg] = process.argv.slice(2) as [string, string];
const ctx: Ctx = { db: openDatabase(dbPath), clock: systemClock, dbPath, shell: 'web' };

/** A CSV of `rows` deals whose CRM ids all start with `I<n>-`. */
function csv(n: number, rows: number): Buffer {
  const lines = ['Id,Deal,Account,Owner,Stage,Amount,Close date,Created'];
  for (let i = 0; i < rows; i++) lines.push(`I${n}-${i},Deal ${n}/${i},"Account ${i % 40}, Inc.",Rep ${i % 6},${i % 5 ? 'Proposal' : 'Closed Won'},${1000 + i},2026-0${(i % 9) + 1}-15,2026-01-0${(i % 9) + 1}`);
  return Buffer.from(lines.join('\n'));
}

async function runImport(n: number): Promise<void> {
  const fileId = stageFile(`import-${n}.csv`, csv(n, 1500 + (n % 7) * 300)).fileId;
  const { done } = startImport(ctx, importStartInput.parse({ fileId, dateOrder: 'mdy' }));
  const p = await done;
  if (p.phase !== 'done') throw new Error(p.error ?? 'import failed');
}

function edit(n: number): void {
  const deals = ctx.db.prepare('SELECT id FROM deals ORDER BY random() LIMIT 3').pluck().all() as number[];
  for (const id of deals) {
    const d = dispatch(ctx, 'deals.get', { id });
    if (!d.ok) continue;
    const deal = (d.value as { deal: Record<string, unknown> }).deal;
    if (deal.outcome !== 'open') continue;
    dispatch(ctx, 'deals.update', { ...deal, nextStep: `Edit ${n}`, expectedCloseDate: `2027-0${(n % 9) + 1}-10` });
  }
  dispatch(ctx, 'settings.update', { managerName: `Manager ${n}` });
}

async function main(): Promise<void> {
  for (let n = Number(startArg); ; n++) {
    if (n % 3 === 0) edit(n);
    else await runImport(n);
    process.stdout.write(`${n}\n`);
  }
}

void main();
