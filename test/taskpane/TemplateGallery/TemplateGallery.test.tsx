/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TEMPLATES } from '../../../src/core';
import { TemplateGallery, type TemplateGalleryProps } from '../../../src/taskpane/TemplateGallery/TemplateGallery';
import { FilesContext } from '../../../src/taskpane/changeContext';
import { WorkbookContext } from '../../../src/taskpane/workbookContext';
import { MemoryFiles } from '../../workbook/memoryFiles';
import { MemoryWorkbook } from '../../workbook/memoryWorkbook';
import { createExcelWorkbook } from '../../../src/hosts/excel/excelWorkbook';
import { EXCEL_PROFILES } from '../../hosts/excel/excelProfiles';
import { MockExcel } from '../../hosts/excel/mockExcel';

function renderGallery(workbook: MemoryWorkbook, locale: 'zh-CN' | 'en-US' = 'zh-CN', props: Partial<TemplateGalleryProps> = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookContext.Provider value={workbook}>
        <TemplateGallery locale={locale} {...props} />
      </WorkbookContext.Provider>
    </FluentProvider>,
  );
}

describe('TemplateGallery', () => {
  it('names the change for the version history before inserting (插入模板 表2)', async () => {
    const files = new MemoryFiles();
    const workbook = new MemoryWorkbook();
    render(
      <FluentProvider theme={webLightTheme}>
        <WorkbookContext.Provider value={workbook}>
          <FilesContext.Provider value={files}>
            <TemplateGallery locale="zh-CN" />
          </FilesContext.Provider>
        </WorkbookContext.Provider>
      </FluentProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: '插入 表2 销售目标分解与跟踪表' }));
    await waitFor(() => expect(workbook.sheet('表2 销售目标分解与跟踪表')).toBeDefined());
    expect(files.labels).toEqual([
      { label: { zh: '插入模板 表2 销售目标分解与跟踪表', en: 'Inserted template 表2 销售目标分解与跟踪表' } },
    ]);
  });

  it('shows a card with an Insert button for each template', () => {
    renderGallery(new MemoryWorkbook());
    for (const spec of TEMPLATES) expect(screen.getByRole('button', { name: `插入 ${spec.sheetName['zh-CN']}` })).toBeTruthy();
    expect(TEMPLATES).toHaveLength(23);
  });

  it("names each card's source by the method's document and part, never by a file number", () => {
    const { container, unmount } = renderGallery(new MemoryWorkbook());
    expect(screen.getByText('来源: 《企业销售管理优化方案工具》表1')).toBeTruthy();
    expect(screen.getByText('来源: 《销售管理通过复盘机制持续优化》')).toBeTruthy();
    expect(container.textContent).not.toMatch(/来源: \d{3}/);
    unmount();
    renderGallery(new MemoryWorkbook(), 'en-US');
    expect(screen.getAllByText(/“Enterprise sales-management optimisation toolkit”, table 1$/)).toHaveLength(1);
  });

  it('inserts 表2 with sample rows and names the new sheet', async () => {
    const workbook = new MemoryWorkbook();
    renderGallery(workbook);
    await userEvent.click(screen.getByRole('button', { name: '插入 表2 销售目标分解与跟踪表' }));
    await screen.findByText('已插入工作表“表2 销售目标分解与跟踪表”(表格 GoalTracking)。');
    const plan = workbook.sheets[0]?.plan;
    expect(plan?.columns.map((c) => c.label)).toContain('达成率');
    expect(plan?.rows[0]?.[7]).toEqual({ formula: '=SALES.ATTAINMENT(G3,D3)' });
    expect(workbook.active).toBe('表2 销售目标分解与跟踪表');
  });

  it('uses native formulas when portable formulas are switched on, and no samples when off', async () => {
    const workbook = new MemoryWorkbook();
    renderGallery(workbook, 'en-US');
    await userEvent.click(screen.getByRole('switch', { name: 'Portable formulas (compute without the add-in)' }));
    await userEvent.click(screen.getByRole('switch', { name: 'Include sample rows' }));
    await userEvent.click(screen.getByRole('button', { name: 'Insert T2 Goal Breakdown & Tracking' }));
    await screen.findByText(/Inserted the sheet/);
    const rows = workbook.sheets[0]?.plan?.rows ?? [];
    expect(JSON.stringify(rows)).not.toContain('SALES.');
    expect(rows[0]?.[0]).toBeNull();
  });

  it('绩效考核 brings the 提成方案 its commission reads, once, and says so', async () => {
    const workbook = new MemoryWorkbook();
    renderGallery(workbook);
    const button = screen.getByRole('button', { name: '插入 绩效考核' });
    await userEvent.click(button);
    await screen.findByText('已插入工作表“绩效考核”(表格 PerformanceReview)。 它的公式引用的 “提成方案” 也已插入。');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['提成方案', '绩效考核']);
    const commission = workbook.sheets[1]?.plan?.columns.findIndex((c) => c.key === 'commission') ?? -1;
    expect(workbook.sheets[1]?.plan?.rows[0]?.[commission]).toEqual({
      formula: "=SALES.COMMISSION(C3,'提成方案'!$A$3:$A$12,'提成方案'!$B$3:$B$12)",
    });
    await userEvent.click(button);
    await screen.findByText('已插入工作表“绩效考核 (2)”(表格 PerformanceReview2)。');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['提成方案', '绩效考核', '绩效考核 (2)']);
  });

  it('a second insertion of the same template gets a new sheet name', async () => {
    const workbook = new MemoryWorkbook();
    renderGallery(workbook);
    const button = screen.getByRole('button', { name: '插入 表2 销售目标分解与跟踪表' });
    await userEvent.click(button);
    await screen.findByText(/已插入工作表“表2 销售目标分解与跟踪表”/);
    await userEvent.click(button);
    await screen.findByText(/表2 销售目标分解与跟踪表 \(2\)/);
    expect(workbook.sheets.map((s) => s.name)).toEqual(['表2 销售目标分解与跟踪表', '表2 销售目标分解与跟踪表 (2)']);
  });

  it('an Excel that placed something otherwise says so with the insertion (Excel 2021: prompts as comments)', async () => {
    const mock = new MockExcel({ profile: EXCEL_PROFILES.excel2021, sheets: [{ name: 'Sheet1' }] });
    const excel = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'en-US' });
    render(
      <FluentProvider theme={webLightTheme}>
        <WorkbookContext.Provider value={excel}>
          <TemplateGallery locale="en-US" />
        </WorkbookContext.Provider>
      </FluentProvider>,
    );
    const card = TEMPLATES.find((t) => t.id === 'oneOnOne');
    await userEvent.click(screen.getByRole('button', { name: `Insert ${card?.sheetName['en-US'] ?? ''}` }));
    await screen.findByText(/One-on-one prompts appear as comments \(notes need Microsoft 365 Version 2501/);
  });

  it('a failure shows an alert that says what to do', async () => {
    const workbook = new MemoryWorkbook();
    workbook.failWith = new Error('The workbook is protected');
    renderGallery(workbook, 'en-US');
    await userEvent.click(screen.getByRole('button', { name: 'Insert T1 Sales Diagnosis' }));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('The workbook is protected'));
    expect(alert.textContent).toContain('try again');
  });

  it('keeps keyboard focus on the Insert button while inserting, and ignores a second press', async () => {
    const workbook = new MemoryWorkbook();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const insert = workbook.insertTemplate.bind(workbook);
    workbook.insertTemplate = async (plan) => {
      await gate;
      return insert(plan);
    };
    renderGallery(workbook, 'en-US');
    const button = screen.getByRole('button', { name: 'Insert T2 Goal Breakdown & Tracking' });
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(button.textContent).toBe('Inserting…');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);
    await userEvent.keyboard('{Enter}');
    release();
    await screen.findByText(/Inserted the sheet/);
    expect(document.activeElement).toBe(button);
    expect(workbook.sheets).toHaveLength(1);
  });

  it('starts from the given defaults and reports changes so they are remembered', async () => {
    const changes: unknown[] = [];
    renderGallery(new MemoryWorkbook(), 'en-US', {
      defaults: { samples: false, portable: true },
      onDefaultsChange: (d) => changes.push(d),
    });
    const samples = screen.getByRole('switch', { name: 'Include sample rows' }) as HTMLInputElement;
    expect(samples.checked).toBe(false);
    expect((screen.getByRole('switch', { name: 'Portable formulas (compute without the add-in)' }) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(samples);
    expect(changes).toEqual([{ samples: true, portable: true }]);
  });
});
