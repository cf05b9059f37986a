/**
 * The workbench's sections in sidebar order, each with its Ctrl/Cmd key: the renderer's
 * sidebar and shortcuts and the desktop app's Go menu both read this one table. Data and
 * backups is on "." rather than 0: the desktop app keeps Ctrl+0 for "actual size".
 */
export const SECTIONS = [
  { name: 'dashboard', label: 'Dashboard', key: '1', path: 'dashboard' },
  { name: 'pipeline', label: 'Pipeline', key: '2', path: 'pipeline' },
  { name: 'oneOnOnes', label: 'One-on-ones', key: '3', path: 'one-on-ones' },
  { name: 'weekly', label: 'Weekly meeting', key: '4', path: 'weekly' },
  { name: 'commitments', label: 'Commitments', key: '5', path: 'commitments' },
  { name: 'coachability', label: 'Coachability', key: '6', path: 'coachability' },
  { name: 'team', label: 'Team', key: '7', path: 'team' },
  { name: 'development', label: 'Development', key: '8', path: 'development' },
  { name: 'import', label: 'Import', key: '9', path: 'import' },
  { name: 'data', label: 'Data and backups', key: '.', path: 'data' },
  { name: 'settings', label: 'Settings', key: ',', path: 'settings' },
] as const;

export type SectionName = (typeof SECTIONS)[number]['name'];

/** A section's address in the page (the renderer's hash routes). */
export const sectionHash = (name: SectionName): string => `#/${SECTIONS.find((s) => s.name === name)!.path}`;
