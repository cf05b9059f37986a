import type { Outcome } from '../../schemas/deal';

/**
 * Reading a CRM's stage names: "Closed Won", "closedwon", "G. Project Won", "C6:WON",
 * "C6:LOSE", "Gewonnen", "Perdida", "Descartada", "Сделка провалена" close the deal; the
 * team's own stages, and the open stages CRMs ship with, stay open. Anything else is a
 * question for the manager: a stage that cannot be read never silently becomes open.
 */
export type StageHow = 'won word' | 'lost word' | 'your stage' | 'open stage' | 'unknown';

export interface StageReading {
  outcome: Outcome | null;
  /** For an open stage: the stage on the team's list it is (or contains), if any. */
  stage: string | null;
  how: StageHow;
}

const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const words = (s: string): string[] => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

// Whole words (after folding accents): English, German, French, Spanish/Portuguese, Italian, Russian.
const WON = new Set(['won', 'closedwon', 'dealwon', 'gewonnen', 'gagne', 'gagnee', 'remporte', 'remportee', 'ganado', 'ganada', 'ganho', 'ganha', 'vinto', 'vinta']);
const LOST = new Set([
  'lost', 'lose', 'loss', 'closedlost', 'deallost', 'dead', 'rejected', 'disqualified', 'cancelled', 'canceled', 'abandoned', 'declined', 'apology',
  'verloren', 'abgesagt', 'storniert', 'perdu', 'perdue', 'annule', 'annulee', 'perdido', 'perdida', 'descartado', 'descartada', 'rechazado', 'rechazada',
  'cancelado', 'cancelada', 'perso', 'persa',
]);
// Russian stems (any ending): успешн- (successful), выигр- (won); провал- (failed), проигр- (lost), отказ- (refusal), отклон- (declined).
const WON_STEM = /^(успешн|выигр)/;
const LOST_STEM = /^(провал|проигр|отказ|отклон)/;
// "реализовано" is won, "не реализовано" (Bitrix: closed and not realised) is lost.
const NOT_REALISED = /(?:^|[^\p{L}])не\s+реализ/u;
const REALISED = /реализован/;

// Open stages CRMs ship with (Salesforce, HubSpot, Bitrix24, vtiger, Pipedrive, monday), by word.
const OPEN_WORDS = new Set([
  'new', 'open', 'lead', 'prospect', 'prospecting', 'qualify', 'qualification', 'qualified', 'discovery', 'analysis', 'proposition', 'proposal',
  'quote', 'negotiation', 'review', 'demo', 'presentation', 'contract', 'engaging', 'engaged', 'appointment', 'scheduled', 'decision', 'preparation',
  'prepayment', 'invoice', 'executing', 'pending', 'progress', 'working', 'evaluation', 'trial', 'pilot', 'commit', 'forecast', 'pipeline',
  'contacted', 'meeting', 'follow', 'followup', 'qualifying', 'nurture', 'nurturing', 'hold', 'stuck', 'paused', 'pausado', 'pausada', 'pausa',
  'appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent',
  'qualifizierung', 'bedarfsanalyse', 'angebot', 'verhandlung', 'neu', 'bearbeitung', 'prasentation', 'vertrag',
  'prospection', 'nouveau', 'nouvelle', 'cours', 'devis', 'decouverte', 'negociation',
  'prospeccion', 'calificacion', 'propuesta', 'nuevo', 'nueva', 'curso', 'progreso', 'descubrimiento', 'cotizacion', 'negociacion',
  'новая', 'новый', 'подготовка', 'предоплата', 'предоплату', 'счет', 'работе', 'переговоры', 'квалификация', 'предложение', 'исполнение', 'согласование',
]);

/** "G. Project Won" → "Project Won"; "C6:WON" → "WON"; "3 - Proposal" → "Proposal". */
export const stripStagePrefix = (stage: string): string => stage.replace(/^\s*(?:[A-Za-z]\d{0,2}|\d{1,2})\s*[.:)-]\s*(?=\S)/, '').trim();

export function readStage(value: string, teamStages: readonly string[]): StageReading {
  const all = words(value);
  const folded = fold(value);
  const won = all.some((w) => WON.has(w) || WON_STEM.test(w)) || (REALISED.test(folded) && !NOT_REALISED.test(folded));
  const lost = all.some((w) => LOST.has(w) || LOST_STEM.test(w)) || NOT_REALISED.test(folded);
  if (won !== lost) return { outcome: won ? 'won' : 'lost', stage: null, how: won ? 'won word' : 'lost word' };
  if (won && lost) return { outcome: null, stage: null, how: 'unknown' }; // "Won/Lost": ask

  const bare = fold(stripStagePrefix(value)).trim();
  const own = teamStages.find((s) => fold(s) === fold(value).trim() || fold(s) === bare);
  if (own) return { outcome: 'open', stage: own, how: 'your stage' };
  // "Proposal/Price Quote" contains the team's "Proposal": offered as that stage.
  const inside = teamStages.find((s) => {
    const w = words(s);
    return w.length > 0 && containsRun(all, w);
  });
  if (inside) return { outcome: 'open', stage: inside, how: 'your stage' };
  if (all.some((w) => OPEN_WORDS.has(w))) return { outcome: 'open', stage: null, how: 'open stage' };
  return { outcome: null, stage: null, how: 'unknown' };
}

function containsRun(haystack: string[], needle: string[]): boolean {
  for (let i = 0; i + needle.length <= haystack.length; i++) if (needle.every((w, j) => haystack[i + j] === w)) return true;
  return false;
}
