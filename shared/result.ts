/** Results cross every boundary (IPC, HTTP, CLI) as data, never as thrown errors. */
/** `unavailable`: the store is not open (being recovered, or locked): the screen reloads its state. */
export type ErrorCode = 'invalid' | 'not_found' | 'conflict' | 'internal' | 'unavailable';

export interface ApiError {
  code: ErrorCode;
  /** A sentence a manager understands. */
  message: string;
  /** The form field the message is about, when there is one. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, field?: string): Result<never> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});
