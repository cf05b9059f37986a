/**
 * Find anything: SQLite FTS5 indexes over reps, deals, accounts, coaching notes, one-on-one
 * notes and commitments, kept in step by triggers in the same transaction as every write.
 * One index per kind, each entry's rowid the source row's id: a search asks each kind for its
 * newest matches, and a word common in notes costs nothing when the reps are searched (in one
 * shared index, a kind without the word still reads the word's whole list to find that out). Accents and case never matter; 2- and 3-letter prefixes are
 * indexed so typing finds as you type. Only words worth finding are indexed (a deal's name,
 * account, next step and CRM id; not its stage, which the Pipeline filters by).
 */
interface Source {
  table: string;
  /** The kind's index: search_<kind>. */
  kind: string;
  /** SQL for the entry's title and body, over the row named `r`. */
  title: (r: string) => string;
  body: (r: string) => string;
  /** Only rows with something to find. */
  when?: (r: string) => string;
  /** Columns whose change re-indexes the row. */
  columns: string;
}

const SOURCES: Source[] = [
  { table: 'reps', kind: 'rep', title: (r) => `${r}.name`, body: (r) => `concat_ws(' ', ${r}.email, ${r}.territory)`, columns: 'name, email, territory' },
  {
    table: 'deals', kind: 'deal', title: (r) => `${r}.name`,
    body: (r) => `concat_ws(' ', (SELECT name FROM accounts WHERE id = ${r}.account_id), ${r}.next_step, ${r}.external_id)`,
    columns: 'name, account_id, next_step, external_id',
  },
  { table: 'accounts', kind: 'account', title: (r) => `${r}.name`, body: (r) => `concat_ws(' ', ${r}.industry, ${r}.segment)`, columns: 'name, industry, segment' },
  { table: 'coaching_notes', kind: 'note', title: () => `''`, body: (r) => `concat_ws(' ', ${r}.body, ${r}.skill)`, columns: 'body, skill' },
  { table: 'agenda_items', kind: 'meeting', title: (r) => `${r}.title`, body: (r) => `${r}.notes`, when: (r) => `${r}.notes IS NOT NULL AND ${r}.notes <> ''`, columns: 'title, notes' },
  { table: 'commitments', kind: 'commitment', title: (r) => `${r}.text`, body: () => `''`, columns: 'text' },
  { table: 'one_on_ones', kind: 'private', title: () => `''`, body: (r) => `${r}.private_note`, when: (r) => `${r}.private_note IS NOT NULL AND ${r}.private_note <> ''`, columns: 'private_note' },
];

const index = (s: Source) => `search_${s.kind}`;

/** INSERT of the entries for the rows `r` of `from` (a table with a WHERE, or a trigger's NEW). */
const entries = (s: Source, r: string, from: string, where = '') => {
  const conditions = [where, s.when?.(r)].filter(Boolean).join(' AND ');
  return `INSERT INTO ${index(s)} (rowid, title, body)
    SELECT ${r}.id, ${s.title(r)}, ${s.body(r)}${from ? ` FROM ${from}` : ''}${conditions ? ` WHERE ${conditions}` : ''};`;
};

const triggers = (s: Source) => `
CREATE TRIGGER search_${s.table}_ai AFTER INSERT ON ${s.table} BEGIN
  ${entries(s, 'NEW', '')}
END;
CREATE TRIGGER search_${s.table}_au AFTER UPDATE OF ${s.columns} ON ${s.table} BEGIN
  DELETE FROM ${index(s)} WHERE rowid = OLD.id;
  ${entries(s, 'NEW', '')}
END;
CREATE TRIGGER search_${s.table}_ad AFTER DELETE ON ${s.table} BEGIN
  DELETE FROM ${index(s)} WHERE rowid = OLD.id;
END;`;

const deals = SOURCES[1]!;

export const sql = `
${SOURCES.map((s) => `CREATE VIRTUAL TABLE ${index(s)} USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');`).join('\n')}
${SOURCES.map(triggers).join('\n')}
-- A renamed account is renamed in its deals' entries too.
CREATE TRIGGER search_accounts_au_deals AFTER UPDATE OF name ON accounts BEGIN
  DELETE FROM ${index(deals)} WHERE rowid IN (SELECT id FROM deals WHERE account_id = NEW.id);
  ${entries(deals, 'd', 'deals d', 'd.account_id = NEW.id')}
END;

-- What is already in the store.
${SOURCES.map((s) => entries(s, 'r', `${s.table} r`)).join('\n')}
`;
