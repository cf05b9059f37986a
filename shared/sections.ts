/**
 * The workbench's sections in sidebar order, each with its Ctrl/Cmd key: the renderer's
 * sidebar and shortcuts and the desktop app's Go menu both read this one table.
 */
export const SECTIONS = [
  { name: 'dashboard', label: 'Dashboard', key: '1' },
  { name: 'pipeline', label: 'Pipeline', key: '2' },
  { name: 'weekly', label: 'Weekly meeting', key: '3' },
  { name: 'commitments', label: 'Commitments', key: '4' },
  { name: 'coachability', label: 'Coachability', key: '5' },
  { name: 'team', label: 'Team', key: '6' },
  { name: 'development', label: 'Development', key: '7' },
  { name: 'import', label: 'Import', key: '8' },
  { name: 'data', label: 'Data and backups', key: '9' },
  { name: 'settings', label: 'Settings', key: ',' },
] as const;

export type SectionName = (typeof SECTIONS)[number]['name'];

/** A section's address in the page (the renderer's hash routes). */
export const sectionHash = (name: SectionName): string => `#/${name}`;
