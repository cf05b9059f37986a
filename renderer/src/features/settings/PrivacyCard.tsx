import { call, shell } from '../../api/client';
import { useApp } from '../../app/appStore';
import { toast } from '../../app/toasts';

/**
 * Privacy: spell-checking in the desktop app is off unless the manager turns it on, because on
 * Windows and Linux Chromium downloads its dictionaries from Google the first time it is used.
 */
export function PrivacyCard() {
  const settings = useApp((s) => s.settings);
  if (!settings) return null;
  const set = async (spellcheck: boolean) => {
    try {
      await call('settings.update', { spellcheck });
      toast(`Spell-checking ${spellcheck ? 'on' : 'off'} from the next start of the desktop app.`);
    } catch (err) {
      toast((err as Error).message);
    }
  };
  return (
    <section className="card" aria-labelledby="privacy-h">
      <h2 id="privacy-h">Privacy</h2>
      <label className="checkbox">
        <input type="checkbox" checked={settings.spellcheck} onChange={(e) => void set(e.target.checked)} /> Check spelling while I type (desktop app)
      </label>
      <p className="subtle small">
        Off by default: on Windows and Linux, turning it on makes the app download a dictionary from Google once (macOS uses its own). Nothing else ever
        leaves this computer. Applies from the next start{shell === 'web' ? '; the web preview uses your browser’s own setting' : ''}.
      </p>
    </section>
  );
}
