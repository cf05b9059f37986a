import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { API_CHANNEL } from '../../shared/bridge';
import { fail } from '../../shared/result';
import { dispatch } from '../core/api/dispatch';
import type { Ctx } from '../core/context';

/**
 * Wires the typed API to IPC. Only our own window's top frame, showing our own page, may
 * call it; input stays `unknown` until dispatch() parses it with the call's schema.
 */
export function registerApi(ctx: Ctx, isTrusted: (sender: WebContents, frameUrl: string) => boolean): void {
  ipcMain.handle(API_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrusted(event.sender, frame.url)) {
      return fail('invalid', 'Request refused: it did not come from the workbench window.');
    }
    return dispatch(ctx, name, input);
  });
}
