import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsPatch, settingsSchema } from '../../shared/schemas/team';

describe('settings: one schema, the types read from it', () => {
  it('the defaults are valid settings, unchanged by validation', () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('a patch may name any subset, each field validated as in the whole; unknown fields are dropped', () => {
    expect(settingsPatch.parse({ currency: ' eur ' })).toEqual({ currency: 'EUR' });
    const r = settingsPatch.safeParse({ triage: { ...DEFAULT_SETTINGS.triage, perRep: 11 } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['triage', 'perRep'], message: 'must be from 1 to 10' });
    expect(settingsPatch.parse({ nonsense: 1 })).toEqual({});
  });
});
