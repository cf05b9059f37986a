import { useEffect, useRef } from 'react';

/** A single-key shortcut of the screen on show, with what it does in words (the `?` list shows it). */
export interface ScreenShortcut {
  key: string;
  label: string;
  run: () => void;
}

/**
 * The shortcuts the screens on show have registered, newest last. One keyboard listener
 * (app/keyboard.ts) reads them, so a key typed into a field or under an open dialog never
 * reaches a screen, and the shortcut list can never disagree with what the keys do.
 */
const registered: ScreenShortcut[] = [];

export const screenShortcuts = (): readonly ScreenShortcut[] => registered;

/** The screen's own action for this key, if it has one (the latest registration wins). */
export const screenShortcut = (key: string): ScreenShortcut | undefined => registered.findLast((s) => s.key === key);

/** Registers a single-key shortcut while the component is on screen. */
export function useShortcut(key: string, run: () => void, label: string): void {
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const entry: ScreenShortcut = { key, label, run: () => runRef.current() };
    registered.push(entry);
    return () => {
      const i = registered.indexOf(entry);
      if (i >= 0) registered.splice(i, 1);
    };
  }, [key, label]);
}
