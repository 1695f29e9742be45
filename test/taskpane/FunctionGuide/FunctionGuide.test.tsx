/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FUNCTIONS, qualifiedName } from '../../../src/core';
import { FunctionGuide, exampleFormula, matchesQuery } from '../../../src/taskpane/FunctionGuide/FunctionGuide';
import { WorkbookContext } from '../../../src/taskpane/workbookContext';
import { MemoryWorkbook } from '../../workbook/memoryWorkbook';

function renderGuide(workbook: MemoryWorkbook, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookContext.Provider value={workbook}>
        <FunctionGuide locale={locale} />
      </WorkbookContext.Provider>
    </FluentProvider>,
  );
}

/** The accordion headers (one button per function). */
const headers = () => screen.getAllByRole('button', { expanded: false }).concat(screen.queryAllByRole('button', { expanded: true }));

describe('FunctionGuide', () => {
  it('lists every catalogue function with its localized name and parameters', () => {
    renderGuide(new MemoryWorkbook());
    expect(headers()).toHaveLength(FUNCTIONS.length);
    expect(screen.getByText(`显示 ${FUNCTIONS.length} / ${FUNCTIONS.length} 个函数`)).toBeTruthy();
    for (const spec of FUNCTIONS)
      expect(screen.getByRole('button', { name: new RegExp(`^${qualifiedName(spec, 'zh-CN').replace('.', '\\.')}\\(`) })).toBeTruthy();
    expect(screen.getByRole('button', { name: '销售.达成率(实际, 目标, [方向])' })).toBeTruthy();
  });

  it('opens a function: description in both languages, parameters, the worked example', async () => {
    renderGuide(new MemoryWorkbook());
    await userEvent.click(screen.getByRole('button', { name: '销售.达成率(实际, 目标, [方向])' }));
    const item = document.querySelector('[data-function="ATTAINMENT"]') as HTMLElement;
    expect(within(item).getByText('目标达成率:实际 / 目标;支持负目标和越低越好的指标。')).toBeTruthy();
    expect(within(item).getByText(/英文 Excel 中:SALES\.ATTAINMENT/)).toBeTruthy();
    expect(within(item).getByText('[方向]')).toBeTruthy();
    expect(item.textContent).toContain('"higher"(默认,越高越好)或 "lower" / -1(越低越好)。(可选)');
    expect(within(item).getByText('=销售.达成率(165,180)')).toBeTruthy();
    expect(within(item).getByText('结果:91.7%')).toBeTruthy();
  });

  it.each([
    ['underscored', 'SALES_ATTAINMENT(实际, 目标, [方向])', '=SALES_ATTAINMENT(165,180)'],
    ['dotted', 'SALES.ATTAINMENT(实际, 目标, [方向])', '=SALES.ATTAINMENT(165,180)'],
  ] as const)('spells names and examples as the host does (%s), and still inserts the en-US form', async (spelling, header, example) => {
    const workbook = new MemoryWorkbook();
    workbook.functionSpelling = spelling;
    renderGuide(workbook, 'zh-CN');
    await userEvent.click(screen.getByRole('button', { name: header }));
    const item = document.querySelector('[data-function="ATTAINMENT"]') as HTMLElement;
    expect(within(item).getByText(example)).toBeTruthy();
    expect(item.textContent).not.toContain('销售.达成率');
    await userEvent.click(within(item).getByRole('button', { name: new RegExp(`把 ${example.replace(/[.()]/g, '\\$&')}`) }));
    await screen.findByText(new RegExp(`^已在.*插入 ${example.replace(/[.()]/g, '\\$&')}`));
    expect(workbook.insertedFormulas.map((f) => f.formula)).toEqual(['=SALES.ATTAINMENT(165,180)']);
  });

  it('inserts the example formula (en-US form) into the selected cell, by keyboard', async () => {
    const workbook = new MemoryWorkbook();
    workbook.selection = { sheet: 'Sheet1', row: 4, col: 2 };
    renderGuide(workbook, 'en-US');
    const header = screen.getByRole('button', { name: 'SALES.ATTAINMENT(actual, target, [polarity])' });
    header.focus();
    await userEvent.keyboard('{Enter}');
    expect(header.getAttribute('aria-expanded')).toBe('true');
    const insert = screen.getByRole('button', { name: 'Insert =SALES.ATTAINMENT(165,180) into the selected cell' });
    insert.focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByText(
      'Inserted =SALES.ATTAINMENT(165,180) in C5 on “Sheet1”. Replace the example values with your own cells, e.g. G3 and D3.',
    );
    expect(workbook.insertedFormulas).toEqual([{ sheetName: 'Sheet1', address: 'C5', formula: '=SALES.ATTAINMENT(165,180)' }]);
  });

  it('filters by name, description or parameter in either language', async () => {
    renderGuide(new MemoryWorkbook());
    const search = screen.getByRole('searchbox', { name: '搜索函数' });
    await userEvent.type(search, 'coverage');
    expect(headers().map((h) => h.textContent)).toEqual(['销售.覆盖率(在途商机, 目标, [已成交])']);
    await userEvent.clear(search);
    await userEvent.type(search, '漏斗');
    expect(headers().length).toBeGreaterThanOrEqual(1);
    expect(screen.getByRole('button', { name: /^销售\.漏斗转化\(/ })).toBeTruthy();
    await userEvent.clear(search);
    await userEvent.type(search, 'zzz');
    expect(screen.getByText('没有匹配“zzz”的函数。')).toBeTruthy();
  });

  it('a failure says what to do', async () => {
    const workbook = new MemoryWorkbook();
    workbook.failWith = new Error('Cell is being edited');
    renderGuide(workbook, 'en-US');
    await userEvent.click(screen.getByRole('button', { name: /^SALES\.GAP\(/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Insert =SALES.GAP(165,180) into the selected cell' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Could not insert the formula: Cell is being edited. Select a cell in the sheet, leave cell-edit mode, and try again.',
    );
  });
});

describe('exampleFormula / matchesQuery', () => {
  it('every catalogue example becomes a SALES formula with its literal arguments', () => {
    for (const spec of FUNCTIONS) {
      expect(exampleFormula(spec)).toBe(`=SALES.${spec.id}(${spec.example.args.join(',')})`);
      expect(spec.example.args.length).toBeGreaterThanOrEqual(spec.params.filter((p) => !p.optional).length);
      expect(matchesQuery(spec, spec.id.toLowerCase())).toBe(true);
      expect(matchesQuery(spec, spec.name['zh-CN'])).toBe(true);
    }
    expect(exampleFormula(FUNCTIONS.find((f) => f.id === 'ATTAINMENT')!)).toBe('=SALES.ATTAINMENT(165,180)');
  });
});
