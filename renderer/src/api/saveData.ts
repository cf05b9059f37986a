import type { DataExportKind } from '../../../shared/schemas/backups';
import { ApiFailure } from './client';
import { downloadBlob } from './download';

/**
 * Saves reps / deals as CSV or everything as JSON: the native save dialog in the desktop app
 * (the main process writes the file), a download in the web preview. Null when cancelled.
 */
export async function saveData(what: DataExportKind): Promise<string | null> {
  if (window.workbench) {
    const r = await window.workbench.save({ data: what });
    if (!r.ok) throw new ApiFailure(r.error);
    return r.value ? r.value.path : null;
  }
  const res = await fetch('/export/data', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ what }) });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message: string } } | null;
    throw new Error(body?.error?.message ?? `The export could not be made (HTTP ${res.status}).`);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? `workbench-export.${what === 'json' ? 'json' : 'csv'}`;
  return downloadBlob(await res.blob(), name);
}
