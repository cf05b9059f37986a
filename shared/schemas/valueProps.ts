import { z } from 'zod';
import { VP_RESULTS, VP_TESTS, type VpResult, type VpTest } from '../domain/valueProps';
import type { Flag } from '../domain/flags';
import { id, isoDate, optionalText } from './common';

const resultField = z.object({
  result: z.enum(VP_RESULTS, { error: 'must be pass, partial, fail or not assessed' }),
  evidence: optionalText(1000),
});

export const assessInput = z.object({
  dealId: id,
  assessedOn: isoDate.optional(),
  statement: z.string({ error: 'is required' }).trim().min(1, { error: 'is required: write down the value proposition as the rep says it' }).max(2000, { error: 'must be at most 2000 characters' }),
  results: z.object(Object.fromEntries(VP_TESTS.map((t) => [t, resultField])) as Record<VpTest, typeof resultField>),
  /** Optional versions tailored to each stakeholder of the deal. */
  versions: z
    .array(z.object({ stakeholderId: id, text: z.string().trim().max(1000, { error: 'must be at most 1000 characters' }) }))
    .max(50)
    .default([]),
});

export interface VpCheck {
  id: number;
  assessedOn: string;
  statement: string;
  results: Record<VpTest, { result: VpResult; evidence: string | null }>;
  score: number;
  versions: { stakeholderId: number; name: string; text: string }[];
}

export interface DealValueProps {
  dealId: number;
  /** Newest first: re-assessing keeps the earlier assessments. */
  checks: VpCheck[];
  /** Whether this deal is one the policy says must have a passing value proposition. */
  required: boolean;
}

export interface TeamValueProps {
  /** Latest checks of open deals, per test: how many do not pass. */
  byTest: { test: VpTest; failing: number; partial: number; notAssessed: number; checked: number }[];
  byRep: { repId: number; name: string; checked: number; failingByTest: Record<VpTest, number>; weakest: VpTest | null }[];
}

/** A deal with at least one value-proposition check by the as-of day, its latest check first. */
export interface AssessedDeal {
  dealId: number;
  deal: string;
  rep: string;
  score: number;
  assessedOn: string;
  tests: VpCheck['results'];
  history: { assessedOn: string; score: number }[];
  /** The policy says this deal must have a passing value proposition (the value_prop_gap rule). */
  required: boolean;
  /** Its integrity flags that day, when it is open. */
  flags: Flag[];
}
