import type { ExportDoc, ExportRequest } from '../../../shared/schemas/exports';
import { ApiFailure, call } from './client';
import { downloadBlob } from './download';

/**
 * Saves a review document where the manager chooses: the native save dialog in the desktop
 * app; a download in the web preview (where the PDF is printed by the preview's Chromium).
 * Returns a short description of where it went, or null when the manager cancelled.
 */
export async function saveExport(request: ExportRequest, format: 'md' | 'pdf'): Promise<string | null> {
  if (window.workbench) {
    const r = await window.workbench.save({ request, format });
    if (!r.ok) throw new ApiFailure(r.error);
    return r.value ? r.value.path : null;
  }
  const doc: ExportDoc = await call('export.document', request);
  let blob: Blob;
  if (format === 'md') {
    blob = new Blob([doc.markdown], { type: 'text/markdown;charset=utf-8' });
  } else {
    const res = await fetch('/export/pdf', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message: string } } | null;
      throw new Error(body?.error?.message ?? `The PDF could not be made (HTTP ${res.status}).`);
    }
    blob = await res.blob();
  }
  return downloadBlob(blob, `${doc.filename}.${format}`);
}
