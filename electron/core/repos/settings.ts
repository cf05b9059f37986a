import { z } from 'zod';
import { DEFAULT_SETTINGS, settingsPatch, type Settings } from '../../../shared/schemas/team';
import type { Db } from '../db/open';

type Patch = z.output<typeof settingsPatch>;

export function getSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as {
    key: string;
    value: string;
  }[];
  // Each key on its own: one damaged or out-of-range value falls back to its default
  // without resetting the others or breaking every screen.
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const shape = settingsPatch.shape;
  for (const r of rows) {
    if (!(r.key in shape)) continue;
    let value: unknown;
    try {
      value = JSON.parse(r.value);
    } catch {
      continue;
    }
    const parsed = settingsPatch.safeParse({ [r.key]: value });
    if (parsed.success) Object.assign(settings, parsed.data);
  }
  return settings;
}

export function updateSettings(db: Db, patch: Patch): Settings {
  const put = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) put.run(key, JSON.stringify(value));
    }
  }).immediate();
  return getSettings(db);
}
