import { describe, expect, it } from 'vitest';
import { api, type CallName } from '../../shared/api';
import { CALL_TOPICS, TOPICS, readsOf, refreshes, writesOf } from '../../shared/apiTopics';

const NAMES = Object.keys(api) as CallName[];
/** Calls that change something, by the verb that ends their name (Prepare takes stale items off). */
const WRITE_VERB = /\.(load|update|create|archive|restore|close|reopen|schedule|prepare|prepareWeek|dismiss|saveAgenda|updateItem|set[A-Z]\w*|unlock|record|assess|add|remove|start|deleteMapping|place|startPlan|checkin|closePlan|delete|followUp|restoreJson|retry|startFresh|encryption|lock)$/;
/** The one write whose changes land later: the import screen invalidates everything when its job is done. */
const WRITES_LATER: CallName[] = ['import.start'];

/** The calls a write makes out of date, among those a screen loads. */
const refreshed = (write: CallName) => NAMES.filter((n) => refreshes(writesOf(write), n));

describe('the topic table', () => {
  it('classifies every call of the contract, with known topics only', () => {
    expect(Object.keys(CALL_TOPICS).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) {
      const w = writesOf(name);
      for (const t of [...readsOf(name), ...(w === 'everything' ? [] : w)]) expect(TOPICS, `${name}: ${t}`).toContain(t);
    }
  });

  it('gives every call that changes something the topics it changes, and none to a call that only reads', () => {
    for (const name of NAMES) {
      const w = writesOf(name);
      const writes = w === 'everything' || w.length > 0;
      if (WRITES_LATER.includes(name)) expect(writes, name).toBe(false);
      else expect(writes, name).toBe(WRITE_VERB.test(name));
    }
  });

  it('has no topic that is written and never read, or read and never written', () => {
    const read = new Set(NAMES.flatMap(readsOf));
    const written = new Set(NAMES.flatMap((n) => (writesOf(n) === 'everything' ? [] : (writesOf(n) as string[]))));
    expect([...TOPICS].filter((t) => !read.has(t))).toEqual([]);
    expect([...TOPICS].filter((t) => !written.has(t))).toEqual([]);
  });
});

describe('a save refreshes the screens that show what it changed', () => {
  // Each line: a write, and what the screens show that it changes (worked out from the screens).
  const cases: [CallName, CallName[]][] = [
    // A new note: the rep page's notes, the neglect radar's last note, follow-through on feedback, search.
    ['notes.create', ['notes.list', 'metrics.team', 'metrics.rep', 'coachability.rep', 'coachability.team', 'search.query']],
    ['notes.followUp', ['notes.list', 'coachability.rep']],
    // A deal review is a note with answers, and its next steps are commitments on the next agenda.
    ['dealReviews.create', ['dealReviews.forDeal', 'notes.list', 'commitments.list', 'oneOnOnes.get', 'metrics.team']],
    ['commitments.create', ['commitments.list', 'oneOnOnes.get', 'coachability.rep', 'development.team', 'dealReviews.forDeal', 'search.query']],
    ['commitments.setStatus', ['commitments.list', 'oneOnOnes.get', 'coachability.rep']],
    ['deals.update', ['deals.get', 'deals.listByRep', 'deals.triage', 'pipeline.open', 'pipeline.page', 'pipeline.attention', 'pipeline.weekly', 'metrics.team', 'metrics.rep', 'team.summary', 'oneOnOnes.get', 'accounts.names']],
    ['deals.close', ['deals.get', 'pipeline.open', 'pipeline.page', 'metrics.team', 'team.summary', 'development.team']],
    // Stakeholders feed the consensus flags and the value proposition's versions per person.
    ['stakeholders.add', ['stakeholders.map', 'deals.triage', 'deals.flags', 'pipeline.open', 'pipeline.page', 'valueProps.forDeal']],
    ['valueProps.assess', ['valueProps.forDeal', 'valueProps.team', 'pipeline.open', 'pipeline.page', 'deals.triage']],
    ['settings.update', ['settings.get', 'pipeline.open', 'pipeline.page', 'metrics.team', 'coachability.team', 'backups.list', 'team.summary']],
    ['reps.update', ['reps.get', 'reps.list', 'pipeline.page', 'team.summary', 'metrics.team', 'commitments.list', 'deals.get']],
    ['reps.setCadence', ['reps.get', 'oneOnOnes.get']],
    ['oneOnOnes.close', ['oneOnOnes.list', 'oneOnOnes.get', 'metrics.team', 'commitments.list']],
    // Private notes and agenda notes are searchable.
    ['oneOnOnes.setPrivateNote', ['oneOnOnes.get', 'search.query']],
    ['coachability.record', ['coachability.rep', 'coachability.team', 'oneOnOnes.get']],
    ['development.startPlan', ['development.plans', 'development.team', 'oneOnOnes.get']],
    ['accounts.setLadder', ['accounts.ladder']],
    ['backups.create', ['backups.list', 'store.status']],
    ['import.deleteMapping', ['import.mappings']],
  ];
  it.each(cases)('%s refreshes what shows it', (write, shown) => {
    expect(refreshed(write)).toEqual(expect.arrayContaining(shown));
  });

  it('leaves the rest alone', () => {
    // A note is not on the pipeline, a deal's page, the rep's profile, backups or the ladder.
    for (const n of ['pipeline.open', 'deals.get', 'deals.triage', 'reps.get', 'deals.listByRep', 'backups.list', 'accounts.ladder', 'valueProps.team', 'settings.get'] as CallName[])
      expect(refreshed('notes.create'), n).not.toContain(n);
    // The ladder is shown on its own card only.
    expect(refreshed('accounts.setLadder').filter((n) => !WRITE_VERB.test(n))).toEqual(['accounts.ladder']);
    // Ticking an agenda item off does not reload the pipeline, the team or the deal page.
    for (const n of ['pipeline.open', 'team.summary', 'deals.get', 'notes.list'] as CallName[]) expect(refreshed('oneOnOnes.updateItem'), n).not.toContain(n);
    // A backup changes no numbers.
    for (const n of ['pipeline.open', 'metrics.team', 'notes.list'] as CallName[]) expect(refreshed('backups.create'), n).not.toContain(n);
  });

  it('reloads every screen after a restore, an import of demo data or a recovered store', () => {
    const loads = NAMES.filter((n) => readsOf(n).length > 0);
    for (const write of ['backups.restore', 'data.restoreJson', 'demo.load', 'recovery.restore', 'recovery.unlock'] as CallName[]) expect(refreshed(write)).toEqual(expect.arrayContaining(loads));
  });
});
