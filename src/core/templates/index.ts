/** The template sheets of the method, in the order a manager meets them; the deal register (the data a review starts from), the forecast drawn from it, then the team's own records. */
import { diagnosis, execution, goals, plan } from './specs/method';
import { evaluation, kpi, reviewLog } from './specs/evaluation';
import { funnel, leads } from './specs/pipeline';
import { dealSnapshots, deals, importMappings } from './specs/deals';
import { forecast } from './specs/forecast';
import { forecastCalls, orgChart, rollupSources } from './specs/team';
import { activityLog, feedback, oneOnOne, training, weeklyReport } from './specs/records';
import { commissionTiers, performance } from './specs/performance';
import { reviewRankings } from './specs/rankings';
import { actionItems, meetings } from './specs/meetings';
import { planFeedback } from './specs/survey';
import { workbookSettings } from './specs/settings';
import type { TemplateId, TemplateSpec } from './types';
import { type SheetTables, locateTemplates } from './locate';

export const TEMPLATES: readonly TemplateSpec[] = [
  diagnosis,
  goals,
  execution,
  plan,
  funnel,
  leads,
  kpi,
  evaluation,
  reviewLog,
  deals,
  forecast,
  forecastCalls,
  orgChart,
  activityLog,
  feedback,
  oneOnOne,
  weeklyReport,
  training,
  // A template a later one reads comes first (行动项 before 销售例会, 提成方案 before 绩效考核).
  actionItems,
  meetings,
  planFeedback,
  commissionTiers,
  performance,
];

/** Sheets the product keeps for itself (inserted by an import, not from the gallery). */
const INTERNAL_TEMPLATES: readonly TemplateSpec[] = [dealSnapshots, importMappings, reviewRankings, workbookSettings, rollupSources];

/** The spec of a template id; every TemplateId has one, so this throws only on a programming error. */
export function templateById(id: TemplateId): TemplateSpec {
  const spec = findTemplate(id) ?? INTERNAL_TEMPLATES.find((t) => t.id === id);
  if (spec === undefined) throw new Error(`no template "${id}"`);
  return spec;
}

/** The spec of an id that came from outside (a command line, a stored setting), or undefined. */
export function findTemplate(id: string): TemplateSpec | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/**
 * Which template each sheet holds, by the one locate rule (locate.ts: table name, else sheet name in
 * either language). Sheets no template claims are the user's own — the only ones worth reading
 * headers of to find a renamed table.
 */
export function templatesOfSheets(sheets: readonly SheetTables[]): ReadonlyMap<string, TemplateId> {
  const kinds = new Map<string, TemplateId>();
  for (const spec of [...TEMPLATES, ...INTERNAL_TEMPLATES])
    for (const at of locateTemplates(spec, sheets)) if (!kinds.has(at.sheetName)) kinds.set(at.sheetName, spec.id);
  return kinds;
}

export { dealSnapshots, importMappings } from './specs/deals';
export { reviewRankings } from './specs/rankings';
export { workbookSettings } from './specs/settings';
export { ORG_ROW_STATUS, rollupSources } from './specs/team';

export * from './types';
export * from './plan';
export * from './separators';
export * from './a1';
export type { TemplateId };
export * from './naming';
export * from './locate';
export * from './rowWrite';
export * from './layout';
