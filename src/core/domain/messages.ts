/** Messages more than one layer shows, worded once. */
import { L, type Localized } from '../i18n';

/** What happens to the work when a header is missing: a write is refused, an analysis skips the sheet. */
export type MissingColumnOutcome = 'nothingWritten' | 'sheetSkipped';

const OUTCOME: Readonly<Record<MissingColumnOutcome, Localized>> = {
  nothingWritten: L('请恢复列标题后重试;未写入任何内容。', 'Restore the header and try again; nothing was written.'),
  sheetSkipped: L('该表未参与分析。', 'The sheet was left out of the analysis.'),
};

/** "Sheet X has no column Y": one or more columns, by the labels the sheet's template gives them. */
export function missingColumnMessage(sheet: string, columns: readonly string[] | string, outcome: MissingColumnOutcome): Localized {
  const list = typeof columns === 'string' ? [columns] : columns;
  const zh = list.map((c) => `“${c}”`).join('、');
  const en = list.map((c) => `"${c}"`).join(', ');
  return L(
    `工作表“${sheet}”缺少列${zh}(或已改名)。${OUTCOME[outcome]['zh-CN']}`,
    `Sheet "${sheet}" has no column ${en} (missing or renamed). ${OUTCOME[outcome]['en-US']}`,
  );
}
