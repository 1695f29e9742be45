/**
 * One new row appended to a template's table as read (either language, any column order): input
 * values by column key, every computed column its template's formula. What 预测提报's calls and
 * 销售例会's drafted agenda both write; nothing is ever written over a row.
 */
import { missingColumnMessage } from '../domain/messages';
import type { Localized } from '../i18n';
import type { CellValue, TableSnapshot, TableWrite, WriteCell } from '../workbook';
import { specLayout } from './layout';
import { matchHeader } from './locate';
import { templateReferences } from './plan';
import type { TemplateSpec } from './types';

export type RowWritePlan = { readonly ok: true; readonly write: TableWrite } | { readonly ok: false; readonly message: Localized };

export function appendRowWrite(
  spec: TemplateSpec,
  values: Readonly<Record<string, CellValue | undefined>>,
  table: Pick<TableSnapshot, 'sheetName' | 'tableName' | 'header' | 'firstColumn' | 'headerRow'>,
  options: { readonly portable?: boolean; readonly needs: readonly string[] },
): RowWritePlan {
  const match = matchHeader(spec, table.header);
  const missing = options.needs
    .filter((key) => !match.columns.has(key))
    .map((key) => spec.columns.find((c) => c.key === key)?.label[match.locale] ?? key);
  if (missing.length > 0) return { ok: false, message: missingColumnMessage(table.sheetName, missing, 'nothingWritten') };
  const layout = specLayout(spec.columns, table, match, options.portable ?? false, templateReferences(spec, match.locale));
  const row = layout.byPosition.map(
    (column): WriteCell => (column === undefined ? null : column.formula ? layout.formulaCell(column) : (values[column.key] ?? null)),
  );
  return { ok: true, write: { location: layout.location, header: table.header, computed: layout.computed, rows: [row] } };
}
