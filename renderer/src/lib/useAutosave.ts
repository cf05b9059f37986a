import { useEffect, useRef } from 'react';

/**
 * Saves `value` a moment after typing stops, on blur (call the returned flush), and when the
 * field goes away (leaving the screen by keyboard must not lose a note).
 */
export function useAutosave(value: string, saved: string, save: (v: string) => Promise<unknown>, delayMs = 800): () => void {
  const latest = useRef({ value, saved, save });
  latest.current = { value, saved, save };
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const { value: v, saved: s, save: fn } = latest.current;
    if (v !== s) void fn(v);
  };
  useEffect(() => {
    if (value === saved) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, delayMs);
  }, [value, saved, delayMs]);
  useEffect(() => {
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, []);
  return flush;
}
