import { create } from 'zustand';
import { hrefFor, parseRoute, type Route } from './routes';

export { hrefFor, parseRoute, type Route } from './routes';

interface RouterState {
  route: Route;
  go: (route: Route) => void;
}

export const useRouter = create<RouterState>(() => ({
  route: parseRoute(window.location.hash),
  go: (route) => {
    window.location.hash = hrefFor(route);
  },
}));

window.addEventListener('hashchange', () => {
  useRouter.setState({ route: parseRoute(window.location.hash) });
});
