/** @jest-environment jsdom */
/**
 * 本工作簿的金额单位 on the Settings tab: read from the money headers or 工作簿设置, saved into
 * 工作簿设置, and the sheets still written in another unit are named — never rescaled.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SAMPLE_MONEY_UNIT, planTemplate, readWorkbookSettings, templateById } from '../../../src/core';
import { WorkbookUnit } from '../../../src/taskpane/WorkbookUnit/WorkbookUnit';
import { WorkbookContext } from '../../../src/taskpane/workbookContext';
import { MemoryWorkbook } from '../../workbook/memoryWorkbook';

function renderUnit(workbook: MemoryWorkbook) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookContext.Provider value={workbook}>
        <WorkbookUnit locale="zh-CN" />
      </WorkbookContext.Provider>
    </FluentProvider>,
  );
}

test('a workbook whose 表2 says 万元 shows it; saving 元 keeps it in 工作簿设置 and names 表2 as still in 万元', async () => {
  const user = userEvent.setup();
  const workbook = new MemoryWorkbook();
  await workbook.insertTemplate(
    planTemplate(templateById('goals'), { locale: 'zh-CN', samples: true, portable: false, moneyUnit: SAMPLE_MONEY_UNIT }),
  );
  renderUnit(workbook);
  await screen.findByText('工作簿尚未设定单位;金额列标题写的是 万元。');
  const select = screen.getByRole('combobox', { name: /本工作簿的金额单位/ }) as HTMLSelectElement;
  expect(select.selectedOptions[0]?.textContent).toBe('万元');
  await user.selectOptions(select, '元');
  await user.click(screen.getByRole('button', { name: '保存金额单位' }));
  await screen.findByText('已把金额单位 元 保存到“工作簿设置”。');
  expect(screen.getByText(/这些表的金额仍是按 万元 填写的,数字不会被换算:表2 销售目标分解与跟踪表/)).toBeTruthy();
  const settings = await workbook.readTable({ sheetName: '工作簿设置' });
  expect(readWorkbookSettings(settings).settings.moneyUnit).toEqual({ scale: 1, currency: 'CNY' });
  // The 表2 numbers are untouched: 180 stays 180.
  const goals = await workbook.readTable({ sheetName: '表2 销售目标分解与跟踪表' });
  expect(goals.rows[0]?.[goals.header.indexOf('月度分解目标(万元)')]).toBe(180);
});

test('an empty workbook has no unit yet: nothing to save until one is chosen', async () => {
  const user = userEvent.setup();
  const workbook = new MemoryWorkbook();
  renderUnit(workbook);
  const select = (await screen.findByRole('combobox', { name: /本工作簿的金额单位/ })) as HTMLSelectElement;
  expect(select.selectedOptions[0]?.textContent).toBe('(尚未设定)');
  expect(screen.getByRole('button', { name: '保存金额单位' }).getAttribute('aria-disabled')).toBe('true');
  await user.selectOptions(select, '万元');
  await user.click(screen.getByRole('button', { name: '保存金额单位' }));
  await screen.findByText('已把金额单位 万元 保存到“工作簿设置”。');
});
