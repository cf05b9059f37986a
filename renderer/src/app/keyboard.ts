import { useEffect } from 'react';
import { SECTIONS } from '../../../shared/sections';
import { usePalette } from '../features/palette/paletteStore';
import { screenShortcut } from '../lib/useShortcut';
import { useRouter } from './router';
import { sectionRoute } from './sectionRoute';
import { usePresenting } from './presenting';

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/** How long after G the section key may follow. */
const SEQUENCE_MS = 1500;

/** Ctrl or ⌘, as this computer names it. */
export const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/**
 * The one keyboard listener of the workbench:
 * - Ctrl/Cmd+K (or +P) opens the command palette from anywhere, even while typing;
 * - Ctrl/Cmd+1…9, Ctrl/Cmd+. and Ctrl/Cmd+, go to a section (the desktop app's Go menu has the same keys);
 * - G then 1…9, . or , does the same where the browser keeps Ctrl+1…9 for its tabs (web preview);
 * - a screen's own single keys (useShortcut), then the keys that work everywhere:
 *   / search, ? the shortcut list, N "new…" on screens with nothing of their own to add.
 * Single keys never fire while typing in a field or with a dialog open.
 */
export function useKeyboard(): void {
  useEffect(() => {
    let gAt = 0;
    const goSection = (key: string) => {
      const s = SECTIONS.find((x) => x.key === key);
      if (s) useRouter.getState().go(sectionRoute(s.name));
      return !!s;
    };
    const onKey = (e: KeyboardEvent) => {
      // A shared screen: no key opens search, another section or another screen's action.
      if (usePresenting.getState().on) return;
      const palette = usePalette.getState();
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key === 'k' || e.key === 'p')) {
        e.preventDefault();
        if (palette.open) palette.close();
        else if (!document.querySelector('dialog[open]')) palette.show();
        return;
      }
      if ((e.ctrlKey || e.metaKey) && !e.altKey) {
        if (!document.querySelector('dialog[open]') && goSection(e.key)) e.preventDefault();
        return;
      }
      if (e.altKey || typing(e.target) || document.querySelector('dialog[open]')) return;
      if (Date.now() - gAt < SEQUENCE_MS) {
        gAt = 0;
        if (goSection(e.key)) {
          e.preventDefault();
          return;
        }
      }
      if (e.key === 'g') {
        gAt = Date.now();
        return;
      }
      const own = screenShortcut(e.key);
      if (own) {
        e.preventDefault();
        own.run();
      } else if (e.key === '/') {
        e.preventDefault();
        palette.show();
      } else if (e.key === '?') {
        e.preventDefault();
        usePalette.setState({ help: true });
      } else if (e.key === 'n') {
        e.preventDefault();
        palette.show({ name: 'new' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
