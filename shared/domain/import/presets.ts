import type { ImportField, ImportKind } from './fields';

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

/** Everyday header words for a file that matches no preset. */
const GENERIC: Record<ImportKind, Record<string, ImportField>> = {
  deals: {
    'crm id': 'externalId', 'external id': 'externalId', id: 'externalId', 'deal id': 'externalId',
    deal: 'name', 'deal name': 'name', opportunity: 'name', 'opportunity name': 'name', name: 'name',
    account: 'accountName', 'account name': 'accountName', company: 'accountName', customer: 'accountName',
    owner: 'owner', rep: 'owner', 'sales rep': 'owner', salesperson: 'owner', 'deal owner': 'owner',
    stage: 'stage', status: 'stage', 'deal stage': 'stage',
    amount: 'amount', value: 'amount', 'deal value': 'amount', 'amount (usd)': 'amount',
    currency: 'currency',
    'close date': 'closeDate', 'expected close': 'closeDate', 'expected close date': 'closeDate', 'closed date': 'closeDate',
    created: 'createdDate', 'created date': 'createdDate', 'create date': 'createdDate', 'created on': 'createdDate',
    'last activity': 'lastActivityDate', 'last activity date': 'lastActivityDate',
    'next step': 'nextStep', source: 'source', 'lead source': 'source',
  },
  reps: {
    name: 'name', rep: 'name', 'full name': 'name', 'rep name': 'name', email: 'email', 'e-mail': 'email',
    role: 'role', title: 'role', territory: 'territory', region: 'territory',
    'hire date': 'hireDate', 'start date': 'hireDate', hired: 'hireDate', quota: 'quota', target: 'quota',
  },
  accounts: {
    name: 'name', account: 'name', 'account name': 'name', company: 'name', industry: 'industry', segment: 'segment',
  },
};

/** The preset whose signature the headers match best (at least 3 of 4 headers), or null. */
export function detectPreset(headers: string[]): Preset | null {
  const have = new Set(headers.map(normalizeHeader));
  let best: Preset | null = null;
  let bestShare = 0;
  for (const p of PRESETS) {
    const share = p.signature.filter((h) => have.has(h)).length / p.signature.length;
    if (share >= 0.75 && share > bestShare) {
      best = p;
      bestShare = share;
    }
  }
  return best;
}

/** Column index → field, from a preset or the everyday words; each field used once. */
export function suggestMapping(headers: string[], kind: ImportKind, preset: Preset | null): (ImportField | null)[] {
  const table = preset && preset.kind === kind ? preset.columns : GENERIC[kind];
  const used = new Set<ImportField>();
  return headers.map((h) => {
    const field = table[normalizeHeader(h)];
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

/** A file's header set, to recognise a saved mapping when the same export comes again. */
export const headerSignature = (headers: string[]): string => headers.map(normalizeHeader).join('|');
