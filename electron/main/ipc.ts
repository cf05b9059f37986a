import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { API_CHANNEL, STAGE_CHANNEL } from '../../shared/bridge';
import { fail, ok } from '../../shared/result';
import { toFailure } from '../core/api/dispatch';
import type { Store } from '../core/store';
import { stageFile } from '../core/files/staging';

type Trust = (sender: WebContents, frameUrl: string) => boolean;

const fromOurWindow = (event: IpcMainInvokeEvent, isTrusted: Trust) => {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isTrusted(event.sender, frame.url);
};
const refused = () => fail('invalid', 'Request refused: it did not come from the workbench window.');

/**
 * Wires the typed API to IPC. Only our own window's top frame, showing our own page, may
 * call it; input stays `unknown` until dispatch() parses it with the call's schema.
 */
export function registerApi(store: Store, isTrusted: Trust): void {
  ipcMain.handle(API_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, input: unknown) =>
    fromOurWindow(event, isTrusted) ? store.dispatch(name, input) : refused(),
  );
  // A picked or dropped file's bytes, kept in memory for the import and restore calls.
  ipcMain.handle(STAGE_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, bytes: unknown) => {
    if (!fromOurWindow(event, isTrusted)) return refused();
    if (typeof name !== 'string' || !(bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes))) {
      return fail('invalid', 'The file could not be read.', 'file');
    }
    try {
      const buf = bytes instanceof ArrayBuffer ? Buffer.from(bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return ok(stageFile(name, buf));
    } catch (err) {
      return toFailure(err);
    }
  });
}
