/** @jest-environment jsdom */
/** Step 5 shows the deal changes beside the previous ones and the one-on-one commitments still to follow up. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import { emptyDraft, serialFromDate } from '../../../src/core';
import { FollowUpStep } from '../../../src/taskpane/ReviewWizard/FollowUpStep';

test('commitments to follow up and the change comparison are tables with their captions', () => {
  const today = serialFromDate(2024, 4, 1);
  const group = (count: number, amount: number, deals: string[] = []) => ({ count, amount, deals });
  render(
    <FluentProvider theme={webLightTheme}>
      <FollowUpStep
        locale="zh-CN"
        items={[]}
        draft={emptyDraft({ today, existingIds: [] })}
        raw={{}}
        dispatch={() => undefined}
        commitments={[
          {
            sheetRow: 3,
            rep: '华东区销售',
            commitment: '每周五提交跟进记录',
            due: serialFromDate(2024, 3, 15),
            done: null,
            state: 'missed',
            talkedOn: null,
          },
        ]}
        changes={[{ type: 'slipped', now: group(1, 600_000, ['S-1']), before: group(2, 800_000) }]}
      />
    </FluentProvider>,
  );
  const commitments = screen.getByRole('table', { name: '一对一面谈承诺(待跟进)' });
  expect(within(commitments).getByText('华东区销售 · 每周五提交跟进记录')).toBeTruthy();
  expect(within(commitments).getByText('2024-03-15')).toBeTruthy();
  expect(within(commitments).getByText('已逾期')).toBeTruthy();
  const changes = screen.getByRole('table', { name: '商机变动:本次与上次对比' });
  expect(within(changes).getByText('推迟')).toBeTruthy();
  expect(within(changes).getByText(/^1 · 600,000$/)).toBeTruthy();
});
