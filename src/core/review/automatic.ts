/**
 * Steps 2 and 3 as the review does them by itself — 过程评估's areas and 问题诊断's findings, amounts
 * in the workbook's own unit — once for the pane's wizard and the command line's `report`, so the
 * two never build the chain differently.
 */
import type { Locale } from '../i18n';
import { moneyUnitLabel } from '../money';
import { moneyUnitOfData } from './dataChecks';
import { evaluateProcess } from './process';
import { diagnose } from './rules';
import type { Analysis, AreaEvaluation, Finding, ReviewThresholds, WorkbookData } from './types';

export interface AutomaticReview {
  readonly areas: AreaEvaluation[];
  readonly findings: Finding[];
  /** The workbook's money unit as written after figures (万元), when its money headers say one. */
  readonly moneyUnit?: string;
}

export interface AutomaticOptions {
  readonly locale: Locale;
  /** The review's day (截至日期). */
  readonly today: number;
  readonly thresholds?: ReviewThresholds;
}

export function automaticReview(analysis: Analysis, data: WorkbookData, options: AutomaticOptions): AutomaticReview {
  const { locale, today, thresholds } = options;
  const unit = moneyUnitOfData(data);
  const money = unit ? { moneyUnit: moneyUnitLabel(unit, locale) } : {};
  return {
    areas: evaluateProcess(analysis, locale),
    findings: diagnose(analysis, { locale, today, ...(thresholds ? { thresholds } : {}), ...money }),
    ...money,
  };
}
