import { SECTIONS, type SectionName } from '../../../../shared/sections';

/** Actions that need a rep: the palette asks which one, then does it. */
export const REP_ACTIONS = [
  { id: 'prepare', label: 'Prepare a one-on-one with…', verb: 'Prepare a one-on-one with', creates: true },
  { id: 'note', label: 'New coaching note for…', verb: 'New coaching note for', creates: true },
  { id: 'observe', label: 'Record an observation for…', verb: 'Record an observation for', creates: true },
  { id: 'export', label: 'Export a review of…', verb: 'Export a review of', creates: false },
] as const;

export type RepActionId = (typeof REP_ACTIONS)[number]['id'];

/** Actions that go somewhere at once. */
export const GO_ACTIONS: { id: string; label: string; section: SectionName; keywords: string }[] = [
  { id: 'import', label: 'Import a CRM export', section: 'import', keywords: 'csv file salesforce hubspot pipedrive' },
  { id: 'teamReview', label: 'Export a team review', section: 'development', keywords: 'pdf markdown hr' },
  { id: 'backup', label: 'Back up or restore', section: 'data', keywords: 'backups restore export json' },
  { id: 'week', label: 'Prepare the week’s one-on-ones', section: 'oneOnOnes', keywords: 'prep pack calendar ics outlook google agenda' },
];

export const SCREENS = SECTIONS.map((s) => ({ id: s.name, label: `Go to ${s.label}`, key: s.key, section: s.name }));

/** Case and accents folded, so "obs" finds "Observation" and "zoe" finds "Zoë". */
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** True when every word typed starts a word of the label (or its keywords): "exp rev" → "Export a review of…". */
export function matches(text: string, label: string, keywords = ''): boolean {
  const words = fold(`${label} ${keywords}`).split(/[^\p{L}\p{N}]+/u);
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .every((typed) => words.some((w) => w.startsWith(typed)));
}
