import { useState } from 'react';
import type { z } from 'zod';
import { describeIssues } from '../../../shared/validation';
import { ApiFailure } from '../api/client';

/**
 * Form state checked with the same zod schema the core uses, so the form and the API
 * agree on every rule; server-side refusals land on the field they name.
 */
export function useZodForm<S extends z.ZodType, V extends Record<string, unknown>>(schema: S, initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof V>(key: K, value: V[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      if (!e[key as string]) return e;
      const { [key as string]: _gone, ...rest } = e;
      return rest;
    });
  };

  /** Validates `payload` (values turned into the API's shape) and runs `save` when valid. */
  const submit = async (payload: unknown, save: (parsed: z.input<S>) => Promise<void>) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      // Keyed by the top field and by the innermost one, so nested inputs find their message.
      for (const p of describeIssues(parsed.error)) {
        const parts = p.field.split('.');
        next[parts[0]!] ??= p.message;
        next[parts[parts.length - 1]!] ??= p.message;
      }
      setErrors(next);
      setFormError('Please correct the highlighted fields.');
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      await save(payload as z.input<S>);
    } catch (err) {
      if (err instanceof ApiFailure && err.error.field) {
        setErrors({ [err.error.field]: err.error.message });
      }
      setFormError(err instanceof Error ? err.message : 'Could not save.');
    } finally {
      setBusy(false);
    }
  };

  return { values, set, errors, formError, busy, submit };
}
