/**
 * On open, the pane says which meeting action items are overdue (issue 25: 逾期行动项 flagged in the
 * pane on open), naming the first few with their owners, and goes to them.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Locale } from '../../core';
import { overdueText } from './strings';
import { useOverdueActions } from './useOverdueActions';

const SHOWN = 3;
const systemNow = () => new Date();

export function OverdueActions({ locale, now = systemNow }: { readonly locale: Locale; readonly now?: () => Date }) {
  const { overdue, open } = useOverdueActions(now);
  if (!overdue) return null;
  const { items } = overdue;
  const names = items.slice(0, SHOWN).map((i) => overdueText(locale, 'item', { item: i.item, owner: i.owner, days: i.daysOverdue ?? 0 }));
  if (items.length > SHOWN) names.push(overdueText(locale, 'more', { count: items.length - SHOWN }));
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{overdueText(locale, 'title', { count: items.length })}</MessageBarTitle>
        {names.join(locale === 'zh-CN' ? ';' : '; ')}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => void open((items[0] as (typeof items)[number]).sheetRow)}>
          {overdueText(locale, 'open')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
