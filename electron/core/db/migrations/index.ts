import { sql as core } from './001_core';
import { sql as coaching } from './002_coaching';
import { sql as coveringIndexes } from './003_covering_indexes';
import { sql as oneOnOneCadence } from './004_one_on_one_cadence';
import { sql as coachabilityCautions } from './005_coachability_cautions';
import { sql as advisorLadder } from './006_advisor_ladder';
import { sql as valuePropVersions } from './007_value_prop_versions';
import { sql as imports } from './008_imports';
import { sql as development } from './009_development';
import { sql as dealReviews } from './010_deal_reviews';
import { sql as realCrmImports } from './011_real_crm_imports';
import { sql as search } from './012_search';
import { sql as meetingBudget } from './013_meeting_budget';
import { sql as searchBacklog } from './014_search_backlog';
import { sql as repRollups } from './015_rep_rollups';
import { sql as pipelineFacts } from './016_pipeline_facts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Rebuilds a table that others reference: foreign keys must be off while it runs (or
   * dropping the old table would cascade), and are checked before the transaction commits.
   */
  rebuildsTables?: boolean;
}

/** Ordered, append-only. Never edit a landed migration: add the next one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'core', sql: core },
  { version: 2, name: 'coaching', sql: coaching },
  { version: 3, name: 'covering indexes', sql: coveringIndexes },
  { version: 4, name: 'one-on-one cadence', sql: oneOnOneCadence },
  { version: 5, name: 'coachability cautions', sql: coachabilityCautions },
  { version: 6, name: 'trusted-advisor ladder', sql: advisorLadder },
  { version: 7, name: 'value-prop versions', sql: valuePropVersions },
  { version: 8, name: 'imports', sql: imports },
  { version: 9, name: 'team development', sql: development },
  { version: 10, name: 'deal reviews', sql: dealReviews },
  { version: 11, name: 'real CRM imports', sql: realCrmImports, rebuildsTables: true },
  { version: 12, name: 'search', sql: search },
  { version: 13, name: 'meeting budget', sql: meetingBudget },
  { version: 14, name: 'search backlog', sql: searchBacklog },
  { version: 15, name: 'rep rollups', sql: repRollups },
  { version: 16, name: 'pipeline facts', sql: pipelineFacts },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
