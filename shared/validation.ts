import type { z } from 'zod';

/** Human names for the fields that forms, CSV columns and API payloads carry. */
export const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  email: 'Email',
  role: 'Role',
  territory: 'Territory',
  hireDate: 'Hire date',
  quota: 'Quota',
  status: 'Status',
  repId: 'Rep',
  accountName: 'Account',
  stage: 'Stage',
  amount: 'Amount',
  currency: 'Currency',
  createdDate: 'Created date',
  expectedCloseDate: 'Expected close date',
  closedDate: 'Closed date',
  lastActivityDate: 'Last activity date',
  nextStep: 'Next step',
  source: 'Source',
  externalId: 'CRM id',
  outcome: 'Outcome',
  managerName: 'Manager name',
  quotaPeriod: 'Quota period',
  stages: 'Stages',
  asOf: 'As-of date',
  seed: 'Seed',
  id: 'Id',
  owner: 'Owner',
  level: 'Ladder level',
  accountId: 'Account',
  signs: 'Signs',
  stance: 'Stance',
  lastContactDate: 'Last contact',
  nudgesSent: 'Nudges sent',
  dmMeetingDate: 'Meeting with the decision maker',
  willRecommend: 'Will you recommend us?',
  statement: 'Value proposition',
  assessedOn: 'Assessment date',
  result: 'Result',
  different: 'Different', compelling: 'Compelling', tailored: 'Tailored', measurable: 'Measurable',
  time_bound: 'Time-bound', memorable: 'Easy to remember', defendable: 'Defendable',
  windowWeeks: 'Look-back',
  signsPerObservation: 'Signs per observation',
  minObservations: 'Concerning observations',
  minSpanWeeks: 'Spread',
  minShare: 'Share of observations',
  observedOn: 'Date',
  context: 'Where',
  ratings: 'Ratings',
  evidence: 'Evidence',
  answers: 'Cautions',
  oneOnOneId: 'One-on-one',
  from: 'Period',
  to: 'Period end',
  includePrivate: 'Private notes',
  summary: 'Your summary',
  copy: 'Copy',
  doc: 'Document',
  meetingDate: 'Meeting date',
  items: 'Agenda',
  title: 'Item',
  note: 'Private note',
  notes: 'Notes',
  reason: 'Reason',
  days: 'Cadence',
  text: 'Commitment',
  dueDate: 'Due date',
  dealId: 'Deal',
  on: 'Done date',
  windowMonths: 'Win-rate window',
  prospectsPerOpp: 'Prospects per opportunity',
  thresholds: 'Thresholds',
  stageDays: 'Stage limit',
  defaultStageDays: 'Limit for other stages',
  noActivityDays: 'No-activity days',
  ageCycleFactor: 'Too-old factor',
  outlierFactor: 'Unusual-amount factor',
  minWinRate: 'Win-rate floor',
  activityShare: 'Activity floor',
  newHireDays: 'New-hire period',
  neglectDays: 'Neglect radar days',
  drivers: 'Drivers',
  metric: 'Metric to watch',
  startDate: 'Start',
  lengthDays: 'Length',
  actions: 'What you will both do',
  target: 'Target',
  quadrant: 'Placement',
  planId: 'Plan',
  body: 'Note',
  noteDate: 'Date',
  followUpDue: 'Follow-up date',
  skill: 'Skill',
  skills: 'Skills',
  kind: 'Kind',
  visibility: 'Visibility',
  coaching: 'Coaching given',
  nextSteps: 'Next steps',
  reviewDate: 'Review date',
  question: 'Question',
  answer: 'Answer',
  file: 'File',
  fileId: 'File',
  mapping: 'Mapping',
  dateOrder: 'Date order',
  stageOutcomes: 'Stage outcomes',
  owners: 'Owners',
  backupKeep: 'Backups to keep',
  jobId: 'Import',
};

export const labelFor = (field: string): string => FIELD_LABELS[field] ?? field;

export interface FieldProblem {
  field: string;
  message: string;
}

/** Turns zod issues into "Amount cannot be negative."-style sentences, one per field. */
export function describeIssues(error: z.ZodError): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'input';
    if (seen.has(field)) continue;
    seen.add(field);
    // The most specific named segment: "thresholds.noActivityDays" reads as "No-activity days".
    const named = issue.path.filter((k) => typeof k === 'string');
    const top = String(named[named.length - 1] ?? field);
    let msg = issue.message;
    // zod's own wording is technical ("Invalid option: expected one of ..."); say it plainly.
    if (issue.code === 'invalid_type' && /received undefined/.test(msg)) msg = 'is required';
    else if (/^(Invalid|Too small|Too big|Expected)/.test(msg)) msg = plainWording(issue);
    problems.push({ field, message: `${labelFor(top)} ${msg.replace(/\.$/, '')}.` });
  }
  return problems;
}

function plainWording(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return issue.origin === 'string' ? `must be at least ${String(issue.minimum)} characters` : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `must be at most ${String(issue.maximum)} characters` : `must be at most ${String(issue.maximum)}`;
    case 'invalid_type':
      return issue.expected === 'int' ? 'must be a whole number' : `must be a ${issue.expected}`;
    default:
      return 'is not valid';
  }
}
