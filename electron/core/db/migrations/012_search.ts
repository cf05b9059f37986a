/**
 * Find anything: one SQLite FTS5 index over reps, deals, accounts, coaching notes, one-on-one
 * notes and commitments, kept in step by triggers in the same transaction as every write.
 * Each entry's rowid is its kind code * 2^40 + the source row's id: a trigger replaces or
 * removes one entry by rowid without a scan, and each kind is one rowid range, so a search
 * asks for one kind at a time. Accents and case never matter; 2- and 3-letter prefixes are
 * indexed so typing finds as you type. Only words worth finding are indexed (a deal's name,
 * account, next step and CRM id; not its stage, which the Pipeline filters by).
 */
interface Source {
  table: string;
  code: number;
  /** SQL for the entry's title and body, over the row named `r`. */
  title: (r: string) => string;
  body: (r: string) => string;
  /** Only rows with something to find. */
  when?: (r: string) => string;
  /** Columns whose change re-indexes the row. */
  columns: string;
}

// Kind codes are part of the rowids stored in files: never renumber them.
const SOURCES: Source[] = [
  { table: 'reps', code: 1, title: (r) => `${r}.name`, body: (r) => `concat_ws(' ', ${r}.email, ${r}.territory)`, columns: 'name, email, territory' },
  {
    table: 'deals', code: 2, title: (r) => `${r}.name`,
    body: (r) => `concat_ws(' ', (SELECT name FROM accounts WHERE id = ${r}.account_id), ${r}.next_step, ${r}.external_id)`,
    columns: 'name, account_id, next_step, external_id',
  },
  { table: 'accounts', code: 3, title: (r) => `${r}.name`, body: (r) => `concat_ws(' ', ${r}.industry, ${r}.segment)`, columns: 'name, industry, segment' },
  { table: 'coaching_notes', code: 4, title: () => `''`, body: (r) => `concat_ws(' ', ${r}.body, ${r}.skill)`, columns: 'body, skill' },
  { table: 'agenda_items', code: 5, title: (r) => `${r}.title`, body: (r) => `${r}.notes`, when: (r) => `${r}.notes IS NOT NULL AND ${r}.notes <> ''`, columns: 'title, notes' },
  { table: 'commitments', code: 6, title: (r) => `${r}.text`, body: () => `''`, columns: 'text' },
  { table: 'one_on_ones', code: 7, title: () => `''`, body: (r) => `${r}.private_note`, when: (r) => `${r}.private_note IS NOT NULL AND ${r}.private_note <> ''`, columns: 'private_note' },
];

/** 2^40: each kind's rowids are code * 2^40 + id. */
const SPAN = 1099511627776;
const rowid = (s: Source, id: string) => `${s.code * SPAN} + ${id}`;

/** INSERT of the entries for the rows `r` of `from` (a table with a WHERE, or a trigger's NEW). */
const entries = (s: Source, r: string, from: string, where = '') => {
  const conditions = [where, s.when?.(r)].filter(Boolean).join(' AND ');
  return `INSERT INTO search_index (rowid, title, body)
    SELECT ${rowid(s, `${r}.id`)}, ${s.title(r)}, ${s.body(r)}${from ? ` FROM ${from}` : ''}${conditions ? ` WHERE ${conditions}` : ''};`;
};

const triggers = (s: Source) => `
CREATE TRIGGER search_${s.table}_ai AFTER INSERT ON ${s.table} BEGIN
  ${entries(s, 'NEW', '')}
END;
CREATE TRIGGER search_${s.table}_au AFTER UPDATE OF ${s.columns} ON ${s.table} BEGIN
  DELETE FROM search_index WHERE rowid = ${rowid(s, 'OLD.id')};
  ${entries(s, 'NEW', '')}
END;
CREATE TRIGGER search_${s.table}_ad AFTER DELETE ON ${s.table} BEGIN
  DELETE FROM search_index WHERE rowid = ${rowid(s, 'OLD.id')};
END;`;

const deals = SOURCES[1]!;

export const sql = `
CREATE VIRTUAL TABLE search_index USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
${SOURCES.map(triggers).join('\n')}
-- A renamed account is renamed in its deals' entries too.
CREATE TRIGGER search_accounts_au_deals AFTER UPDATE OF name ON accounts BEGIN
  DELETE FROM search_index WHERE rowid IN (SELECT ${rowid(deals, 'id')} FROM deals WHERE account_id = NEW.id);
  ${entries(deals, 'd', 'deals d', 'd.account_id = NEW.id')}
END;

-- What is already in the store.
${SOURCES.map((s) => entries(s, 'r', `${s.table} r`)).join('\n')}
`;
