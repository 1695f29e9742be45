/**
 * From an export's headers and values to the register's fields: the column mapping (found from
 * the header names of DEAL_FIELDS, confirmed or edited by the user, saved per source) and the stage
 * map (the default pipelines of the CRMs in DEAL_FIELDS' list, plus the funnel's own labels; any
 * other stage name is asked for once and saved with the mapping).
 */
import { FUNNEL_STAGES, type StageKey } from '../domain/stages';
import type { Localized } from '../i18n';
import {
  DEAL_FIELDS,
  DEAL_STATUSES,
  type DealFieldKey,
  type DealStatus,
  FORECAST_CATEGORIES,
  type ForecastCategory,
  LOST_REASONS,
} from './fields';
import { type MoneyUnit, unitOfHeader } from '../money';
import { matchKey } from './normalize';

/** Which column (0-based) of the export holds each field; a field without one is not imported. */
export type ColumnMapping = Partial<Record<DealFieldKey, number>>;

/** What a stage name of an export means: a funnel stage, and the status it implies for closed stages. */
export interface StageMeaning {
  readonly stage: StageKey | null;
  readonly status?: DealStatus;
}

/** A source's saved choices: its column mapping by header name and the stage names it uses. */
export interface ImportMapping {
  readonly name: string;
  readonly columns: Partial<Record<DealFieldKey, string>>;
  readonly stages: Readonly<Record<string, StageMeaning>>;
}

const WON: StageMeaning = { stage: 'won', status: 'won' };
const LOST: StageMeaning = { stage: null, status: 'lost' };

/** The default pipelines of the CRMs managers export from, by stage name (see matchKey). */
// Built on first use: module-level work would keep this module in every bundle that imports the core.
let crmStages: Readonly<Record<string, StageMeaning>> | undefined;
const CRM_STAGES = (): Readonly<Record<string, StageMeaning>> =>
  (crmStages ??= Object.fromEntries(
    (
      [
        // Salesforce
        ['Prospecting', { stage: 'lead' }],
        ['Qualification', { stage: 'contact' }],
        ['Needs Analysis', { stage: 'needs' }],
        ['Value Proposition', { stage: 'needs' }],
        ['Id. Decision Makers', { stage: 'needs' }],
        ['Identify Decision Makers', { stage: 'needs' }],
        ['Perception Analysis', { stage: 'proposal' }],
        ['Proposal/Price Quote', { stage: 'proposal' }],
        ['Negotiation/Review', { stage: 'negotiation' }],
        ['Closed Won', WON],
        ['Closed Lost', LOST],
        ['Closed-Lost to Competition', LOST],
        // HubSpot (labels and internal ids)
        ['Appointment Scheduled', { stage: 'contact' }],
        ['appointmentscheduled', { stage: 'contact' }],
        ['Qualified To Buy', { stage: 'needs' }],
        ['qualifiedtobuy', { stage: 'needs' }],
        ['Presentation Scheduled', { stage: 'proposal' }],
        ['presentationscheduled', { stage: 'proposal' }],
        ['Decision Maker Bought-In', { stage: 'proposal' }],
        ['decisionmakerboughtin', { stage: 'proposal' }],
        ['Contract Sent', { stage: 'negotiation' }],
        ['contractsent', { stage: 'negotiation' }],
        ['closedwon', WON],
        ['closedlost', LOST],
        // Pipedrive
        ['Lead In', { stage: 'lead' }],
        ['Contact Made', { stage: 'contact' }],
        ['Needs Defined', { stage: 'needs' }],
        ['Proposal Made', { stage: 'proposal' }],
        ['Negotiations Started', { stage: 'negotiation' }],
        // 纷享销客 / 销售易
        ['验证客户', { stage: 'contact' }],
        ['需求确定', { stage: 'needs' }],
        ['方案/报价', { stage: 'proposal' }],
        ['方案报价', { stage: 'proposal' }],
        ['谈判审核', { stage: 'negotiation' }],
        ['商务谈判', { stage: 'negotiation' }],
        ['赢单', WON],
        ['输单', LOST],
        ['丢单', LOST],
      ] as const
    ).map(([name, meaning]) => [matchKey(name), meaning as StageMeaning]),
  ));

/** What a stage name means: the source's saved map first, then the funnel's labels, then the CRM defaults. */
export function stageMeaning(name: string, saved: Readonly<Record<string, StageMeaning>> = {}): StageMeaning | undefined {
  const key = matchKey(name);
  const savedMeaning = Object.entries(saved).find(([known]) => matchKey(known) === key)?.[1];
  if (savedMeaning) return savedMeaning;
  const funnel = FUNNEL_STAGES.find((s) => matchKey(s.label['zh-CN']) === key || matchKey(s.label['en-US']) === key);
  if (funnel) return funnel.key === 'won' ? WON : { stage: funnel.key };
  return CRM_STAGES()[key];
}

let headers: Map<string, { readonly field: DealFieldKey; readonly rank: number }> | undefined;
/** Each known header name → its field, and its rank in the field's list (the label first). */
function headerIndex(): Map<string, { readonly field: DealFieldKey; readonly rank: number }> {
  if (headers === undefined) {
    headers = new Map();
    for (const field of DEAL_FIELDS) {
      [field.label['zh-CN'], field.label['en-US'], ...field.headers].forEach((header, rank) => {
        const key = matchKey(header);
        if (!headers!.has(key)) headers!.set(key, { field: field.key, rank });
      });
    }
  }
  return headers;
}

/**
 * The mapping found from headers: a saved mapping's header names first, then the known names.
 * A field takes the column whose header comes first in its list (Region before 所属部门), the
 * leftmost on a tie; a column names at most one field.
 */
export function autoMap(headers: readonly string[], saved?: ImportMapping): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  if (saved) {
    for (const [field, header] of Object.entries(saved.columns) as [DealFieldKey, string][]) {
      const index = headers.findIndex((h, i) => !used.has(i) && matchKey(h) === matchKey(header));
      if (index >= 0) {
        mapping[field] = index;
        used.add(index);
      }
    }
  }
  const best = new Map<DealFieldKey, { index: number; rank: number }>();
  headers.forEach((header, index) => {
    if (used.has(index)) return;
    // `商机金额(元)` is 商机金额 with its unit said: the unit is read apart (amountUnitOf).
    const known = headerIndex().get(matchKey(header)) ?? headerIndex().get(matchKey(unitOfHeader(header).name));
    if (known === undefined || mapping[known.field] !== undefined) return;
    const current = best.get(known.field);
    if (current === undefined || known.rank < current.rank) best.set(known.field, { index, rank: known.rank });
  });
  for (const [field, { index }] of best) mapping[field] = index;
  return mapping;
}

/** The money unit the amount column's header names (`商机金额(元)`, `Amount (USD)`), if it names one. */
export function amountUnitOf(headers: readonly string[], mapping: ColumnMapping): MoneyUnit | undefined {
  const at = mapping.amount;
  return at === undefined ? undefined : unitOfHeader(headers[at] ?? '').unit;
}

/** The required fields a mapping leaves out. */
export const unmappedRequired = (mapping: ColumnMapping): DealFieldKey[] =>
  DEAL_FIELDS.filter((f) => f.required && mapping[f.key] === undefined).map((f) => f.key);

const lookup = <
  T extends {
    readonly key: string;
    readonly label: { readonly 'zh-CN': string; readonly 'en-US': string };
    readonly headers: readonly string[];
  },
>(
  list: readonly T[],
  text: string,
): T['key'] | undefined => {
  const key = matchKey(text);
  return list.find((item) => [item.label['zh-CN'], item.label['en-US'], ...item.headers].some((name) => matchKey(name) === key))?.key;
};

export const forecastCategoryOf = (text: string): ForecastCategory | undefined => lookup(FORECAST_CATEGORIES, text);
export const dealStatusOf = (text: string): DealStatus | undefined => lookup(DEAL_STATUSES, text);

/** One of the register's lost reasons (named in either language), or undefined for a reason of the user's own. */
export function lostReasonOf(text: string): Localized | undefined {
  const key = matchKey(text);
  return LOST_REASONS.find((r) => matchKey(r['zh-CN']) === key || matchKey(r['en-US']) === key);
}
