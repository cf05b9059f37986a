/** Word lists for the demo: fictional people and companies, no real customers. */
import type { Rng } from './random';

export const FIRST_NAMES = [
  'Aisha', 'Ben', 'Carmen', 'Daniel', 'Elena', 'Farid', 'Grace', 'Hiro', 'Isabel', 'Jamal',
  'Kate', 'Luis', 'Maya', 'Nikhil', 'Olivia', 'Priya', 'Quinn', 'Rafael', 'Sofia', 'Tom',
  'Uma', 'Victor', 'Wen', 'Xavier', 'Yara', 'Zoe', 'Marcus', 'Hannah', 'Diego', 'Leah',
  'Omar', 'Chloe', 'Sam', 'Nadia', 'Ethan', 'Rosa', 'Kwame', 'Megan', 'Tariq', 'Lena',
  'Owen', 'Fatima', 'Noah', 'Ingrid', 'Ravi', 'Claire', 'Mateo', 'Amara', 'Jonah', 'Keiko',
] as const;

export const LAST_NAMES = [
  'Okafor', 'Lindqvist', 'Brennan', 'Castillo', 'Nakamura', 'Patel', 'Hughes', 'Moreau',
  'Kowalski', 'Reyes', 'Fischer', 'Adeyemi', 'Sullivan', 'Tanaka', 'Novak', 'Alvarez',
  'Bergstrom', 'Chen', 'Donovan', 'Eriksen', 'Ferreira', 'Gallagher', 'Haddad', 'Ibrahim',
  'Jensen', 'Kaur', 'Larsen', 'Mensah', 'Nguyen', "O'Brien", 'Petrov', 'Quintero', 'Rossi',
  'Schmidt', 'Thompson', 'Underwood', 'Vargas', 'Whitfield', 'Yilmaz', 'Zimmerman', 'Marsh',
  'Delgado', 'Holloway', 'Sato', 'Banerjee',
] as const;

export const MANAGER_NAME = 'Jordan Avery';

/** Distinct "First Last" names; the manager's name is never handed out. */
export function personNames(rng: Rng, n: number): string[] {
  const out: string[] = [];
  const used = new Set<string>([MANAGER_NAME]);
  const firstUsed = new Set<string>();
  const lastUsed = new Set<string>();
  while (out.length < n) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    // Distinct first and last names so the team reads easily (while the lists last).
    if (firstUsed.has(first) && firstUsed.size < FIRST_NAMES.length) continue;
    if (lastUsed.has(last) && lastUsed.size < LAST_NAMES.length) continue;
    const name = `${first} ${last}`;
    if (used.has(name)) continue;
    used.add(name);
    firstUsed.add(first);
    lastUsed.add(last);
    out.push(name);
  }
  return out;
}

export const personName = (rng: Rng): string => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;

export const emailFor = (name: string): string =>
  `${name.toLowerCase().replace(/[^a-z ]/g, '').trim().replace(/\s+/g, '.')}@northpeak.example`;

export interface Industry {
  name: string;
  suffixes: readonly string[];
  /** What our product improves for them: used in deal names and value propositions. */
  metric: string;
  capability: string;
}

export const INDUSTRIES: readonly Industry[] = [
  { name: 'Manufacturing', suffixes: ['Industries', 'Manufacturing', 'Components', 'Fabrication'], metric: 'unplanned downtime', capability: 'predictive maintenance' },
  { name: 'Healthcare', suffixes: ['Health', 'Medical Group', 'Health Partners', 'Clinics'], metric: 'patient no-shows', capability: 'scheduling automation' },
  { name: 'Financial Services', suffixes: ['Financial', 'Capital', 'Credit Union', 'Insurance'], metric: 'loan processing time', capability: 'document automation' },
  { name: 'Retail', suffixes: ['Retail Group', 'Outfitters', 'Markets', 'Stores'], metric: 'stock-outs', capability: 'demand forecasting' },
  { name: 'Logistics', suffixes: ['Logistics', 'Freight', 'Distribution', 'Shipping'], metric: 'late deliveries', capability: 'route planning' },
  { name: 'Software', suffixes: ['Software', 'Labs', 'Analytics', 'Digital'], metric: 'cloud spend', capability: 'usage analytics' },
  { name: 'Energy', suffixes: ['Energy', 'Power', 'Utilities', 'Renewables'], metric: 'field-crew overtime', capability: 'work-order scheduling' },
  { name: 'Education', suffixes: ['College', 'Learning', 'Academy', 'Schools'], metric: 'admin hours per enrolment', capability: 'student-records automation' },
  { name: 'Construction', suffixes: ['Builders', 'Construction', 'Engineering', 'Contractors'], metric: 'rework costs', capability: 'site reporting' },
  { name: 'Hospitality', suffixes: ['Hotels', 'Hospitality', 'Resorts', 'Inns'], metric: 'no-show revenue loss', capability: 'booking analytics' },
  { name: 'Food & Beverage', suffixes: ['Foods', 'Brewing', 'Farms', 'Provisions'], metric: 'spoilage', capability: 'batch tracking' },
];

export const COMPANY_PREFIXES = [
  'Northwind', 'Bluewater', 'Cedar Ridge', 'Harbor Point', 'Ironclad', 'Summit', 'Brightline',
  'Granite Peak', 'Silverlake', 'Redwood', 'Meridian', 'Crescent', 'Pioneer', 'Evergreen',
  'Keystone', 'Lakeshore', 'Oakmont', 'Pinecrest', 'Riverbend', 'Stonebridge', 'Tidewater',
  'Westfield', 'Highland', 'Copperleaf', 'Falcon', 'Beacon', 'Clearwater', 'Foxglove',
  'Goldcrest', 'Hawthorne', 'Juniper', 'Kestrel', 'Larkspur', 'Maple Grove', 'Northstar',
  'Orchard', 'Prairie', 'Quarry', 'Ridgeway', 'Sable', 'Trillium', 'Vantage', 'Willow Creek',
  'Zephyr', 'Anchor', 'Bridgewater', 'Canyon', 'Driftwood', 'Fairhaven', 'Glenview',
  'Ironwood', 'Marigold', 'Newport', 'Oakridge', 'Pembrook', 'Rosewood', 'Sterling',
  'Thornbury', 'Upland', 'Windward', 'Alder', 'Birchwood', 'Coastline', 'Dunmore', 'Elmhurst',
] as const;

export const SEGMENTS = ['Enterprise', 'Mid-Market', 'SMB'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const ADVISOR_LEVELS = [
  'vendor',
  'preferred_vendor',
  'supplier',
  'preferred_supplier',
  'trusted_advisor',
] as const;
export type AdvisorLevel = (typeof ADVISOR_LEVELS)[number];

export const FIELD_TERRITORIES = [
  'Northeast', 'Mid-Atlantic', 'Southeast', 'Great Lakes', 'Midwest', 'Texas & Southwest',
  'Mountain West', 'Pacific Northwest', 'Northern California', 'Southern California',
] as const;
export const INSIDE_TERRITORIES = ['Inside Sales - East', 'Inside Sales - West'] as const;

export const SOURCES = ['Outbound', 'Inbound', 'Partner', 'Referral', 'Event'] as const;
export type Source = (typeof SOURCES)[number];

export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const DEPARTMENTS = ['operations', 'finance', 'the regional teams', 'IT', 'customer service'];

/** A CRM-style opportunity name built from what the account would buy. */
export function dealName(rng: Rng, industry: Industry, year: string): string {
  const cap = capitalize(industry.capability);
  return rng.pick([
    `${cap} pilot`,
    `${cap} rollout`,
    `${cap} - phase 2`,
    `${cap} for ${rng.pick(DEPARTMENTS)}`,
    `Expansion to ${rng.int(3, 12)} sites`,
    `Platform renewal ${year}`,
    `Enterprise licence ${year}`,
  ]);
}

/** Next steps per open stage: concrete, dated, owned. */
export const NEXT_STEPS: readonly (readonly string[])[] = [
  ['Book discovery call with the operations lead', 'Send intro deck and case study', 'Confirm who owns the budget'],
  ['Qualification call: budget, authority, timing', 'Map the buying committee', 'Get the current-process numbers from IT'],
  ['Run the technical deep-dive with IT', 'Workshop on current costs with finance', 'Validate success criteria with the champion'],
  ['Walk the CFO through the proposal', 'Send revised pricing with 3-year option', 'Agree the mutual close plan'],
  ['Legal redlines back by Friday', 'Final pricing call with procurement', 'Signature meeting with the COO'],
];

/** What a stalled deal's next step usually says: activity without substance. */
export const WEAK_NEXT_STEPS = [
  'Waiting to hear back',
  'Chasing for an update',
  'Follow up',
  'Checking in next week',
  'Left voicemail',
] as const;

export const TITLES: Record<string, readonly string[]> = {
  decision_maker: ['CFO', 'COO', 'VP Operations', 'CIO', 'General Manager'],
  champion: ['Director of Operations', 'Head of IT', 'Operations Manager', 'Director of Finance'],
  influencer: ['Finance Manager', 'Solutions Architect', 'Procurement Lead', 'Head of Security'],
  mid_level: ['IT Manager', 'Project Manager', 'Procurement Specialist', 'Team Lead, Operations'],
  user: ['Planner', 'Analyst', 'Dispatcher', 'Coordinator'],
  blocker: ['Head of Security', 'Legacy-system Owner', 'Procurement Director'],
};
