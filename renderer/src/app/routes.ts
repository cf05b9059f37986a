/** Hash routes, so a reload (or the Electron file:// page) keeps the screen. */
export type Route =
  | { name: 'dashboard' }
  | { name: 'pipeline'; query?: string }
  | { name: 'weekly' }
  | { name: 'oneOnOnes' }
  | { name: 'commitments' }
  | { name: 'coachability' }
  | { name: 'oneOnOne'; id: number }
  | { name: 'team' }
  | { name: 'rep'; id: number }
  | { name: 'deal'; id: number }
  | { name: 'dealReview'; id: number; list?: string }
  | { name: 'import' }
  | { name: 'development' }
  | { name: 'data' }
  | { name: 'settings' };

/**
 * Hash routes; the Pipeline keeps its filters and sort in the query (`#/pipeline?rep=…&sort=amount`)
 * and a deal review opened from it carries that query, so "Next deal" follows the same list.
 */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/');
  const id = Number(parts[1]);
  if (parts[0] === 'reps' && Number.isInteger(id) && id > 0) return { name: 'rep', id };
  if (parts[0] === 'deals' && Number.isInteger(id) && id > 0) return parts[2] === 'review' ? { name: 'dealReview', id, ...(query ? { list: query } : {}) } : { name: 'deal', id };
  if (parts[0] === 'one-on-ones' && Number.isInteger(id) && id > 0) return { name: 'oneOnOne', id };
  if (parts[0] === 'one-on-ones' && parts.length === 1) return { name: 'oneOnOnes' };
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'import') return { name: 'import' };
  if (parts[0] === 'development') return { name: 'development' };
  if (parts[0] === 'data') return { name: 'data' };
  if (parts[0] === 'team') return { name: 'team' };
  if (parts[0] === 'pipeline') return query ? { name: 'pipeline', query } : { name: 'pipeline' };
  if (parts[0] === 'weekly') return { name: 'weekly' };
  if (parts[0] === 'commitments') return { name: 'commitments' };
  if (parts[0] === 'coachability') return { name: 'coachability' };
  return { name: 'dashboard' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'rep':
      return `#/reps/${route.id}`;
    case 'deal':
      return `#/deals/${route.id}`;
    case 'dealReview':
      return `#/deals/${route.id}/review${route.list ? `?${route.list}` : ''}`;
    case 'settings':
      return '#/settings';
    case 'import':
      return '#/import';
    case 'development':
      return '#/development';
    case 'data':
      return '#/data';
    case 'team':
      return '#/team';
    case 'pipeline':
      return `#/pipeline${route.query ? `?${route.query}` : ''}`;
    case 'weekly':
      return '#/weekly';
    case 'oneOnOnes':
      return '#/one-on-ones';
    case 'commitments':
      return '#/commitments';
    case 'coachability':
      return '#/coachability';
    case 'oneOnOne':
      return `#/one-on-ones/${route.id}`;
    default:
      return '#/dashboard';
  }
}
