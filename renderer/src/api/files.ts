import type { StagedInfo } from '../../../shared/bridge';
import type { Result } from '../../../shared/result';
import { ApiFailure } from './client';

/**
 * Hands a picked or dropped file to the core, which keeps it under an id for the import and
 * restore calls: over IPC in the desktop app, as one upload in the web preview.
 * `onProgress` reports the share sent (0..1) for large CRM exports.
 */
export async function stageFile(file: File, onProgress?: (share: number) => void): Promise<StagedInfo> {
  let result: Result<StagedInfo>;
  if (window.workbench) {
    onProgress?.(0);
    result = await window.workbench.stage(file.name, await file.arrayBuffer());
    onProgress?.(1);
  } else {
    result = await upload(file, onProgress);
  }
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}

// XMLHttpRequest rather than fetch: only it reports upload progress.
function upload(file: File, onProgress?: (share: number) => void): Promise<Result<StagedInfo>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/upload');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as Result<StagedInfo>);
      } catch {
        resolve({ ok: false, error: { code: 'internal', message: `The file could not be sent (HTTP ${xhr.status}).` } });
      }
    };
    xhr.onerror = () => resolve({ ok: false, error: { code: 'internal', message: 'The workbench could not be reached. Is it still running?' } });
    xhr.send(file);
  });
}
