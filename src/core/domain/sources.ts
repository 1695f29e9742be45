/**
 * The method's documents (docs/DOMAIN.md §0) and where in them a sheet comes from, as a user reads
 * it: the document's title and its part, never a file number.
 */
import { L, type Locale, type Localized } from '../i18n';

const SOURCE_DOCUMENTS = {
  '000': L('销售管理通过复盘机制持续优化', 'Improving sales management through reviews'),
  '001': L('销售管理如何检查工作', 'How sales managers check the work'),
  '002': L('企业销售管理优化方案工具', 'Enterprise sales-management optimisation toolkit'),
  '003': L('销售业绩跟踪管理十种有效方法', 'Ten ways to track sales performance'),
  '004': L('销售流程系统的全面解析', 'The sales process system explained'),
} as const satisfies Record<string, Localized>;

export type SourceDocument = keyof typeof SOURCE_DOCUMENTS;

/** A sheet's origin in the method: a document and, where it has one, its part (表1, 第四步, §2). */
export interface SourceRef {
  readonly document: SourceDocument;
  readonly part?: Localized;
}

/** 《企业销售管理优化方案工具》表1 / "Enterprise sales-management optimisation toolkit", table 1. */
export function sourceLabel(source: SourceRef, locale: Locale): string {
  const title = SOURCE_DOCUMENTS[source.document][locale];
  const part = source.part?.[locale];
  if (locale === 'zh-CN') return `《${title}》${part ?? ''}`;
  return part === undefined ? `“${title}”` : `“${title}”, ${part}`;
}
