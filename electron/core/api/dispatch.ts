import { ZodError } from 'zod';
import { api, isCallName, type CallName } from '../../../shared/api';
import { fail, ok, type Result } from '../../../shared/result';
import { describeIssues } from '../../../shared/validation';
import type { Ctx } from '../context';
import { sqliteTrouble, troubleMessage } from '../db/sqliteErrors';
import { ConflictError, InvalidError, NotFoundError } from '../errors';
import { ANSWERS_LATER, handlers } from './handlers';

/**
 * The single entry for every transport: parse the untrusted input with the call's schema,
 * run the handler, and return a Result. Nothing thrown leaves this function. Calls that wait
 * for SQLite's backup go through dispatchAsync (IPC and HTTP use it for every call).
 */
export function dispatch(ctx: Ctx, name: unknown, input: unknown): Result<unknown> {
  const run = start(ctx, name, input);
  if (!run.ok) return run.result;
  if (ANSWERS_LATER.has(run.name)) return fail('internal', `“${run.name}” answers later: call it through dispatchAsync.`);
  try {
    return ok(run.handler(ctx, run.parsed));
  } catch (err) {
    return toFailure(err, run.name);
  }
}

/** The same, for transports that can wait (IPC, HTTP): backups and restores answer later. */
export async function dispatchAsync(ctx: Ctx, name: unknown, input: unknown): Promise<Result<unknown>> {
  const run = start(ctx, name, input);
  if (!run.ok) return run.result;
  try {
    return ok(await run.handler(ctx, run.parsed));
  } catch (err) {
    return toFailure(err, run.name);
  }
}

type Started = { ok: true; name: CallName; parsed: unknown; handler: (c: Ctx, i: unknown) => unknown } | { ok: false; result: Result<never> };

/** Checks the call's name and input and finds its handler; a refusal is a Result, never a throw. */
function start(ctx: Ctx, name: unknown, input: unknown): Started {
  if (!isCallName(name)) return { ok: false, result: fail('not_found', `Unknown request “${String(name)}”.`) };
  // An import holds the one connection's transaction across event-loop turns: nothing else
  // may read half of it or write into it.
  if (ctx.db.inTransaction && name !== 'import.progress') {
    return { ok: false, result: fail('conflict', 'An import is being written. Try again when it has finished.') };
  }
  try {
    return { ok: true, name, parsed: api[name].input.parse(input ?? {}), handler: handlers[name] as (c: Ctx, i: unknown) => unknown };
  } catch (err) {
    return { ok: false, result: toFailure(err, name) };
  }
}

export function toFailure(err: unknown, name?: CallName): Result<never> {
  if (err instanceof ZodError) {
    const [first, ...rest] = describeIssues(err);
    if (!first) return fail('invalid', 'The input was not valid.');
    const more = rest.length
      ? `${first.message.replace(/\.$/, '')} (and ${rest.length} more problem${rest.length > 1 ? 's' : ''}).`
      : first.message;
    return fail('invalid', more, first.field);
  }
  if (err instanceof InvalidError) return fail('invalid', capitalise(err.message), err.field);
  if (err instanceof NotFoundError) return fail('not_found', err.message);
  if (err instanceof ConflictError) return fail('conflict', err.message, err.field);
  // The file, not the request: a lock, a full disk, a read-only file. Name the cause.
  const trouble = troubleMessage(sqliteTrouble(err));
  if (trouble) {
    console.error(`[api] ${name ?? 'request'} failed: ${(err as Error).message}`);
    return fail('conflict', trouble);
  }
  // Unexpected: keep details in the log, give the manager a sentence.
  console.error(`[api] ${name ?? 'request'} failed:`, err);
  return fail('internal', 'Something went wrong. Any change in progress was not saved.');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
