/** The overdue action items' banner text, zh-CN and en-US. */
import { translator } from '../strings';

export const overdueText = translator({
  title: { 'zh-CN': '{count} 项例会行动项已逾期', 'en-US': '{count} meeting action items are overdue' },
  item: { 'zh-CN': '{item}({owner},逾期 {days} 天)', 'en-US': '{item} ({owner}, {days} days overdue)' },
  more: { 'zh-CN': '另有 {count} 项', 'en-US': '{count} more' },
  open: { 'zh-CN': '打开行动项', 'en-US': 'Open Action Items' },
});
