import { z } from 'zod';
import { DEFAULT_SETTINGS, settingsPatch, type Settings } from '../../../shared/schemas/team';
import type { Db } from '../db/open';

type Patch = z.output<typeof settingsPatch>;

export function getSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as {
    key: string;
    value: string;
  }[];
  const stored: Record<string, unknown> = {};
  for (const r of rows) stored[r.key] = JSON.parse(r.value);
  // Unknown or damaged values fall back to defaults rather than breaking every screen.
  const parsed = settingsPatch.safeParse(stored);
  return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

export function updateSettings(db: Db, patch: Patch): Settings {
  const put = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) put.run(key, JSON.stringify(value));
    }
  })();
  return getSettings(db);
}
