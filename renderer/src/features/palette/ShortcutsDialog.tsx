import { SECTIONS } from '../../../../shared/sections';
import { MOD } from '../../app/keyboard';
import { Dialog } from '../../components/Dialog';
import { screenShortcuts } from '../../lib/useShortcut';

const Keys = ({ keys }: { keys: string[] }) => (
  <>
    {keys.map((k, i) => (
      <span key={k}>
        {i > 0 && <span className="subtle"> then </span>}
        <kbd>{k}</kbd>
      </span>
    ))}
  </>
);

/** Every shortcut that works right now: everywhere, then the ones of the screen on show. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const everywhere: { keys: string[]; label: string }[] = [
    { keys: [`${MOD}+K`], label: 'Find or do anything (also ' + MOD + '+P)' },
    { keys: ['/'], label: 'Search reps, deals, accounts, notes and commitments' },
    { keys: ['N'], label: 'New… (on screens with nothing of their own to add)' },
    { keys: ['?'], label: 'This list' },
    ...SECTIONS.map((s) => ({ keys: [`${MOD}+${s.key}`], label: `Go to ${s.label}` })),
    { keys: ['G', '1…9'], label: 'Go to a section (the same digits; works in the web preview, where the browser keeps Ctrl+1…9 for its tabs)' },
    { keys: ['Esc'], label: 'Close a dialog or the palette' },
  ];
  // The screen's own keys, once each (the latest registration is the one that answers).
  const own = [...new Map(screenShortcuts().map((s) => [s.key, s])).values()];
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} wide>
      <div className="dialog-body shortcuts">
        <section aria-labelledby="keys-here">
          <h3 id="keys-here">On this screen</h3>
          {own.length ? (
            <dl>
              {own.map((s) => (
                <div key={s.key}>
                  <dt>
                    <Keys keys={[s.key.toUpperCase()]} />
                  </dt>
                  <dd>{s.label}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="subtle">This screen has no keys of its own; the ones below work everywhere.</p>
          )}
        </section>
        <section aria-labelledby="keys-all">
          <h3 id="keys-all">Everywhere</h3>
          <dl>
            {everywhere.map((s) => (
              <div key={s.label}>
                <dt>
                  <Keys keys={s.keys} />
                </dt>
                <dd>{s.label}</dd>
              </div>
            ))}
          </dl>
          <p className="subtle small">Single keys do nothing while you type in a field or while a dialog is open.</p>
        </section>
      </div>
    </Dialog>
  );
}
