/**
 * Deal owners as CRM exports write them: a name ("Grace Okafor"), an e-mail, or a user id
 * (Salesforce "005Ec000004oBPNIA2", Bitrix "17", a UUID). Ids and e-mails are never turned
 * into reps named after them without the manager's say.
 */
export type OwnerKind = 'name' | 'email' | 'id';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export function ownerKind(value: string): OwnerKind {
  const v = value.trim();
  if (EMAIL.test(v)) return 'email';
  if (/^\d+$/.test(v) || UUID.test(v)) return 'id';
  // One token mixing letters and digits, 8+ long: Salesforce (15/18), HubSpot, hex ids.
  if (/^[A-Za-z0-9_-]{8,}$/.test(v) && /\d/.test(v) && /[A-Za-z]/.test(v)) return 'id';
  return 'name';
}

/** "jane.doe@acme.com" → "Jane Doe": offered as the new rep's name, never used without asking. */
export function nameFromEmail(email: string): string {
  const local = email.trim().split('@')[0] ?? '';
  return local
    .split(/[._-]+/)
    .filter((p) => p && !/^\d+$/.test(p))
    .map((p) => p[0]!.toUpperCase() + p.slice(1).toLowerCase())
    .join(' ');
}
