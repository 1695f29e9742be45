/**
 * What this Excel can do, in words a manager can act on: the ExcelApi level it reports and, for each
 * feature the add-in uses above the manifest's minimum, whether it is there and which Excel brings it
 * (Microsoft's "Excel JavaScript API requirement sets" table, office-js-docs-reference). The isSetSupported checks in the code
 * use the same versions; test/hosts/excel/apiSets.test.ts holds the two together.
 */
import { L, type Localized } from '../../core';
import type { HostSupport } from '../../workbook/port';
import type { SetSupport } from './excelApi';

/** The ExcelApi versions from the manifest's minimum up, and the first Excel builds that have each. */
const EXCEL_API_VERSIONS: readonly {
  readonly version: string;
  readonly windows: string;
  readonly mac: string;
  readonly perpetual?: string;
}[] = [
  { version: '1.9', windows: '1903', mac: '16.24', perpetual: 'Excel 2021' },
  { version: '1.10', windows: '1907', mac: '16.30', perpetual: 'Excel 2021' },
  { version: '1.11', windows: '2002', mac: '16.33', perpetual: 'Excel 2021' },
  { version: '1.12', windows: '2008', mac: '16.40', perpetual: 'Excel 2021' },
  { version: '1.13', windows: '2102', mac: '16.50', perpetual: 'Excel 2021' },
  { version: '1.14', windows: '2108', mac: '16.52', perpetual: 'Excel 2021' },
  { version: '1.15', windows: '2202', mac: '16.58', perpetual: 'Excel 2024' },
  { version: '1.16', windows: '2208', mac: '16.64', perpetual: 'Excel 2024' },
  { version: '1.17', windows: '2302', mac: '16.70', perpetual: 'Excel 2024' },
  { version: '1.18', windows: '2501', mac: '16.93' },
  { version: '1.19', windows: '2504', mac: '16.96' },
  { version: '1.20', windows: '2509', mac: '16.100' },
];

/** Which Excel to upgrade to for an ExcelApi version. */
export function excelFor(version: string): Localized {
  const row = EXCEL_API_VERSIONS.find((v) => v.version === version);
  if (!row) return L(`支持 ExcelApi ${version} 的 Excel`, `an Excel with ExcelApi ${version}`);
  const perpetual = row.perpetual ? ` / ${row.perpetual}` : '';
  return L(
    `Microsoft 365 版本 ${row.windows} 及以上、Mac 版 ${row.mac}+${perpetual} 或 Excel 网页版`,
    `Microsoft 365 Version ${row.windows} or later, Mac ${row.mac}+${perpetual}, or Excel on the web`,
  );
}

/** The features above the minimum: what is missing without each, and what keeps its purpose. */
export const EXCEL_FEATURES: readonly { readonly set: string; readonly version: string; readonly without: Localized }[] = [
  {
    set: 'CustomFunctionsRuntime',
    version: '1.3',
    without: L(
      '此 Excel 不运行自定义函数(如 iPad 版):SALES.* / 销售.* 公式显示 #NAME?,模板请选“通用公式”。',
      'This Excel runs no custom functions (Excel on iPad, for one): SALES.* formulas show #NAME?; insert templates with portable formulas.',
    ),
  },
  {
    set: 'ExcelApi',
    version: '1.18',
    without: L('一对一面谈的提示问题以批注显示(备注需要 {excel})。', 'One-on-one prompts appear as comments (notes need {excel}).'),
  },
  {
    set: 'ExcelApi',
    version: '1.11',
    without: L(
      '无法读取区域设置的分隔符:含 SALES 的公式按“,”和“.”写入;若区域设置使用“;”,请升级到 {excel}。',
      'The regional separators cannot be read: SALES formulas are written with “,” and “.”; if your region uses “;”, upgrade to {excel}.',
    ),
  },
  {
    set: 'ExcelApi',
    version: '1.13',
    without: L(
      '表格靠 Excel 的自动扩展增长:请保持“自动更正 › 表中包含新行和列”开启(或升级到 {excel})。',
      'Tables grow by Excel’s auto-expansion: keep AutoCorrect’s “Include new rows and columns in table” on (or upgrade to {excel}).',
    ),
  },
];

/** What a missing feature means here, with the Excel that brings it filled in. */
export function missingFeature(set: string, version: string): Localized | undefined {
  const feature = EXCEL_FEATURES.find((f) => f.set === set && f.version === version);
  if (!feature) return undefined;
  const excel = excelFor(version);
  return L(feature.without['zh-CN'].replace('{excel}', excel['zh-CN']), feature.without['en-US'].replace('{excel}', excel['en-US']));
}

/** This Excel, as the Settings pane shows it. */
export function excelSupport(isSetSupported: SetSupport): HostSupport {
  let level = '';
  for (const { version } of EXCEL_API_VERSIONS) if (isSetSupported('ExcelApi', version)) level = version;
  const functions = isSetSupported('CustomFunctionsRuntime', '1.3');
  const summary = L(
    `此 Excel:ExcelApi ${level || '< 1.9'}${functions ? ',支持 SALES 函数' : ''}。`,
    `This Excel: ExcelApi ${level || '< 1.9'}${functions ? ', SALES functions available' : ''}.`,
  );
  const limits = EXCEL_FEATURES.filter((f) => !isSetSupported(f.set, f.version)).flatMap((f) => missingFeature(f.set, f.version) ?? []);
  return { summary, limits };
}
