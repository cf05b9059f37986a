/** What an import can fill in, per kind of file. Labels are the words the mapping screen shows. */
export const IMPORT_KINDS = ['deals', 'reps', 'accounts'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const DEAL_FIELDS = [
  'externalId', 'name', 'accountName', 'owner', 'stage', 'amount', 'currency',
  'closeDate', 'createdDate', 'lastActivityDate', 'nextStep', 'source', 'product', 'isWon', 'isClosed',
] as const;
export const REP_FIELDS = ['name', 'email', 'role', 'territory', 'hireDate', 'quota'] as const;
export const ACCOUNT_FIELDS = ['name', 'industry', 'segment'] as const;

export type DealField = (typeof DEAL_FIELDS)[number];
export type RepField = (typeof REP_FIELDS)[number];
export type AccountField = (typeof ACCOUNT_FIELDS)[number];
export type ImportField = DealField | RepField | AccountField;

export interface FieldDef {
  key: ImportField;
  label: string;
  required: boolean;
  hint: string;
}

const f = (key: ImportField, label: string, required: boolean, hint: string): FieldDef => ({ key, label, required, hint });

export const FIELD_DEFS: Record<ImportKind, FieldDef[]> = {
  deals: [
    f('externalId', 'CRM id', false, 'Re-importing updates deals with the same id instead of adding them again'),
    f('name', 'Deal name', false, 'Without it, names are built from the account and product, or the CRM id'),
    f('accountName', 'Account', false, 'Company the deal is with; empty means no account yet'),
    f('owner', 'Owner (rep)', true, 'A rep’s name, e-mail or CRM user id; rows without one go to the rep you choose'),
    f('stage', 'Stage', true, 'Won and lost stages close the deal'),
    f('amount', 'Amount', false, 'Empty means 0; symbols and thousands separators are fine'),
    f('currency', 'Currency', false, '3-letter code; otherwise read from the amount or the file’s currency'),
    f('closeDate', 'Close date', false, 'Expected close for open deals; for won and lost, the day they closed'),
    f('createdDate', 'Created date', false, 'Without it, deals count as created today'),
    f('lastActivityDate', 'Last activity', false, ''),
    f('nextStep', 'Next step', false, ''),
    f('source', 'Lead source', false, ''),
    f('product', 'Product', false, 'Names deals when the file has no deal name'),
    f('isWon', 'Won? (yes/no)', false, 'Decides won or lost for closed rows, whatever the stage says'),
    f('isClosed', 'Closed? (yes/no)', false, 'Decides open or closed, whatever the stage says'),
  ],
  reps: [
    f('name', 'Name', true, 'Matched to existing reps by name'),
    f('email', 'Email', false, ''),
    f('role', 'Role', false, 'Account Executive, SDR, Pre-sales…; empty means field sales'),
    f('territory', 'Territory', false, ''),
    f('hireDate', 'Hire date', false, ''),
    f('quota', 'Quota', false, 'For one quota period'),
  ],
  accounts: [
    f('name', 'Account name', true, 'Matched to existing accounts by name'),
    f('industry', 'Industry', false, ''),
    f('segment', 'Segment', false, ''),
  ],
};

export const fieldLabel = (kind: ImportKind, key: ImportField): string =>
  FIELD_DEFS[kind].find((d) => d.key === key)?.label ?? key;

export const DATE_FIELDS: readonly ImportField[] = ['closeDate', 'createdDate', 'lastActivityDate', 'hireDate'];
