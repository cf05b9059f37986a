import { Suspense, useEffect } from 'react';
import { Toasts } from '../components/Toasts';
import { RecoveryScreen } from '../features/data/RecoveryScreen';
import {
  CoachabilityScreen, CommandPalette, CommitmentsScreen, DashboardScreen, DataScreen, DealReviewScreen, DealScreen, DevelopmentScreen, ImportScreen, OneOnOneScreen,
  OneOnOnesScreen, PipelineScreen, preloadScreens, RepScreen, retryFailedParts, SettingsScreen, TeamScreen, WeeklyScreen,
} from './screens';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { useApp } from './appStore';
import { StoreBanner } from './StoreBanner';
import { AsOfBanner } from './AsOfBanner';
import { usePipelineQuery } from '../features/pipeline/pipelineQuery';
import { hrefFor, useRouter, type Route } from './router';
import { SECTIONS } from '../../../shared/sections';
import { usePalette } from '../features/palette/paletteStore';
import { MOD, useKeyboard } from './keyboard';
import { sectionRoute } from './sectionRoute';
import { usePresenting } from './presenting';

const NAV = SECTIONS.map((s) => ({ route: { name: s.name }, label: s.label, key: s.key }));

/** The screens whose numbers follow the session's "as of" date: they show its banner. */
const AS_OF_SCREENS: ReadonlySet<Route['name']> = new Set(['dashboard', 'pipeline', 'oneOnOnes', 'weekly', 'commitments', 'coachability', 'team', 'rep', 'deal']);

/** Which sidebar entry a route belongs to (rep and deal pages sit under Team). */
const sectionOf = (r: Route): Route['name'] => (r.name === 'rep' || r.name === 'deal' || r.name === 'dealReview' ? 'team' : r.name === 'oneOnOne' ? 'oneOnOnes' : r.name);

export function App() {
  const info = useApp((s) => s.info);
  const settings = useApp((s) => s.settings);
  const error = useApp((s) => s.error);
  const problem = useApp((s) => s.problem);
  const route = useRouter((s) => s.route);
  const presenting = usePresenting((s) => s.on);
  const lastPipeline = usePipelineQuery((s) => s.last);
  // Once the first screen can show, the others' code loads while the browser is idle.
  useEffect(() => {
    if (info) preloadScreens();
  }, [info]);

  useKeyboard();

  // Move focus to the new screen's heading so keyboard and screen-reader users follow along.
  useEffect(() => {
    let frames = 0;
    let handle = 0;
    const tryFocus = () => {
      const h1 = document.querySelector<HTMLElement>('main h1');
      if (h1) h1.focus();
      else if (frames++ < 120) handle = requestAnimationFrame(tryFocus); // up to ~2 s of loading
    };
    handle = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(handle);
  }, [route]);

  // An encrypted workbench locks itself after the idle time: ask now and then, so the screen
  // (private notes included) is replaced by the unlock screen even when nobody touches it.
  useEffect(() => {
    const t = setInterval(() => void useApp.getState().checkLocked(), 30_000);
    return () => clearInterval(t);
  }, []);

  const section = sectionOf(route);
  if (problem) return <RecoveryScreen problem={problem} />;
  // Presenting a one-on-one: the meeting alone fills the window (no sidebar, no search). The
  // screen keeps its place in the tree, so switching does not remount the meeting.
  const sharing = presenting && route.name === 'oneOnOne';
  return (
    <div className={sharing ? 'shell presenting-shell' : 'shell'}>
      {!sharing && (
        <a className="skip-link" href="#main">
          Skip to content
        </a>
      )}
      {!sharing && (
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          <span>
            Workbench
            {settings && <small>{settings.managerName}</small>}
          </span>
        </div>
        <button type="button" className="palette-open" onClick={() => usePalette.getState().show()} aria-keyshortcuts="Control+K Meta+K /">
          <span>Search…</span>
          <kbd>{MOD}+K</kbd>
        </button>
        <nav aria-label="Sections">
          <ul>
            {NAV.map((n) => (
              <li key={n.label}>
                <a href={hrefFor(sectionRoute(n.route.name, lastPipeline))} aria-current={section === n.route.name ? 'page' : undefined} aria-keyshortcuts={`Control+${n.key}`} title={`${MOD}+${n.key}, or G then ${n.key}`}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <footer className="sidebar-foot">
          {info && (
            <p title={info.dbPath}>
              {info.shell === 'web' ? 'Web preview' : 'Desktop'} · offline
              <br />
              <span className="path">{info.dbPath}</span>
            </p>
          )}
        </footer>
      </aside>
      )}
      <main id="main" className="main">
        <StoreBanner />
        {AS_OF_SCREENS.has(route.name) && !sharing && <AsOfBanner />}
        <ErrorBoundary key={JSON.stringify(route)} label="This screen" onReset={retryFailedParts}>
        <Suspense fallback={<p className="loading">Opening…</p>}>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : !info ? (
          <p className="loading">Opening your workbench…</p>
        ) : route.name === 'rep' ? (
          <RepScreen id={route.id} />
        ) : route.name === 'deal' ? (
          <DealScreen id={route.id} />
        ) : route.name === 'dealReview' ? (
          <DealReviewScreen key={route.id} id={route.id} list={route.list} />
        ) : route.name === 'settings' ? (
          <SettingsScreen />
        ) : route.name === 'import' ? (
          <ImportScreen />
        ) : route.name === 'development' ? (
          <DevelopmentScreen />
        ) : route.name === 'data' ? (
          <DataScreen />
        ) : route.name === 'team' ? (
          <TeamScreen />
        ) : route.name === 'pipeline' ? (
          <PipelineScreen query={route.query ?? ''} />
        ) : route.name === 'weekly' ? (
          <WeeklyScreen />
        ) : route.name === 'oneOnOnes' ? (
          <OneOnOnesScreen />
        ) : route.name === 'commitments' ? (
          <CommitmentsScreen />
        ) : route.name === 'coachability' ? (
          <CoachabilityScreen />
        ) : route.name === 'oneOnOne' ? (
          <OneOnOneScreen id={route.id} />
        ) : (
          <DashboardScreen />
        )}
        </Suspense>
        </ErrorBoundary>
      </main>
      {info && !sharing && <PaletteWhenAsked />}
      <Toasts />
    </div>
  );
}

/** The command palette and the dialogs it opens, mounted (and their code loaded) only once asked for. */
function PaletteWhenAsked() {
  const asked = usePalette((s) => s.open || s.pending !== null || s.help);
  if (!asked) return null;
  return (
    <ErrorBoundary label="Search and commands" onReset={retryFailedParts}>
      <Suspense fallback={null}>
        <CommandPalette />
      </Suspense>
    </ErrorBoundary>
  );
}
