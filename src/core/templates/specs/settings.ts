/**
 * 工作簿设置 Workbook settings: what the workbook says about itself, so every host and every file
 * reads the same — today the money unit every target, deal and report figure is in
 * (core/settings.ts reads and writes it). Inserted by the goal split, an import or Settings.
 */
import { L } from '../../i18n';
import type { TemplateSpec } from '../types';

export const workbookSettings: TemplateSpec = {
  id: 'workbookSettings',
  sheetName: L('工作簿设置', 'Workbook Settings'),
  tableName: 'WorkbookSettings',
  purpose: L(
    '本工作簿的设置:金额单位(目标、商机和报告都按它计)。',
    "This workbook's settings: the money unit targets, deals and reports are all in.",
  ),
  source: { document: '000', part: L('数据收集', 'data collection') },
  columns: [
    { key: 'setting', label: L('设置项', 'Setting'), type: 'text', width: 16, required: true },
    { key: 'value', label: L('值', 'Value'), type: 'text', width: 16, required: true },
    { key: 'note', label: L('说明', 'Note'), type: 'text', width: 48 },
  ],
  samples: [],
  conditionalFormats: [],
};
