import type { SectionName } from '../../../shared/sections';
import { usePipelineQuery } from '../features/pipeline/pipelineQuery';
import type { Route } from './routes';

/** Where a section link leads: the Pipeline comes back to the session's last filters and sort. */
export function sectionRoute(name: SectionName, pipelineQuery = usePipelineQuery.getState().last): Route {
  return name === 'pipeline' && pipelineQuery ? { name: 'pipeline', query: pipelineQuery } : { name };
}
