/**
 * 复盘排名 Review rankings: the team ranking of each report (core/review/rankings.ts writes it, keyed
 * by review id), so the next report can show each owner's rank change since the last review.
 * Written with the report, not inserted from the gallery.
 */
import { L } from '../../i18n';
import type { TemplateSpec } from '../types';

export const reviewRankings: TemplateSpec = {
  id: 'reviewRankings',
  sheetName: L('复盘排名', 'Review Rankings'),
  tableName: 'ReviewRankings',
  purpose: L(
    '每次复盘报告的团队排名,用于下次报告的“较上次”排名变化。',
    "Each review report's team ranking, for the next report's rank change.",
  ),
  source: { document: '003', part: L('五、建立常态化的业绩复盘与分析机制', 'method 5, regular performance reviews') },
  columns: [
    { key: 'reviewId', label: L('复盘编号', 'Review ID'), type: 'text', width: 14, required: true },
    { key: 'date', label: L('复盘日期', 'Review date'), type: 'date', width: 12, required: true },
    { key: 'owner', label: L('销售人员', 'Sales rep'), type: 'text', width: 14, required: true },
    { key: 'rank', label: L('排名', 'Rank'), type: 'integer', width: 8, required: true },
    { key: 'attainment', label: L('达成率', 'Attainment'), type: 'percent', width: 10 },
  ],
  samples: [],
  conditionalFormats: [],
};
