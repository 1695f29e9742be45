/**
 * The workbook's own settings, kept in its 工作簿设置 sheet (templates/specs/settings.ts) so the
 * web host, Excel, Google Sheets and the files all read one truth. Today: the money unit. A
 * workbook without the sheet (or without the row) has said nothing: callers ask, never assume.
 */
import { L, type Locale, type Localized } from './i18n';
import { type MoneyUnit, moneyUnitLabel, parseMoneyUnit } from './money';
import { TEMPLATES, type TemplateId } from './templates';
import { specLayout } from './templates/layout';
import { matchHeader } from './templates/locate';
import { workbookSettings } from './templates/specs/settings';
import { isBlank } from './values';
import type { TableSnapshot, TableWrite, WriteCell } from './workbook';

export const SETTING_NAMES = {
  moneyUnit: L('金额单位', 'Money unit'),
} as const satisfies Record<string, Localized>;

export type SettingKey = keyof typeof SETTING_NAMES;

export interface WorkbookSettings {
  readonly moneyUnit?: MoneyUnit;
}

/** Problems reading the sheet (a value that is not a unit), named by row, for the data checks. */
export interface SettingProblem {
  readonly row: number;
  readonly value: string;
  readonly why: Localized;
}

const settingOf = (text: string): SettingKey | undefined => {
  const key = text.trim().toLowerCase();
  return (Object.keys(SETTING_NAMES) as SettingKey[]).find(
    (k) => k.toLowerCase() === key || SETTING_NAMES[k]['zh-CN'] === text.trim() || SETTING_NAMES[k]['en-US'].toLowerCase() === key,
  );
};

export function readWorkbookSettings(table: Pick<TableSnapshot, 'header' | 'rows'>): {
  readonly settings: WorkbookSettings;
  readonly problems: readonly SettingProblem[];
} {
  const { columns } = matchHeader(workbookSettings, table.header);
  const [at, valueAt] = [columns.get('setting'), columns.get('value')];
  let moneyUnit: MoneyUnit | undefined;
  const problems: SettingProblem[] = [];
  if (at === undefined || valueAt === undefined) return { settings: {}, problems };
  table.rows.forEach((row, index) => {
    const name = row[at];
    const value = row[valueAt];
    if (isBlank(name) || settingOf(String(name)) !== 'moneyUnit' || isBlank(value)) return;
    const unit = parseMoneyUnit(String(value));
    if (unit) moneyUnit = unit;
    else
      problems.push({
        row: index,
        value: String(value),
        why: L(
          `“${String(value)}”不是金额单位:请填 元、千元、万元 或 百万元(其他货币如 USD、万美元)`,
          `"${String(value)}" is not a money unit: write CNY, USD, USD thousands, USD millions…`,
        ),
      });
  });
  return { settings: moneyUnit ? { moneyUnit } : {}, problems };
}

const NOTES: Record<SettingKey, Localized> = {
  moneyUnit: L(
    '目标、商机金额、预测和报告都按这个单位计;导入时按导出文件表头的单位换算。',
    "Targets, deal amounts, forecasts and reports are all in this unit; imports convert from the unit in the export's header.",
  ),
};

/** The write that keeps `settings` in the table (each setting's row replaced, others kept). */
export function workbookSettingsWrites(
  settings: WorkbookSettings,
  table: Pick<TableSnapshot, 'sheetName' | 'tableName' | 'header' | 'firstColumn' | 'headerRow' | 'rows'>,
): TableWrite[] {
  const match = matchHeader(workbookSettings, table.header);
  const layout = specLayout(workbookSettings.columns, { ...table, rowCount: table.rows.length }, match, true);
  const locale: Locale = match.locale;
  const at = match.columns.get('setting');
  const writes: TableWrite[] = [];
  if (settings.moneyUnit && at !== undefined) {
    const name = SETTING_NAMES.moneyUnit[locale];
    // Key on the name the sheet already uses for the row (either language), so a second save replaces it.
    const existing = table.rows.map((row) => row[at]).find((cell) => !isBlank(cell) && settingOf(String(cell)) === 'moneyUnit');
    const values: Record<string, WriteCell> = {
      setting: existing === undefined || existing === null ? name : String(existing),
      value: moneyUnitLabel(settings.moneyUnit, locale),
      note: NOTES.moneyUnit[locale],
    };
    writes.push({
      location: layout.location,
      header: table.header,
      computed: layout.computed,
      rows: [layout.byPosition.map((column) => (column === undefined ? null : (values[column.key] ?? null)))],
      key: { column: at, value: String(values.setting) },
    });
  }
  return writes;
}

/** Whether a header is the settings table's. */
export const isWorkbookSettingsTable = (header: readonly string[]): boolean => {
  const { columns } = matchHeader(workbookSettings, header);
  return columns.has('setting') && columns.has('value');
};

const MONEY_LABELS: ReadonlySet<string> = new Set(
  TEMPLATES.flatMap((spec) => spec.columns.filter((c) => c.money === true).flatMap((c) => [c.label['zh-CN'], c.label['en-US']])),
);

/** The templates whose money headers may say the workbook's unit, most telling first. */
export const MONEY_HEADER_TEMPLATES = ['goals', 'deals', 'forecast', 'funnel'] as const satisfies readonly TemplateId[];

/** The unit a template table's money headers show (金额(万元), Amount (USD)), or undefined when none does. */
export function moneyUnitOfHeader(header: readonly string[]): MoneyUnit | undefined {
  for (const text of header) {
    const m = /^(.*?)\s*[(（]([^()（）]+)[)）]$/.exec(String(text ?? '').trim());
    if (m && MONEY_LABELS.has(m[1] ?? '')) {
      const unit = parseMoneyUnit(m[2] ?? '');
      if (unit) return unit;
    }
  }
  return undefined;
}
