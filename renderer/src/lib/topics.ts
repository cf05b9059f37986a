import { create } from 'zustand';
import { TOPICS, type Topic, type Writes } from '../../../shared/apiTopics';

const zero = Object.fromEntries(TOPICS.map((t) => [t, 0])) as Record<Topic, number>;

/**
 * A counter per topic, bumped when a write changes it (`api/client` does it after every write,
 * from the one table in shared/apiTopics). Loads depend on the counters of the topics they read.
 */
export const useTopics = create<{ versions: Record<Topic, number> }>(() => ({ versions: zero }));

export function invalidate(changed: Writes): void {
  const topics = changed === 'everything' ? TOPICS : changed;
  if (topics.length === 0) return;
  useTopics.setState((s) => {
    const versions = { ...s.versions };
    for (const t of topics) versions[t] += 1;
    return { versions };
  });
}

/** One number that changes whenever one of `topics` changes (the counters only grow). */
export const versionOf = (versions: Record<Topic, number>, topics: readonly Topic[]): number => topics.reduce((sum, t) => sum + versions[t], 0);
