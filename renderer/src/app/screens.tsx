/**
 * The screens, and the command palette with its dialogs, each in its own chunk, loaded when first
 * needed. At start Chromium then evaluates only the shell and the screen it opens on: the single
 * 1-2.5 MB bundle (charts, forms, every screen) took about half a second to evaluate before
 * anything appeared. The screen the window opens on is asked for at once (preloadScreen, before
 * the first API call returns), and the rest in idle time after it is up (preloadScreens), so
 * moving between screens or opening the palette never waits.
 */
import { use, type ComponentType } from 'react';
import type { Route } from './router';

const LOAD = {
  dashboard: () => import('../features/dashboard/DashboardScreen'),
  pipeline: () => import('../features/pipeline/PipelineScreen'),
  weekly: () => import('../features/weekly/WeeklyScreen'),
  oneOnOnes: () => import('../features/oneOnOneWeek/OneOnOnesScreen'),
  commitments: () => import('../features/commitments/CommitmentsScreen'),
  coachability: () => import('../features/coachability/CoachabilityScreen'),
  oneOnOne: () => import('../features/oneOnOne/OneOnOneScreen'),
  team: () => import('../features/team/TeamScreen'),
  rep: () => import('../features/rep/RepScreen'),
  deal: () => import('../features/deal/DealScreen'),
  dealReview: () => import('../features/dealReview/DealReviewScreen'),
  import: () => import('../features/import/ImportScreen'),
  development: () => import('../features/development/DevelopmentScreen'),
  data: () => import('../features/data/DataScreen'),
  settings: () => import('../features/settings/SettingsScreen'),
  // Closed until asked for (Ctrl+K, /, N, ?): with its dialogs' forms it brought zod and cmdk into the start.
  palette: () => import('../features/palette/CommandPalette'),
} satisfies Record<Part, () => Promise<unknown>>;

/** A piece of the UI loaded on its own: each screen by its route's name, and the palette. */
type Part = Route['name'] | 'palette';

type Modules = { [N in keyof typeof LOAD]: Awaited<ReturnType<(typeof LOAD)[N]>> };
/** A screen's module as React's use() reads it: once loaded, synchronously (see screen()). */
type Loading<T> = Promise<T> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown };
const loading = new Map<Part, Loading<unknown>>();

function load<N extends Part>(name: N): Loading<Modules[N]> {
  let p = loading.get(name) as Loading<Modules[N]> | undefined;
  if (!p) {
    const started: Loading<Modules[N]> = LOAD[name]() as Promise<Modules[N]>;
    p = started;
    p.status = 'pending';
    p.then(
      (value) => Object.assign(started, { status: 'fulfilled', value }),
      // Kept, not forgotten: use() then throws it to the ErrorBoundary. Forgotten, every render
      // would ask again and wait again, an endless "Opening…" and hundreds of requests a second
      // when the code cannot be reached. The boundary's "Try again" asks anew (retryFailedParts).
      (reason: unknown) => void Object.assign(started, { status: 'rejected', reason }),
    );
    loading.set(name, p);
  }
  return p;
}

/**
 * A screen that renders at once when its code is already loaded (use() reads a settled promise
 * synchronously), and suspends only when it is not. React.lazy suspends on its first render even
 * for a module already in memory, and React holds a shown fallback for 300 ms: the Pipeline's
 * first row came a third of a second later than its data.
 */
function screen<N extends Part, P extends object>(name: N, pick: (m: Modules[N]) => ComponentType<P>): ComponentType<P> {
  const Screen = (props: P) => {
    const Loaded = pick(use(load(name) as Promise<Modules[N]>));
    return <Loaded {...props} />;
  };
  Screen.displayName = `Screen(${name})`;
  return Screen;
}

export const DashboardScreen = screen('dashboard', (m) => m.DashboardScreen);
export const PipelineScreen = screen('pipeline', (m) => m.PipelineScreen);
export const WeeklyScreen = screen('weekly', (m) => m.WeeklyScreen);
export const OneOnOnesScreen = screen('oneOnOnes', (m) => m.OneOnOnesScreen);
export const CommitmentsScreen = screen('commitments', (m) => m.CommitmentsScreen);
export const CoachabilityScreen = screen('coachability', (m) => m.CoachabilityScreen);
export const OneOnOneScreen = screen('oneOnOne', (m) => m.OneOnOneScreen);
export const TeamScreen = screen('team', (m) => m.TeamScreen);
export const RepScreen = screen('rep', (m) => m.RepScreen);
export const DealScreen = screen('deal', (m) => m.DealScreen);
export const DealReviewScreen = screen('dealReview', (m) => m.DealReviewScreen);
export const ImportScreen = screen('import', (m) => m.ImportScreen);
export const DevelopmentScreen = screen('development', (m) => m.DevelopmentScreen);
export const DataScreen = screen('data', (m) => m.DataScreen);
export const SettingsScreen = screen('settings', (m) => m.SettingsScreen);
export const CommandPalette = screen('palette', (m) => m.CommandPalette);

/** Starts loading a part's code (asked once: later calls get the same promise); settles when it is in, or failed. */
export function preloadScreen(name: Part): Promise<void> {
  return load(name).then(
    () => undefined,
    () => undefined, // a failed load shows on the screen itself (ErrorBoundary)
  );
}

/**
 * Loads every other screen a little after start, once the browser is idle: not at once, where
 * parsing them would compete with the first screen's own call and rows.
 */
export function preloadScreens(): void {
  const all = () => (Object.keys(LOAD) as Part[]).forEach(preloadScreen);
  setTimeout(() => ('requestIdleCallback' in window ? window.requestIdleCallback(all, { timeout: 3000 }) : all()), 1500);
}

/** Forgets the parts whose code failed to load, so the next render asks for it again ("Try again"). */
export function retryFailedParts(): void {
  for (const [name, p] of loading) if (p.status === 'rejected') loading.delete(name);
}
