/** @jest-environment jsdom */
/**
 * Read once (issue 26): in a workbook holding every template of the method plus a sheet of the
 * user's own, choosing a CRM export and importing it read each table at most once — the tables
 * found with the pick travel into the import, the register is not read back after the write, and
 * sheets are found by name, not by reading their headers. The numbers imported are unchanged.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TEMPLATES, planTemplate, templateById } from '../../../src/core';
import { DealImport } from '../../../src/taskpane/DealImport/DealImport';
import { WorkbookContext } from '../../../src/taskpane/workbookContext';
import type { TableLocation } from '../../../src/workbook/port';
import { MemoryWorkbook } from '../../workbook/memoryWorkbook';

const EXPORT = [
  '商机编号,商机名称,客户,负责人,阶段,金额(元),预计成交日期,状态',
  'C-1,门店收银,华南商贸,华南区销售,方案提交,1200000,2024-03-28,进行中',
  'C-2,仓储系统,华东物流,华东区销售,商务谈判,500000,2024-04-15,进行中',
].join('\n');

function file(text: string, name: string): File {
  const bytes = new TextEncoder().encode(text);
  const f = new File([bytes], name);
  if (typeof f.arrayBuffer !== 'function') Object.assign(f, { arrayBuffer: async () => bytes.buffer });
  return f;
}

/** A MemoryWorkbook that counts full-table reads per sheet. */
class CountingWorkbook extends MemoryWorkbook {
  readonly reads = new Map<string, number>();
  override async readTable(location: TableLocation) {
    const table = await super.readTable(location);
    this.reads.set(table.sheetName, (this.reads.get(table.sheetName) ?? 0) + 1);
    return table;
  }
}

test('choosing a file and importing read each table at most once', async () => {
  const workbook = new CountingWorkbook();
  for (const spec of TEMPLATES) await workbook.insertTemplate(planTemplate(spec, { locale: 'zh-CN', samples: true, portable: true }));
  await workbook.insertTemplate(planTemplate(templateById('goals'), { locale: 'zh-CN', samples: false, portable: true }));
  const sheets = workbook.sheets.length;
  workbook.reads.clear();

  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookContext.Provider value={workbook}>
        <DealImport locale="zh-CN" />
      </WorkbookContext.Provider>
    </FluentProvider>,
  );
  await user.upload(screen.getByTestId('deal-import-input'), file(EXPORT, 'crm-20240301.csv'));
  await screen.findByText(/crm-20240301\.csv:2 行,8 列/);
  await user.click(screen.getByRole('button', { name: '导入' }));
  await screen.findByText(/新增 2,更新 0/);

  const twice = [...workbook.reads].filter(([, n]) => n > 1);
  expect(twice).toEqual([]);
  // The register and the three tables an import keeps beside it, and the money tables whose headers may
  // tell the unit (工作簿设置 does not say one yet) — never the other sheets of the method.
  const wanted = ['deals', 'dealSnapshots', 'importMappings', 'workbookSettings', 'goals', 'forecast', 'funnel'] as const;
  const names = new Set(wanted.map((id) => templateById(id).sheetName['zh-CN']));
  expect([...workbook.reads.keys()].filter((sheet) => !names.has(sheet))).toEqual([]);
  expect(sheets).toBeGreaterThan(20);
  const register = workbook.sheets.find((s) => s.name === '商机明细');
  const ids = register?.rows.map((r) => r[0]).filter((v) => typeof v === 'string' && v.startsWith('C-'));
  expect(ids).toEqual(['C-1', 'C-2']);
});
