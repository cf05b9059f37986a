import { randomUUID } from 'node:crypto';
import type { StagedInfo } from '../../../shared/bridge';
import { InvalidError } from '../errors';

/**
 * Files the manager hands over (a CRM export to import, a JSON copy to restore) are staged
 * in memory first: the renderer uploads the bytes once, then every preview, mapping change
 * and the final import refer to them by id. A file never touches disk before it is accepted.
 */
export interface StagedFile {
  id: string;
  name: string;
  bytes: Buffer;
  stagedAt: number;
  /** The bytes were let go once parsed (a 250,000-row export is tens of MB). */
  released?: boolean;
}


/** Large enough for a 250,000-row CRM export with wide columns. */
export const MAX_STAGED_BYTES = 512 * 1024 * 1024;
const KEEP = 4;
const staged = new Map<string, StagedFile>();

export function stageFile(name: string, bytes: Buffer): StagedInfo {
  const clean = name.replace(/[\\/]/g, '_').trim().slice(0, 200) || 'file';
  if (bytes.length === 0) throw new InvalidError(`“${clean}” is empty.`, 'file');
  if (bytes.length > MAX_STAGED_BYTES) throw new InvalidError(`“${clean}” is larger than 512 MB.`, 'file');
  const file: StagedFile = { id: randomUUID(), name: clean, bytes, stagedAt: Date.now() };
  staged.set(file.id, file);
  // Keep only the last few: each can be hundreds of MB.
  while (staged.size > KEEP) staged.delete(staged.keys().next().value!);
  return { fileId: file.id, name: file.name, size: bytes.length };
}

export function stagedFile(id: string): StagedFile {
  const file = staged.get(id);
  if (!file) throw new InvalidError('The file is no longer loaded. Choose it again.', 'file');
  return file;
}

export function dropStaged(id: string): void {
  staged.delete(id);
}

/** Lets a staged file's bytes go once they have been read into something else; its name stays. */
export function releaseBytes(id: string): void {
  const file = staged.get(id);
  if (file) Object.assign(file, { bytes: Buffer.alloc(0), released: true });
}
