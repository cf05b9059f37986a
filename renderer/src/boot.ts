/**
 * What the window asks for first, imported before anything else so the requests leave while
 * the browser still evaluates react-dom and the rest of the app's code: the app's first calls (the store's
 * state, settings), the code of the screen the window opens on, and the first data of the two
 * screens a day starts on, the Dashboard (the default) and the Pipeline (lib/prefetch.ts).
 * `opening` settles when that screen's code is in.
 */
import { useApp } from './app/appStore';
import { useRouter } from './app/router';
import { preloadScreen } from './app/screens';
import { openingInput } from './features/pipeline/pageInput';
import { prefetch } from './lib/prefetch';
import { asOfArg, useAsOf } from './lib/useAsOf';

void useApp.getState().start();
const route = useRouter.getState().route;
export const opening = preloadScreen(route.name);
const asOf = asOfArg(useAsOf.getState().asOf);
if (route.name === 'dashboard') {
  prefetch('metrics.team', asOf);
  prefetch('pipeline.attention', asOf);
} else if (route.name === 'pipeline') {
  const firstPage = openingInput(route.query ?? '', asOf.asOf);
  if (firstPage) prefetch('pipeline.page', firstPage);
}

// Money and dates are formatted with the browser's ICU data, whose first use costs tens of
// milliseconds: paid now, while the answers are on their way, not when the first rows render.
setTimeout(() => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(1), 0);
