import type { ImportField, ImportKind } from './fields';

/**
 * Column names as CRMs really write them: "Close Date", "close_date", "CLOSEDATE",
 * "closeDate" and "Close-Date" are one key ("closedate"); accents and case never matter
 * ("Étape" is "etape"). English, German, French, Spanish and Russian words for each field.
 */
export const headerKey = (h: string): string =>
  h.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Each field's column names, best first. A name may serve two fields; the values decide. */
const WORDS: Record<ImportKind, [ImportField, string[]][]> = {
  deals: [
    ['externalId', [
      'Opportunity ID', 'Deal ID', 'Record ID', 'CRM ID', 'External ID', 'Potential ID', 'Item ID', 'Deal Number', 'ID', 'Identifier',
      'Chancen-ID', 'ID de l’opportunité', 'Identifiant', 'ID de oportunidad', 'ID de negocio', 'Identificador', 'Идентификатор',
    ]],
    ['name', [
      'Opportunity Name', 'Deal Name', 'Potential Name', 'Deal Title', 'Deal', 'Opportunity', 'Name', 'Title', 'Item', 'Item Name',
      'Name der Verkaufschance', 'Verkaufschance', 'Chance', 'Bezeichnung', 'Titel',
      'Nom de l’opportunité', 'Nom de l’affaire', 'Opportunité', 'Affaire', 'Nom', 'Titre', 'Intitulé',
      'Nombre de la oportunidad', 'Nombre del negocio', 'Oportunidad', 'Negocio', 'Trato', 'Nombre', 'Título',
      'Название сделки', 'Сделка', 'Название', 'Наименование',
    ]],
    ['accountName', [
      'Account Name', 'Account', 'Company', 'Company Name', 'Company Title', 'Associated Company', 'Associated Company (Primary)',
      'Customer', 'Customer Name', 'Client', 'Client Name', 'Organization', 'Organisation', 'Organization Name', 'Account.Name',
      'Related To', 'AccountId', 'Account ID', 'Company ID', 'Associated Company Domain', 'Company Domain Name',
      'Firma', 'Firmenname', 'Unternehmen', 'Kunde', 'Kundenname', 'Konto',
      'Société', 'Nom de la société', 'Entreprise', 'Nom de l’entreprise', 'Compte', 'Nom du compte',
      'Empresa', 'Nombre de la empresa', 'Cuenta', 'Nombre de la cuenta', 'Cliente', 'Compañía', 'Organización',
      'Компания', 'Название компании', 'Клиент', 'Контрагент', 'Организация',
    ]],
    ['owner', [
      'Opportunity Owner', 'Deal Owner', 'Owner', 'Owner Name', 'Owner.Name', 'Sales Agent', 'Sales Rep', 'Sales Representative',
      'Salesperson', 'Account Executive', 'Rep', 'Assigned To', 'Assigned User', 'Assigned User ID', 'Assigned By', 'Assigned By ID',
      'Assignee', 'Responsible', 'Person', 'Owner Email', 'OwnerId', 'Owner ID', 'User',
      'Verantwortlicher', 'Verantwortlich', 'Zuständig', 'Besitzer', 'Inhaber', 'Eigentümer', 'Vertriebsmitarbeiter', 'Verkäufer', 'Bearbeiter',
      'Propriétaire', 'Propriétaire de l’opportunité', 'Responsable', 'Commercial', 'Vendeur', 'Chargé d’affaires', 'Attribué à',
      'Propietario', 'Propietario de la oportunidad', 'Vendedor', 'Ejecutivo', 'Asignado a',
      'Ответственный', 'Ответственный ID', 'Менеджер', 'Владелец', 'Продавец',
    ]],
    ['stage', [
      'Stage', 'Stage Name', 'Deal Stage', 'Sales Stage', 'Opportunity Stage', 'Pipeline Stage', 'Stage ID', 'Status', 'Deal Status', 'Phase',
      'Verkaufsphase', 'Stufe', 'Étape', 'Étape de la vente', 'Statut', 'Etapa', 'Etapa de venta', 'Etapa del negocio', 'Fase', 'Estado',
      'Стадия', 'Стадия сделки', 'Этап', 'Статус',
    ]],
    ['amount', [
      'Amount', 'Close Value', 'Deal Value', 'Deal Amount', 'Opportunity Amount', 'Amount (USD)', 'Value', 'Total', 'Price', 'Revenue',
      'Sum', 'Opportunity',
      'Betrag', 'Wert', 'Umsatz', 'Auftragswert', 'Volumen', 'Summe', 'Montant', 'Valeur', 'Chiffre d’affaires',
      'Importe', 'Monto', 'Valor', 'Cantidad', 'Сумма', 'Сумма сделки', 'Бюджет',
    ]],
    ['currency', [
      'Currency', 'Amount Currency', 'Opportunity Currency', 'CurrencyIsoCode', 'Deal Currency Code', 'Currency ID', 'Currency Code',
      'Währung', 'Devise', 'Moneda', 'Divisa', 'Валюта',
    ]],
    ['closeDate', [
      'Close Date', 'Closing Date', 'Expected Close Date', 'Expected Close', 'Closed Date', 'Date Closed', 'Estimated Close Date',
      'Target Close Date', 'Close', 'Closing', 'Closed',
      'Abschlussdatum', 'Erwartetes Abschlussdatum', 'Schlussdatum', 'Date de clôture', 'Date de clôture prévue', 'Clôture',
      'Fecha de cierre', 'Fecha de cierre prevista', 'Fecha estimada de cierre', 'Cierre',
      'Дата закрытия', 'Предполагаемая дата закрытия', 'Дата завершения',
    ]],
    ['createdDate', [
      'Created Date', 'Create Date', 'Created', 'Created On', 'Created At', 'Created Time', 'Date Created', 'Date Create', 'Creation Date',
      'Engage Date', 'Open Date', 'Date Opened', 'Creation Log',
      'Erstellt am', 'Erstelldatum', 'Erstellungsdatum', 'Angelegt am', 'Anlagedatum', 'Date de création', 'Créé le', 'Créée le',
      'Fecha de creación', 'Creado', 'Creado el', 'Дата создания', 'Создано', 'Создана',
    ]],
    ['lastActivityDate', [
      'Last Activity', 'Last Activity Date', 'Last Activity Time', 'Last Contacted', 'Last Contact Date', 'Last Engagement Date',
      'Letzte Aktivität', 'Dernière activité', 'Última actividad', 'Последняя активность', 'Дата последней активности',
    ]],
    ['nextStep', ['Next Step', 'Next Steps', 'Next Action', 'Nächster Schritt', 'Prochaine étape', 'Siguiente paso', 'Próximo paso', 'Следующий шаг']],
    ['source', [
      'Lead Source', 'Source', 'Original Source Type', 'Original Source', 'Source ID', 'Channel', 'Origin',
      'Quelle', 'Lead-Quelle', 'Origine', 'Fuente', 'Origen', 'Источник',
    ]],
    ['product', ['Product', 'Products', 'Product Name', 'Product Line', 'Series', 'Produkt', 'Produit', 'Producto', 'Товар', 'Товары', 'Продукт']],
    ['isWon', ['IsWon', 'Won', 'Gewonnen', 'Gagné', 'Ganado', 'Выиграна']],
    ['isClosed', ['IsClosed', 'Closed', 'Geschlossen', 'Fermé', 'Cerrado', 'Сделка закрыта', 'Закрыта']],
  ],
  reps: [
    ['name', ['Name', 'Full Name', 'Rep', 'Rep Name', 'Sales Rep', 'User', 'User Name', 'Employee', 'Mitarbeiter', 'Nom', 'Nombre', 'Имя', 'ФИО']],
    ['email', ['Email', 'E-mail', 'Email Address', 'Mail', 'E-Mail-Adresse', 'Courriel', 'Correo', 'Correo electrónico', 'Почта', 'Электронная почта']],
    ['role', ['Role', 'Title', 'Job Title', 'Position', 'Rolle', 'Rôle', 'Poste', 'Cargo', 'Puesto', 'Должность', 'Роль']],
    ['territory', ['Territory', 'Region', 'Area', 'Gebiet', 'Région', 'Territoire', 'Región', 'Territorio', 'Регион', 'Территория']],
    ['hireDate', ['Hire Date', 'Start Date', 'Hired', 'Joined', 'Einstellungsdatum', 'Date d’embauche', 'Fecha de contratación', 'Дата найма', 'Дата приема']],
    ['quota', ['Quota', 'Target', 'Sales Quota', 'Quote', 'Objectif', 'Cuota', 'Objetivo', 'План', 'Квота']],
  ],
  accounts: [
    ['name', ['Account Name', 'Account', 'Company', 'Company Name', 'Name', 'Organization', 'Firma', 'Unternehmen', 'Société', 'Entreprise', 'Empresa', 'Cuenta', 'Компания', 'Название']],
    ['industry', ['Industry', 'Sector', 'Vertical', 'Branche', 'Industrie', 'Secteur', 'Industria', 'Отрасль', 'Сфера деятельности']],
    ['segment', ['Segment', 'Tier', 'Size', 'Segmento', 'Сегмент']],
  ],
};

/** key → [field, rank] candidates; rank orders the names within a field (lower is better). */
const INDEX: Record<ImportKind, Map<string, [ImportField, number][]>> = (() => {
  const out = {} as Record<ImportKind, Map<string, [ImportField, number][]>>;
  for (const kind of Object.keys(WORDS) as ImportKind[]) {
    const map = new Map<string, [ImportField, number][]>();
    for (const [field, words] of WORDS[kind]) {
      words.forEach((w, rank) => {
        const key = headerKey(w);
        map.set(key, [...(map.get(key) ?? []), [field, rank]]);
      });
    }
    out[kind] = map;
  }
  return out;
})();

/** Fields a column name could mean, best first (without looking at its values). */
export function fieldsForHeader(kind: ImportKind, header: string): ImportField[] {
  return (INDEX[kind].get(headerKey(header)) ?? []).map(([f]) => f);
}

export interface HeaderCandidate {
  column: number;
  field: ImportField;
  /** Lower is better: a preset's own column first, then the word's rank. */
  rank: number;
}

/** Every (column, field) pair the names suggest, best first; `preset` columns (by key) come first. */
export function headerCandidates(kind: ImportKind, headers: string[], preset: Record<string, ImportField> | null): HeaderCandidate[] {
  const out: HeaderCandidate[] = [];
  headers.forEach((h, column) => {
    const key = headerKey(h);
    const fromPreset = preset?.[key];
    if (fromPreset) out.push({ column, field: fromPreset, rank: -1 });
    for (const [field, rank] of INDEX[kind].get(key) ?? []) if (field !== fromPreset) out.push({ column, field, rank });
  });
  return out.sort((a, b) => a.rank - b.rank || a.column - b.column);
}
