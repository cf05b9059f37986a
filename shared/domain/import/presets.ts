import type { ImportField, ImportKind } from './fields';
import { headerKey } from './headers';

/**
 * Known CRM export shapes, recognised from their headers. Salesforce report exports use
 * field labels; Data Loader / Workbench exports use API names; HubSpot has its own labels.
 */
export type PresetId = 'salesforce' | 'salesforce-api' | 'hubspot';

export interface Preset {
  id: PresetId;
  label: string;
  kind: ImportKind;
  columns: Record<string, ImportField>;
  /** Headers that together identify the export. */
  signature: string[];
}

export const normalizeHeader = (h: string): string => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');

export const PRESETS: Preset[] = [
  {
    id: 'salesforce',
    label: 'Salesforce report export',
    kind: 'deals',
    signature: ['opportunity owner', 'opportunity name', 'stage', 'close date'],
    columns: {
      'opportunity id': 'externalId',
      'opportunity owner': 'owner',
      'account name': 'accountName',
      'opportunity name': 'name',
      stage: 'stage',
      amount: 'amount',
      'amount currency': 'currency',
      'opportunity currency': 'currency',
      'close date': 'closeDate',
      'created date': 'createdDate',
      'last activity': 'lastActivityDate',
      'next step': 'nextStep',
      'lead source': 'source',
    },
  },
  {
    id: 'salesforce-api',
    label: 'Salesforce export (API names)',
    kind: 'deals',
    signature: ['name', 'stagename', 'closedate', 'amount'],
    columns: {
      id: 'externalId',
      name: 'name',
      stagename: 'stage',
      closedate: 'closeDate',
      amount: 'amount',
      accountid: 'accountName',
      'account.name': 'accountName',
      ownerid: 'owner',
      'owner.name': 'owner',
      createddate: 'createdDate',
      currencyisocode: 'currency',
      nextstep: 'nextStep',
      lastactivitydate: 'lastActivityDate',
      leadsource: 'source',
    },
  },
  {
    id: 'hubspot',
    label: 'HubSpot deals export',
    kind: 'deals',
    signature: ['record id', 'deal name', 'deal stage', 'deal owner'],
    columns: {
      'record id': 'externalId',
      'deal name': 'name',
      'deal stage': 'stage',
      'close date': 'closeDate',
      'deal owner': 'owner',
      amount: 'amount',
      'create date': 'createdDate',
      'associated company': 'accountName',
      'associated company (primary)': 'accountName',
      'company name': 'accountName',
      currency: 'currency',
      'deal currency code': 'currency',
      'last activity date': 'lastActivityDate',
      'next step': 'nextStep',
      'original source type': 'source',
    },
  },
];

/** The preset whose signature the headers match best (at least 3 of 4 headers), or null. */
export function detectPreset(headers: string[]): Preset | null {
  const have = new Set(headers.map(headerKey));
  let best: Preset | null = null;
  let bestShare = 0;
  for (const p of PRESETS) {
    const share = p.signature.filter((h) => have.has(headerKey(h))).length / p.signature.length;
    if (share >= 0.75 && share > bestShare) {
      best = p;
      bestShare = share;
    }
  }
  return best;
}

/** A preset's columns by header key, for headerCandidates(). */
export const presetColumns = (p: Preset): Record<string, ImportField> =>
  Object.fromEntries(Object.entries(p.columns).map(([h, f]) => [headerKey(h), f]));

/** A file's header set, to recognise a saved mapping when the same export comes again. */
export const headerSignature = (headers: string[]): string => headers.map(normalizeHeader).join('|');
