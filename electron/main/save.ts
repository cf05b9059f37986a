import { BrowserWindow, dialog, ipcMain, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SAVE_CHANNEL } from '../../shared/bridge';
import { fail, ok } from '../../shared/result';
import { exportRequest } from '../../shared/schemas/exports';
import { toFailure } from '../core/api/dispatch';
import type { Ctx } from '../core/context';
import { exportDocument } from '../core/export/exportDocument';
import { DATA_FILES, exportDataFile, exportFileName } from '../core/data/exportData';
import { withSnapshot } from '../core/data/snapshot';
import { PRIVATE_FILE_MODE } from '../core/db/fileModes';
import type { Store } from '../core/store';
import { dataExportInput, type DataExportKind } from '../../shared/schemas/backups';

const saveInput = z.union([z.object({ request: exportRequest, format: z.enum(['md', 'pdf']) }), z.object({ data: dataExportInput.shape.what })]);

/**
 * Saves an export where the manager chooses. The document is built here from the request
 * (never from HTML the page sends), then written as Markdown or printed to PDF by Chromium in
 * a hidden window with scripts off and every non-inline request blocked. The file appears
 * whole or not at all (written beside it, then renamed).
 */
export function registerSave(store: Store, documentsDir: string, isTrusted: (sender: WebContents, frameUrl: string) => boolean): void {
  ipcMain.handle(SAVE_CHANNEL, async (event: IpcMainInvokeEvent, input: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrusted(event.sender, frame.url)) {
      return fail('invalid', 'Request refused: it did not come from the workbench window.');
    }
    const ctx = store.ctx;
    if (!ctx) return fail('unavailable', 'The database needs to be recovered first.');
    try {
      const parsed = saveInput.parse(input);
      const owner = BrowserWindow.fromWebContents(event.sender);
      if ('data' in parsed) return ok(await saveData(ctx, parsed.data, documentsDir, owner));
      const { request, format } = parsed;
      // A committed snapshot: an import being written meanwhile is not half in the document.
      const doc = withSnapshot(ctx, (db) => exportDocument({ ...ctx, db }, request));
      const options = {
        defaultPath: path.join(documentsDir, `${doc.filename}.${format}`),
        filters: [format === 'pdf' ? { name: 'PDF', extensions: ['pdf'] } : { name: 'Markdown', extensions: ['md'] }],
      };
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return ok(null);
      const target = choice.filePath.toLowerCase().endsWith(`.${format}`) ? choice.filePath : `${choice.filePath}.${format}`;
      const data = format === 'md' ? Buffer.from(doc.markdown, 'utf8') : await printToPdf(doc.html);
      const temp = `${target}.partial`;
      fs.writeFileSync(temp, data, { mode: PRIVATE_FILE_MODE });
      fs.renameSync(temp, target);
      return ok({ path: target });
    } catch (err) {
      return toFailure(err);
    }
  });
}

/** Reps or deals as CSV, or everything as JSON, written by the core straight to the chosen file. */
async function saveData(ctx: Ctx, what: DataExportKind, documentsDir: string, owner: BrowserWindow | null): Promise<{ path: string } | null> {
  const { ext, filter } = DATA_FILES[what];
  const options = {
    defaultPath: path.join(documentsDir, exportFileName(what, ctx.clock.today())),
    filters: [{ name: filter, extensions: [ext] }],
  };
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  const target = choice.filePath.toLowerCase().endsWith(`.${ext}`) ? choice.filePath : `${choice.filePath}.${ext}`;
  exportDataFile(ctx, what, target); // from a committed snapshot, like the web preview's
  return { path: target };
}

async function printToPdf(html: string): Promise<Buffer> {
  const printSession = session.fromPartition('workbench-print'); // in memory, apart from the app's
  printSession.webRequest.onBeforeRequest((details, cb) => cb({ cancel: !details.url.startsWith('data:') }));
  const win = new BrowserWindow({
    show: false,
    webPreferences: { session: printSession, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
  } finally {
    win.destroy();
  }
}
