/**
 * What made a version of the workbook, in both languages, for the version history (文件 File →
 * 版本历史): one home for these labels. The pane names each change it is about to make; the web
 * host sends the name with the next save, and keeps the version before an import, a link, a
 * write-back or a restore beyond the rolling window (`pinBefore`).
 */
import type { ChangeLabel } from './files';

export const CHANGE_LABELS = {
  template: (sheet: string): ChangeLabel => ({ label: { zh: `插入模板 ${sheet}`, en: `Inserted template ${sheet}` } }),
  importDeals: (rows: number): ChangeLabel => ({ label: { zh: `导入 ${rows} 个商机`, en: `Imported ${rows} deals` }, pinBefore: true }),
  dealSnapshot: (): ChangeLabel => ({ label: { zh: '保存商机快照', en: 'Saved a deal snapshot' } }),
  link: (): ChangeLabel => ({ label: { zh: '链接商机明细', en: 'Linked the deal register' }, pinBefore: true }),
  writeBack: (reviewId: string): ChangeLabel => ({
    label: { zh: `复盘写回 ${reviewId}`, en: `Review written back ${reviewId}` },
    pinBefore: true,
  }),
  report: (reviewId: string): ChangeLabel => ({ label: { zh: `复盘报告 ${reviewId}`, en: `Review report ${reviewId}` } }),
  goals: (period: string): ChangeLabel => ({ label: { zh: `目标分解 ${period}`.trim(), en: `Goal breakdown ${period}`.trim() } }),
} as const;
