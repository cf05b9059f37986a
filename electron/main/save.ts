import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SAVE_CHANNEL } from '../../shared/bridge';
import { fail, ok } from '../../shared/result';

const saveRequest = z.object({
  filename: z.string().min(1).max(200).regex(/^[\w.-]+$/, { error: 'must be a plain file name' }),
  format: z.enum(['md', 'pdf']),
  content: z.string().max(20_000_000),
});

/**
 * Saves an export where the manager chooses: the native save dialog, then Markdown written
 * as is, or the HTML printed to PDF by Chromium in a hidden window with scripts disabled.
 */
export function registerSave(documentsDir: string, isTrusted: (sender: WebContents, frameUrl: string) => boolean): void {
  ipcMain.handle(SAVE_CHANNEL, async (event: IpcMainInvokeEvent, input: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrusted(event.sender, frame.url)) {
      return fail('invalid', 'Request refused: it did not come from the workbench window.');
    }
    const parsed = saveRequest.safeParse(input);
    if (!parsed.success) return fail('invalid', 'The file to save was not valid.');
    const { filename, format, content } = parsed.data;
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options = {
      defaultPath: path.join(documentsDir, `${filename}.${format}`),
      filters: [format === 'pdf' ? { name: 'PDF', extensions: ['pdf'] } : { name: 'Markdown', extensions: ['md'] }],
    };
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return ok(null);
    try {
      if (format === 'md') fs.writeFileSync(choice.filePath, content, 'utf8');
      else fs.writeFileSync(choice.filePath, await printToPdf(content));
      return ok({ path: choice.filePath });
    } catch (err) {
      return fail('internal', `Could not save the file: ${(err as Error).message}`);
    }
  });
}

async function printToPdf(html: string): Promise<Buffer> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
  } finally {
    win.destroy();
  }
}
