/** @jest-environment jsdom */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FilePanel } from '../../../src/taskpane/FilePanel/FilePanel';
import { MemoryFiles } from '../../workbook/memoryFiles';

const setup = (files = new MemoryFiles(), locale: 'zh-CN' | 'en-US' = 'en-US') => {
  render(<FilePanel locale={locale} files={files} />);
  return files;
};

describe('FilePanel', () => {
  it('opens another workbook of the folder', async () => {
    const files = setup();
    expect(await screen.findByText('Workbooks folder: /home/me/workbooks')).toBeTruthy();
    await userEvent.click(screen.getByRole('combobox'));
    await userEvent.click(screen.getByRole('option', { name: 'west.xlsx' }));
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(files.calls).toEqual(['open west.xlsx']);
  });

  it('uploads the chosen .xlsx from the keyboard-reachable button', async () => {
    const files = setup();
    await userEvent.upload(screen.getByTestId('upload-input'), new File(['x'], 'north.xlsx'));
    await waitFor(() => expect(files.calls).toEqual(['upload north.xlsx']));
  });

  it('the primary download computes anywhere (portable); the SALES.* form is the second choice', async () => {
    const files = setup();
    files.frozenToValues = 2;
    await userEvent.click(screen.getByRole('button', { name: 'Download .xlsx' }));
    expect(await screen.findByText(/Downloaded "team\.xlsx"\. 2 formulas have no native form/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Download .xlsx with SALES functions (for Excel with the add-in)' }));
    expect(await screen.findByText('Downloaded "team (SALES).xlsx".')).toBeTruthy();
    expect(files.calls).toEqual(['download portable', 'download xlsx']);
  });

  it('names the copy the work is saved to, what the original holds, and converts only when confirmed', async () => {
    const files = new MemoryFiles();
    files.fileStatus = {
      fileName: 'team.xlsx',
      target: 'copy',
      targetName: 'team (销售复盘).xlsx',
      lost: [
        { kind: 'charts', count: 3 },
        { kind: 'pivotTables', count: 1 },
      ],
      lostText: { zh: '3 个图表、1 个数据透视表', en: '3 charts, 1 pivot table' },
      readOnly: false,
      revision: 2,
      exportedRevision: 2,
    };
    setup(files);
    expect(
      await screen.findByText('The file "team.xlsx" is never written; changes are saved to the copy "team (销售复盘).xlsx".'),
    ).toBeTruthy();
    expect(screen.getByText('The file holds what the copy cannot keep: 3 charts, 1 pivot table.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Convert the original (loses the above)' }));
    expect(files.calls).toEqual([]);
    expect(screen.getByText(/Overwrite "team\.xlsx" .* This loses: 3 charts, 1 pivot table\./)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Convert' }));
    await waitFor(() => expect(files.calls).toEqual(['target original']));
  });

  it('imports a CSV as a new sheet, and asks which sheet of a many-sheet .xlsx', async () => {
    const files = setup();
    await userEvent.upload(screen.getByTestId('import-input'), new File(['a,b\n1,2'], '商机.csv'));
    expect(await screen.findByText('Imported as the sheet "商机" (3 rows).')).toBeTruthy();
    files.imports = [
      { kind: 'chooseSheet', sheetNames: ['Deals', 'Leads'] },
      { kind: 'inserted', sheetName: 'Leads', rows: 40, notImported: ['charts'] },
    ];
    await userEvent.upload(screen.getByTestId('import-input'), new File(['x'], 'crm.xlsx'));
    expect(await screen.findByText('"crm.xlsx" has several sheets: choose one to import')).toBeTruthy();
    await userEvent.click(screen.getByRole('combobox', { name: /crm\.xlsx/ }));
    await userEvent.click(screen.getByRole('option', { name: 'Leads' }));
    await userEvent.click(screen.getByRole('button', { name: 'Import this sheet' }));
    expect(await screen.findByText('Imported as the sheet "Leads" (40 rows). Not brought in: charts.')).toBeTruthy();
    expect(files.calls).toEqual(['import 商机.csv', 'import crm.xlsx', 'import crm.xlsx Leads']);
  });

  it('lists versions newest first with Restore on each earlier one', async () => {
    const files = setup(new MemoryFiles(), 'zh-CN');
    const list = await screen.findByRole('list', { name: '版本历史' });
    expect(list.querySelectorAll('li').length).toBe(4);
    const items = [...list.querySelectorAll('li')].map((li) => li.textContent ?? '');
    const time = items[0]?.split(' · ')[1];
    expect(items).toEqual([
      `第 3 版 · ${time} · 插入模板 表2\uFF08当前\uFF09`,
      `第 2 版 · ${time} · 编辑 · 长期保留恢复`,
      `第 1 版 · ${time} · 新建恢复`,
      `${time} · 原始文件(原样保存的文件)恢复`,
    ]);
    const buttons = screen.getAllByRole('button', { name: /^恢复第 \d 版/ });
    expect(buttons.map((b) => b.getAttribute('aria-label')?.split('版')[0])).toEqual(['恢复第 2 ', '恢复第 1 ']);
    await userEvent.click(buttons[0] as HTMLElement);
    await userEvent.click(screen.getByRole('button', { name: /^恢复原始文件/ }));
    expect(files.calls).toEqual(['restore 2', 'restore file original-20261201T080000000Z.xlsx']);
  });

  it('a failure shows as an alert saying what went wrong', async () => {
    const files = setup();
    files.failNext = new Error('Cannot reach the local server');
    await userEvent.click(screen.getByRole('button', { name: 'Download .xlsx' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That did not work: Cannot reach the local server');
  });
});
