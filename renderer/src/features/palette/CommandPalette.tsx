import { Command } from 'cmdk';
import { Fragment, useEffect, useState } from 'react';
import type { Rep } from '../../../../shared/schemas/rep';
import { MARK_END, MARK_START, type SearchHit } from '../../../../shared/schemas/search';
import { useApp } from '../../app/appStore';
import { MOD } from '../../app/keyboard';
import { useRouter, type Route } from '../../app/router';
import { toastError } from '../../app/toasts';
import { Dialog } from '../../components/Dialog';
import { useFormat } from '../../lib/format';
import { useApiData } from '../../lib/useApiData';
import { ObservationDialog } from '../coachability/ObservationDialog';
import { ExportDialog } from '../export/ExportDialog';
import { NoteDialog } from '../notes/NoteDialog';
import { nextOneOnOne } from '../oneOnOne/nextOneOnOne';
import { GO_ACTIONS, matches, REP_ACTIONS, SCREENS, type RepActionId } from './actions';
import { usePalette, type PalettePage } from './paletteStore';
import { ShortcutsDialog } from './ShortcutsDialog';
import { sectionRoute } from '../../app/sectionRoute';

/** Waits this long after the last key before asking the store (typing "platform" asks once). */
const SEARCH_DELAY_MS = 120;

/** The command palette (Ctrl/Cmd+K, `/`, N), the dialog it asked for, and the shortcut list (`?`). */
export function CommandPalette() {
  const open = usePalette((s) => s.open);
  const page = usePalette((s) => s.page);
  const pending = usePalette((s) => s.pending);
  const help = usePalette((s) => s.help);
  const close = () => usePalette.setState({ pending: null });
  return (
    <>
      {open && <PaletteDialog page={page} />}
      {pending?.action === 'note' && <NoteDialog repId={pending.rep.id} repName={pending.rep.name} onClose={close} />}
      {pending?.action === 'observe' && <ObservationDialog repId={pending.rep.id} repName={pending.rep.name} onClose={close} />}
      {pending?.action === 'export' && <ExportDialog kind="repReview" repId={pending.rep.id} repName={pending.rep.name} onClose={close} />}
      {help && <ShortcutsDialog onClose={() => usePalette.setState({ help: false })} />}
    </>
  );
}

function routeOf({ target }: SearchHit): Route {
  switch (target.screen) {
    case 'rep':
      return { name: 'rep', id: target.id };
    case 'deal':
      return { name: 'deal', id: target.id };
    case 'oneOnOne':
      return { name: 'oneOnOne', id: target.id };
    default:
      return { name: 'commitments' };
  }
}

function PaletteDialog({ page }: { page: PalettePage }) {
  const info = useApp((s) => s.info);
  const go = useRouter((s) => s.go);
  const fmt = useFormat();
  const [text, setText] = useState('');
  const close = usePalette((s) => s.close);

  // Search the store as the manager types (root page only), once typing pauses; the latest answer wins.
  const wanted = page.name === 'root' && text.trim().length >= 2 ? text : '';
  const [query, setQuery] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQuery(wanted), wanted ? SEARCH_DELAY_MS : 0);
    return () => clearTimeout(t);
  }, [wanted]);
  const found = useApiData('search.query', query ? { text: query, perKind: 5 } : null, { keep: true });
  const results = wanted && query ? found.data : null;
  const reps = useApiData('reps.list', page.name === 'pickRep' ? { includeArchived: false } : null).data;

  const toPage = (next: PalettePage) => {
    usePalette.setState({ page: next });
    setText('');
  };
  const openRoute = (route: Route) => {
    close();
    go(route);
  };
  const runForRep = async (action: RepActionId, rep: Rep) => {
    close();
    if (action !== 'prepare') return usePalette.setState({ pending: { action, rep } });
    try {
      const id = await nextOneOnOne(rep.id, rep.oneOnOneCadenceDays, info?.today ?? '');
      go({ name: 'oneOnOne', id });
    } catch (err) {
      toastError(err);
    }
  };

  const action = page.name === 'pickRep' ? REP_ACTIONS.find((a) => a.id === page.action) : undefined;
  const repActions = REP_ACTIONS.filter((a) => (page.name !== 'new' || a.creates) && matches(text, a.label));
  const goActions = page.name === 'root' ? GO_ACTIONS.filter((a) => matches(text, a.label, a.keywords)) : [];
  const screens = page.name === 'root' ? SCREENS.filter((s) => matches(text, s.label)) : [];
  const pickable = (reps ?? []).filter((r) => matches(text, r.name, r.territory ?? ''));
  const placeholder =
    page.name === 'pickRep' ? `${action?.verb ?? ''} which rep? Type a name` : page.name === 'new' ? 'New… (type to narrow)' : 'Search reps, deals, accounts, notes, or type a command';

  return (
    <Dialog title={page.name === 'pickRep' ? (action?.label ?? 'Pick a rep') : 'Find or do anything'} onClose={close} bare className="palette">
      <Command label="Find or do anything" shouldFilter={false} loop>
        <div className="palette-input">
          {page.name !== 'root' && (
            <span className="palette-crumb" aria-hidden="true">
              {page.name === 'new' ? 'New' : action?.verb}
            </span>
          )}
          <Command.Input
            data-autofocus
            value={text}
            onValueChange={setText}
            placeholder={placeholder}
            aria-label={placeholder}
            onKeyDown={(e) => {
              // Backspace in an empty field steps back to everything.
              if (e.key === 'Backspace' && !text && page.name !== 'root') {
                e.preventDefault();
                toPage({ name: 'root' });
              }
            }}
          />
        </div>
        <Command.List className="palette-list">
          <Command.Empty>
            {page.name === 'pickRep' && reps?.length === 0
              ? 'No active reps yet: add your team on the Team screen first.'
              : text.trim().length < 2 && page.name === 'root'
                ? 'Type at least two letters.'
                : `Nothing matches “${text}”.`}
          </Command.Empty>
          {page.name === 'pickRep' && action && (
            <Command.Group heading="Reps">
              {pickable.map((r) => (
                <Command.Item key={r.id} value={`rep:${r.id}`} onSelect={() => void runForRep(action.id, r)}>
                  <span className="palette-title">{r.name}</span>
                  {r.territory && <span className="palette-context">{r.territory}</span>}
                </Command.Item>
              ))}
            </Command.Group>
          )}
          {/* Actions first: they show only when every word typed starts one, and Enter must not depend on how fast the search answers. */}
          {page.name !== 'pickRep' && repActions.length + goActions.length > 0 && (
            <Command.Group heading="Actions">
              {repActions.map((a) => (
                <Command.Item key={a.id} value={`action:${a.id}`} onSelect={() => toPage({ name: 'pickRep', action: a.id })}>
                  <span className="palette-title">{a.label}</span>
                </Command.Item>
              ))}
              {goActions.map((a) => (
                <Command.Item key={a.id} value={`action:${a.id}`} onSelect={() => openRoute(sectionRoute(a.section))}>
                  <span className="palette-title">{a.label}</span>
                </Command.Item>
              ))}
            </Command.Group>
          )}
          {results?.groups.map((g) => (
            <Command.Group key={g.kind} heading={g.label}>
              {g.hits.map((h) => (
                <Command.Item key={`${h.kind}:${h.id}`} value={`${h.kind}:${h.id}`} onSelect={() => openRoute(routeOf(h))}>
                  <span className="palette-title">
                    <Marked text={h.title || h.context} />
                  </span>
                  <span className="palette-context">{[h.title ? h.context : '', h.date ? fmt.date(h.date) : ''].filter(Boolean).join(' · ')}</span>
                  {h.snippet && (
                    <span className="palette-snippet">
                      <Marked text={h.snippet} />
                    </span>
                  )}
                </Command.Item>
              ))}
            </Command.Group>
          ))}
          {screens.length > 0 && (
            <Command.Group heading="Screens">
              {screens.map((s) => (
                <Command.Item key={s.id} value={`screen:${s.id}`} onSelect={() => openRoute(sectionRoute(s.section))}>
                  <span className="palette-title">{s.label}</span>
                  <kbd className="palette-key">
                    {MOD}+{s.key}
                  </kbd>
                </Command.Item>
              ))}
            </Command.Group>
          )}
        </Command.List>
        <p className="palette-foot subtle small" aria-hidden="true">
          ↑↓ to move · Enter to open · {page.name === 'root' ? 'Esc to close' : 'Backspace to go back'} · ? for every shortcut
        </p>
      </Command>
    </Dialog>
  );
}

/** The store's match markers drawn as <mark>, never as HTML. */
function Marked({ text }: { text: string }) {
  const parts = text.split(MARK_START);
  return (
    <>
      {parts.map((part, i) => {
        const [hit, rest] = i === 0 ? ['', part] : (part.split(MARK_END) as [string, string?]);
        return (
          <Fragment key={i}>
            {hit && <mark>{hit}</mark>}
            {rest ?? ''}
          </Fragment>
        );
      })}
    </>
  );
}
