/** @jest-environment jsdom */
/**
 * 团队汇总 in the pane: shown only where the host reads other spreadsheets (Google Sheets); it opens
 * 汇总来源 (inserting it), rolls up the listed spreadsheets with progress, and names what it left out.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { templateById } from '../../../src/core';
import { createSheetsPort, createSheetsWorkbook } from '../../../src/hosts/sheets/sheetsWorkbook';
import { TeamRollup } from '../../../src/taskpane/TeamRollup/TeamRollup';
import { WorkbookContext } from '../../../src/taskpane/workbookContext';
import type { WorkbookPort } from '../../../src/workbook/port';
import { createFakeSheets } from '../../hosts/sheets/fakeSheets';
import { MemoryWorkbook } from '../../workbook/memoryWorkbook';

const link = (id: string) => `https://docs.google.com/spreadsheets/d/${id.padEnd(44, '0')}/edit`;
const goals = templateById('goals');
const header = goals.columns.map((c) => c.label['zh-CN']);
const row = (values: Record<string, unknown>) => goals.columns.map((c) => values[c.key] ?? '');

function renderRollup(port: WorkbookPort) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookContext.Provider value={port}>
        <TeamRollup locale="zh-CN" />
      </WorkbookContext.Provider>
    </FluentProvider>,
  );
}

test('not shown where the host cannot read other spreadsheets', () => {
  const { container } = renderRollup(new MemoryWorkbook());
  expect(container.textContent).toBe('');
});

test('opens 汇总来源, rolls up the listed spreadsheets and names the one not yet allowed', async () => {
  const fake = createFakeSheets({
    linked: {
      [link('south')]: {
        allowed: true,
        ranges: {
          A1: [['表2']],
          GoalTracking: [header, row({ month: '2026-01', monthTarget: 180, actual: 165, region: '华南' })],
        },
      },
      [link('north')]: { allowed: false, ranges: {} },
    },
  });
  const port = createSheetsPort(createSheetsWorkbook(fake.services, 'zh-CN'));
  renderRollup(port);
  expect(screen.getByRole('group', { name: '团队汇总(Google 表格)' })).toBeTruthy();

  await userEvent.click(screen.getByRole('button', { name: '打开汇总来源' }));
  expect(fake.sheetNames()).toContain('汇总来源');
  const sources = await port.readTable({ sheetName: '汇总来源' });
  await port.writeTables([
    {
      location: { sheetName: '汇总来源', ...(sources.tableName ? { tableName: sources.tableName } : {}) },
      header: sources.header,
      computed: [],
      rows: [
        ['华南区', link('south'), null],
        ['华北区', link('north'), null],
      ],
    },
  ]);

  await userEvent.click(screen.getByRole('button', { name: '汇总' }));
  const outcome = await screen.findByText(/已汇总 1\/2 个来源/);
  expect(outcome.textContent).toContain('表2 销售目标分解与跟踪表');
  expect(screen.getByText('华南区:1 行')).toBeTruthy();
  expect(screen.getByText(/未汇总 华北区:尚未允许访问/)).toBeTruthy();
});
