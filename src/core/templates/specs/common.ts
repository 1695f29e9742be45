import { L } from '../../i18n';
import type { ColumnSpec, ConditionalFormatSpec } from '../types';

export const SEVERITY = [L('高', 'High'), L('中', 'Medium'), L('低', 'Low')] as const;

/** The review id stamped on rows the wizard writes, so a second run updates instead of duplicating. */
export const reviewIdColumn: ColumnSpec = { key: 'reviewId', label: L('复盘编号', 'Review ID'), type: 'text', width: 14 };

/** 达成率 colours (source 002 表2, docs/DOMAIN.md): below 90% red, 90–100% amber, from 100% green. */
export const attainmentColours = (column: string): ConditionalFormatSpec[] => [
  { column, rule: { kind: 'lessThan', value: 0.9 }, tone: 'bad' },
  { column, rule: { kind: 'between', min: 0.9, max: 0.999999999 }, tone: 'warn' },
  { column, rule: { kind: 'atLeast', value: 1 }, tone: 'good' },
];
