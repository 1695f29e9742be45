import {
  type PlanCell,
  TEMPLATES,
  TONE_COLORS,
  type TemplateId,
  type TemplatePlan,
  type TemplateSpec,
  cellAddress,
  localizeFormula,
  planTemplate,
  templateById,
} from '../../../src/core';
import { cellNumberFormat, formulaLanguage } from '../../../src/hosts/excel/excelCells';
import { TABLE_STYLE, TITLE_FONT_SIZE, columnWidthPoints } from '../../../src/hosts/excel/excelTemplates';
import { createExcelWorkbook } from '../../../src/hosts/excel/excelWorkbook';
import { WorkbookError } from '../../../src/workbook/port';
import { EXCEL_PROFILES } from './excelProfiles';
import { type CellModel, MockExcel, type MockExcelOptions, type SheetModel, boxAddress, parseAddress } from './mockExcel';

const spec = (id: TemplateId): TemplateSpec => templateById(id);

const GOALS_ZH = '表2 销售目标分解与跟踪表';

async function insert(plan: TemplatePlan, displayLanguage = 'en-US', options: MockExcelOptions = {}) {
  const mock = new MockExcel(options);
  const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage });
  const result = await port.insertTemplate(plan);
  const sheet = mock.sheet(result.sheetName);
  if (!sheet) throw new Error(`sheet ${result.sheetName} was not created`);
  return { mock, port, result, sheet };
}

const cellAt = (sheet: SheetModel, row: number, col: number): CellModel | undefined => sheet.cells.get(cellAddress(row, col));
const cell = (sheet: SheetModel, address: string): CellModel | undefined => sheet.cells.get(address);
const isFormula = (c: PlanCell): c is { formula: string } => typeof c === 'object' && c !== null;
const lastRun = (mock: MockExcel) => {
  const run = mock.runs[mock.runs.length - 1];
  if (!run) throw new Error('no run');
  return run;
};

describe('Excel host: 表2 goals, en-US', () => {
  const plan = planTemplate(spec('goals'), { locale: 'en-US', samples: true, portable: false });

  it('adds a sheet, writes the title and one 2-D block through `formulas`, in two syncs', async () => {
    const { mock, result, sheet } = await insert(plan);
    expect(result).toEqual({ sheetName: 'T2 Goal Breakdown & Tracking', tableName: 'GoalTracking', tableAddress: 'A2:M9' });
    expect(mock.runs).toHaveLength(1);
    expect(lastRun(mock).syncs).toBe(2);

    expect(cell(sheet, 'A1')).toMatchObject({ kind: 'text', value: plan.title, via: 'values' });
    expect(sheet.formats).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ address: 'A1', path: 'font.bold', value: true }),
        expect.objectContaining({ address: 'A1', path: 'font.size', value: TITLE_FONT_SIZE }),
      ]),
    );

    const blocks = sheet.writes.filter((w) => w.address === 'A2:M9');
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.property).toBe('formulas');
    expect(sheet.writes.filter((w) => w.property === 'formulasLocal')).toHaveLength(0);
    expect(blocks[0]?.data[0]).toEqual(plan.columns.map((c) => c.label));
    expect(blocks[0]?.data[0]).toEqual([
      'Quarter',
      'Quarter target',
      'Month',
      'Monthly target',
      'Region',
      'Owner',
      'Monthly actual',
      'Attainment',
      'Gap',
      'Variance analysis & actions',
      'Stretch target',
      'Challenge target',
      'Tier reached',
    ]);

    expect(cell(sheet, 'H3')).toMatchObject({ kind: 'formula', value: '=SALES.ATTAINMENT(G3,D3)', numberFormat: '0.0%' });
    expect(cell(sheet, 'I3')).toMatchObject({ kind: 'formula', value: '=SALES.GAP(G3,D3)' });
    expect(cell(sheet, 'H9')).toMatchObject({ kind: 'formula', value: '=SALES.ATTAINMENT(G9,D9)' });
    expect(cell(sheet, 'C3')).toMatchObject({ kind: 'text', value: '2024-03', numberFormat: '@' });
    expect(cell(sheet, 'G3')).toMatchObject({ kind: 'number', value: 165 });
    expect(cell(sheet, 'G4')).toMatchObject({ kind: 'blank' });
  });

  it('a sample shown as another type gets its own number format: 效果评估 shows the rate as 12.0%', async () => {
    const evaluation = planTemplate(spec('evaluation'), { locale: 'zh-CN', samples: true, portable: false });
    const { sheet } = await insert(evaluation, 'zh-CN');
    expect(cell(sheet, 'C3')).toMatchObject({ kind: 'number', value: 0.12, numberFormat: '0.0%' });
    expect(cell(sheet, 'D3')).toMatchObject({ kind: 'number', value: 0.18, numberFormat: '0.0%' });
    expect(cell(sheet, 'C4')).toMatchObject({ kind: 'number', value: 60, numberFormat: 'General' });
  });

  it('sets every column’s number format on header + data before the block is written', async () => {
    const { sheet } = await insert(plan);
    const expected = ['@', '#,##0.0', '@', '#,##0.0', '@', '@', '#,##0.0', '0.0%', '#,##0.0', '@', '#,##0.0', '#,##0.0', 'General'];
    expect(plan.columns.map((c) => cellNumberFormat(c))).toEqual(expected);
    for (let row = 1; row <= 8; row++) {
      expected.forEach((format, col) => expect(cellAt(sheet, row, col)?.numberFormat).toBe(format));
    }
    const block = sheet.writes.find((w) => w.address === 'A2:M9');
    expect(sheet.numberFormats.length).toBeGreaterThan(0);
    for (const nf of sheet.numberFormats) {
      expect(nf.seq).toBeLessThan(block?.seq ?? 0);
      // header row through the last data row
      expect(parseAddress(nf.address)).toMatchObject({ top: 1, bottom: 8 });
    }
    for (const c of sheet.cells.values()) {
      expect(c.formulaAsText).toBeUndefined();
      expect(c.converted).toBeUndefined();
    }
  });

  it('makes a real table, sizes columns, freezes two rows, colours 达成率, adds the chart and activates the sheet', async () => {
    const { mock, sheet } = await insert(plan);
    const table = mock.tables.find((t) => t.name === 'GoalTracking');
    expect(table).toMatchObject({ address: 'A2:M9', style: TABLE_STYLE, headers: plan.columns.map((c) => c.label) });
    expect(table?.sheet).toBe(sheet);

    // 表2 has no drop-down columns; its typed number columns (not 达成率 or 差距, computed) refuse text.
    const number = { formula1: -1e15, formula2: 1e15, operator: 'Between' };
    expect(sheet.validations.map(({ address, rule, errorAlert }) => ({ address, rule, errorAlert }))).toEqual(
      [
        ['B3:B9', 'Quarter target'],
        ['D3:D9', 'Monthly target'],
        ['G3:G9', 'Monthly actual'],
        ['K3:K9', 'Stretch target'],
        ['L3:L9', 'Challenge target'],
      ].map(([address, title]) => ({
        address,
        rule: { decimal: number },
        errorAlert: { showAlert: true, style: 'Stop', title, message: `"${title}" takes a number.` },
      })),
    );
    expect(sheet.columnWidths.get(0)).toBe(columnWidthPoints(10));
    expect(sheet.columnWidths.get(9)).toBe(columnWidthPoints(40));
    expect(columnWidthPoints(10)).toBe(78);
    expect(sheet.frozenRows).toBe(2);

    expect(sheet.conditionalFormats.map(({ address, type, rule, fill, font }) => ({ address, type, rule, fill, font }))).toEqual([
      {
        address: 'H3:H9',
        type: 'CellValue',
        rule: { formula1: '=0.9', operator: 'LessThan' },
        fill: TONE_COLORS.bad.fill,
        font: TONE_COLORS.bad.font,
      },
      {
        address: 'H3:H9',
        type: 'CellValue',
        rule: { formula1: '=0.9', formula2: '=0.999999999', operator: 'Between' },
        fill: TONE_COLORS.warn.fill,
        font: TONE_COLORS.warn.font,
      },
      {
        address: 'H3:H9',
        type: 'CellValue',
        rule: { formula1: '=1', operator: 'GreaterThanOrEqual' },
        fill: TONE_COLORS.good.fill,
        font: TONE_COLORS.good.font,
      },
    ]);

    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({
      type: 'ColumnClustered',
      source: 'D2:D9',
      seriesBy: 'Columns',
      title: 'Monthly target vs actual',
      series: [
        { values: 'D2:D9', xAxis: 'C3:C9' },
        { name: 'Monthly actual', values: 'G3:G9', xAxis: 'C3:C9' },
      ],
    });
    // right of the table (M) with one empty column
    expect(sheet.charts[0]?.position?.[0]).toBe('O2');

    expect(mock.activeSheet).toBe(sheet);
    expect(sheet.activations).toBe(1);
  });
});

describe('Excel host: 表2 goals, zh-CN', () => {
  const plan = planTemplate(spec('goals'), { locale: 'zh-CN', samples: true, portable: false });

  it('writes through `formulasLocal` with 销售.* names under a zh-CN display language', async () => {
    const { mock, result, sheet } = await insert(plan, 'zh-CN');
    expect(result).toEqual({ sheetName: GOALS_ZH, tableName: 'GoalTracking', tableAddress: 'A2:M9' });
    expect(lastRun(mock).syncs).toBe(2);
    expect(sheet.writes.filter((w) => w.property === 'formulas')).toHaveLength(0);
    const block = sheet.writes.find((w) => w.address === 'A2:M9');
    expect(block?.property).toBe('formulasLocal');
    expect(block?.data[0]).toEqual([
      '季度',
      '季度目标',
      '月份',
      '月度分解目标',
      '负责区域',
      '负责人',
      '月度实际完成',
      '达成率',
      '差距',
      '差异分析及改进措施',
      '冲刺目标',
      '挑战目标',
      '达成档位',
    ]);
    expect(cell(sheet, 'H3')).toMatchObject({ kind: 'formula', value: '=销售.达成率(G3,D3)', via: 'formulasLocal', numberFormat: '0.0%' });
    expect(cell(sheet, 'I3')?.value).toBe(localizeFormula('=SALES.GAP(G3,D3)', 'zh-CN'));
    expect(String(cell(sheet, 'I3')?.value)).toMatch(/^=销售\./);
    expect(cell(sheet, 'E3')).toMatchObject({ kind: 'text', value: '华南区', numberFormat: '@' });
    expect(mock.tables.find((t) => t.sheet === sheet)?.headers).toEqual(block?.data[0]);
  });

  it('writes invariant SALES.* names through `formulas` when Excel’s UI is English, whatever the plan language', async () => {
    const { sheet } = await insert(plan, 'en-US');
    expect(cell(sheet, 'H3')).toMatchObject({ kind: 'formula', value: '=SALES.ATTAINMENT(G3,D3)', via: 'formulas' });
  });

  it('keeps SALES.* names (the manifest only localizes zh-CN) but types them locally under zh-TW', async () => {
    const { sheet } = await insert(plan, 'zh-TW');
    expect(cell(sheet, 'H3')).toMatchObject({ kind: 'formula', value: '=SALES.ATTAINMENT(G3,D3)', via: 'formulasLocal' });
  });

  it('chooses the formula properties from the display language', () => {
    const local = { sales: 'formulasLocal', native: 'formulasLocal' };
    expect(formulaLanguage('zh-CN')).toMatchObject({ ...local, names: 'zh-CN' });
    expect(formulaLanguage('zh-cn')).toMatchObject({ ...local, names: 'zh-CN' });
    expect(formulaLanguage('zh-Hans-CN')).toMatchObject({ ...local, names: 'zh-CN' });
    expect(formulaLanguage('zh-TW')).toMatchObject({ ...local, names: 'en-US' });
    expect(formulaLanguage('en-US')).toMatchObject({ sales: 'formulas', native: 'formulas', names: 'en-US' });
    // SALES names through `formulas` give #NAME? under some display languages (office-js#891, #6614).
    expect(formulaLanguage('de-DE')).toMatchObject({ sales: 'formulasLocal', native: 'formulas', names: 'en-US' });
    expect(formulaLanguage('tr-TR')).toMatchObject({ sales: 'formulasLocal', native: 'formulas', names: 'en-US' });
  });
});

describe('Excel host: other templates’ details', () => {
  it('puts drop-down lists on the data rows of list columns and colours 影响程度 by text (表1, zh-CN)', async () => {
    const plan = planTemplate(spec('diagnosis'), { locale: 'zh-CN', samples: true, portable: false });
    const { sheet, result } = await insert(plan, 'zh-CN');
    expect(result.tableAddress).toBe('A2:H10');
    expect(sheet.validations.map(({ address, rule }) => ({ address, rule }))).toEqual([
      {
        address: 'A3:A10',
        rule: { list: { inCellDropDown: true, source: '线索管理,客户跟进,客户转化,团队协作,目标达成,流程,工具,市场,客户反馈,团队能力' } },
      },
      { address: 'D3:D10', rule: { list: { inCellDropDown: true, source: '高,中,低' } } },
    ]);
    expect(sheet.conditionalFormats.map(({ address, rule, fill }) => ({ address, rule, fill }))).toEqual([
      { address: 'D3:D10', rule: { formula1: '="高"', operator: 'EqualTo' }, fill: TONE_COLORS.bad.fill },
      { address: 'D3:D10', rule: { formula1: '="中"', operator: 'EqualTo' }, fill: TONE_COLORS.warn.fill },
    ]);
    expect(cell(sheet, 'G3')?.numberFormat).toBe('yyyy-mm-dd');
    expect(sheet.charts).toHaveLength(0);
  });

  it('colours FALSE in 是否达标 (lead grading) and greater-than in 延期天数 (表3)', async () => {
    const leads = await insert(planTemplate(spec('leads'), { locale: 'en-US', samples: true, portable: false }));
    expect(leads.sheet.conditionalFormats.map((c) => c.rule)).toEqual([{ formula1: '=FALSE', operator: 'EqualTo' }]);
    const execution = await insert(planTemplate(spec('execution'), { locale: 'en-US', samples: true, portable: false }));
    expect(execution.sheet.conditionalFormats[0]?.rule).toEqual({ formula1: '=0', operator: 'GreaterThan' });
    // 状态 is a text-typed computed column: General, or Excel would keep the formula as text
    expect(cell(execution.sheet, 'H3')).toMatchObject({ kind: 'formula', numberFormat: 'General' });
    expect(cell(execution.sheet, 'F3')?.numberFormat).toBe('@');
  });

  it('writes the funnel’s bottleneck cell beside the table and a Funnel chart right of it', async () => {
    const plan = planTemplate(spec('funnel'), { locale: 'en-US', samples: true, portable: false });
    const { mock, sheet, result } = await insert(plan);
    const last = plan.headerRow + plan.rows.length + 1; // 1-based last data row
    // Stage, count … weighted (A–H), then 阶段标准's entry, exit and expected days (I–K).
    expect(result.tableAddress).toBe(`A2:K${last}`);
    const summary = plan.summary[0];
    if (!summary || !isFormula(summary.value)) throw new Error('funnel has a summary formula');
    expect(cell(sheet, 'M2')).toMatchObject({ kind: 'text', value: 'Bottleneck stage' });
    expect(sheet.formats).toEqual(expect.arrayContaining([expect.objectContaining({ address: 'M2', path: 'font.bold', value: true })]));
    expect(cell(sheet, 'M3')).toMatchObject({ kind: 'formula', value: summary.value.formula, numberFormat: 'General' });
    expect(summary.value.formula).toMatch(/^=SALES\.BOTTLENECK\(/);
    expect(sheet.charts[0]).toMatchObject({
      type: 'Funnel',
      source: `A2:B${last}`,
      seriesBy: 'Columns',
      title: 'Sales funnel',
      series: [{ values: `B3:B${last}`, xAxis: `A3:A${last}` }],
      position: ['O2', expect.any(String)],
    });
    // Excel refuses series calls on a funnel (office-js#2971): its source holds stages and counts.
    expect(lastRun(mock).locations.filter((l) => l.startsWith('ChartSeries'))).toEqual([]);
  });

  it('keeps user text as text: `=…` in a text column, `+…` in a number column', async () => {
    const base = planTemplate(spec('goals'), { locale: 'en-US', samples: true, portable: false });
    const rows = base.rows.map((row) => [...row]);
    const first = rows[0];
    if (!first) throw new Error('goals has rows');
    first[9] = '=HYPERLINK("http://example.invalid","click")';
    first[1] = '+cmd|x';
    const { sheet } = await insert({ ...base, rows });
    expect(cell(sheet, 'J3')).toMatchObject({ kind: 'text', value: '=HYPERLINK("http://example.invalid","click")', numberFormat: '@' });
    expect(cell(sheet, 'B3')).toMatchObject({ kind: 'text', value: '+cmd|x' });
  });
});

describe('Excel host: sync budget', () => {
  const spec2 = spec('goals');

  it.each([
    ['5 rows', 5],
    ['5,000 rows', 5000],
  ])('inserts 表2 with %s in one run and 2 syncs', async (_label, rows) => {
    const plan = planTemplate(spec2, { locale: 'zh-CN', samples: false, portable: false, blankRows: rows });
    expect(plan.rows).toHaveLength(rows);
    const { mock, sheet, result } = await insert(plan, 'zh-CN');
    // The regional separators are read once per pane (one sync), then the insertion: one run, 2 syncs.
    expect(mock.runs.map((r) => r.syncs)).toEqual([1, 2]);
    expect(result.tableAddress).toBe(`A2:M${rows + 2}`);
    const block = sheet.writes.filter((w) => w.property === 'formulasLocal' && w.address === result.tableAddress);
    expect(block).toHaveLength(1);
    expect(block[0]?.data).toHaveLength(rows + 1);
    expect(cell(sheet, `H${rows + 2}`)?.value).toBe(`=销售.达成率(G${rows + 2},D${rows + 2})`);
  });

  it('queues the same number of commands for 5 and 5,000 rows', async () => {
    const small = await insert(planTemplate(spec2, { locale: 'en-US', samples: false, portable: false, blankRows: 5 }));
    const large = await insert(planTemplate(spec2, { locale: 'en-US', samples: false, portable: false, blankRows: 5000 }));
    expect(lastRun(large.mock).commands).toBe(lastRun(small.mock).commands);
    expect(lastRun(large.mock).syncs).toBe(2);
  });

  it('fails when the host would need more syncs than the mock allows', async () => {
    const mock = new MockExcel({ maxSyncsPerRun: 1 });
    const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'en-US' });
    await expect(port.insertTemplate(planTemplate(spec2, { locale: 'en-US', samples: true, portable: false }))).rejects.toThrow(/sync #2/);
  });
});

describe('Excel host: never touches an existing sheet', () => {
  const existing = {
    name: GOALS_ZH,
    cells: {
      A1: [['我的旧数据']],
      A2: [
        ['季度', '季度目标'],
        ['2023 Q4', 400],
      ],
    },
    tables: [{ name: 'GoalTracking', address: 'A2:B3' }],
  };

  it('picks `表2 … (2)` and a new table name; the existing sheet is unchanged and not deleted', async () => {
    const mock = new MockExcel({ sheets: [existing, { name: 'Sheet1' }] });
    const before = mock.snapshot(GOALS_ZH);
    const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'zh-CN' });
    const result = await port.insertTemplate(planTemplate(spec('goals'), { locale: 'zh-CN', samples: true, portable: false }));

    expect(result).toEqual({ sheetName: `${GOALS_ZH} (2)`, tableName: 'GoalTracking2', tableAddress: 'A2:M9' });
    expect(mock.sheets.map((s) => s.name)).toEqual([GOALS_ZH, 'Sheet1', `${GOALS_ZH} (2)`]);
    expect(mock.snapshot(GOALS_ZH)).toEqual(before);
    expect(mock.sheet(GOALS_ZH)?.writes).toEqual([]);
    expect(mock.tables.map((t) => [t.name, t.sheet.name, t.address])).toEqual([
      ['GoalTracking', GOALS_ZH, 'A2:B3'],
      ['GoalTracking2', `${GOALS_ZH} (2)`, 'A2:M9'],
    ]);
    expect(mock.activeSheet?.name).toBe(`${GOALS_ZH} (2)`);
    expect(lastRun(mock).syncs).toBe(2);
  });

  it('avoids table names and defined names already in the workbook, case-insensitively', async () => {
    const mock = new MockExcel({
      sheets: [{ name: 'Data', tables: [{ name: 'goaltracking', address: 'A1:B2' }] }],
      names: ['GoalTracking2'],
    });
    const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'en-US' });
    const result = await port.insertTemplate(planTemplate(spec('goals'), { locale: 'en-US', samples: false, portable: false }));
    expect(result.tableName).toBe('GoalTracking3');
    expect(result.sheetName).toBe('T2 Goal Breakdown & Tracking');
  });

  it('a third insertion gets (3)', async () => {
    const mock = new MockExcel({ sheets: [existing, { name: `${GOALS_ZH} (2)` }] });
    const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'zh-CN' });
    const result = await port.insertTemplate(planTemplate(spec('goals'), { locale: 'zh-CN', samples: false, portable: false }));
    expect(result.sheetName).toBe(`${GOALS_ZH} (3)`);
  });
});

describe('Excel host: every template', () => {
  const cases = TEMPLATES.flatMap((t) =>
    [true, false].flatMap((samples) =>
      [true, false].flatMap((portable) => (['en-US', 'zh-CN'] as const).map((locale) => [t.id, samples, portable, locale] as const)),
    ),
  );

  it.each(cases)(
    '%s (samples %s, portable %s, %s) inserts in ≤ 2 syncs with every formula cell a formula',
    async (id, samples, portable, locale) => {
      const plan = planTemplate(spec(id), { locale, samples, portable });
      const { mock, sheet, result } = await insert(plan, locale);
      expect(lastRun(mock).syncs).toBeLessThanOrEqual(2);

      const block = sheet.writes.find((w) => w.address === result.tableAddress);
      if (!block) throw new Error('no block write');
      expect(block.property).toBe(locale === 'zh-CN' ? 'formulasLocal' : 'formulas');
      expect(block.data).toHaveLength(plan.rows.length + 1);
      plan.rows.forEach((row, r) =>
        row.forEach((planned, c) => {
          const written = block.data[r + 1]?.[c];
          const model = cellAt(sheet, plan.headerRow + 1 + r, c);
          if (isFormula(planned)) {
            expect(typeof written).toBe('string');
            expect(String(written).startsWith('=')).toBe(true);
            expect(model?.kind).toBe('formula');
            if (portable) expect(String(written)).not.toMatch(/SALES\.|销售\./);
          } else {
            expect(model?.kind).not.toBe('formula');
          }
        }),
      );
      for (const summary of plan.summary) {
        const model = cellAt(sheet, summary.valueCell.row, summary.valueCell.col);
        expect(model?.kind).toBe('formula');
        expect(String(model?.value).startsWith('=')).toBe(true);
      }
      for (const c of sheet.cells.values()) expect(c.converted).toBeUndefined();

      const table = mock.tables.find((t) => t.sheet === sheet);
      expect(table?.headers).toEqual(plan.columns.map((c) => c.label));
      expect(sheet.frozenRows).toBe(2);
      expect(sheet.charts).toHaveLength(plan.chart ? 1 : 0);
      expect(sheet.validations).toHaveLength(plan.columns.filter((c) => c.list || c.numberRule).length);
      expect(sheet.conditionalFormats).toHaveLength(plan.conditionalFormats.length);
      expect(mock.activeSheet).toBe(sheet);
    },
  );
});

describe('Excel host: errors and partial failures', () => {
  const plan = planTemplate(spec('funnel'), { locale: 'en-US', samples: true, portable: false });

  const goals = planTemplate(spec('goals'), { locale: 'en-US', samples: true, portable: false });

  it('keeps the sheet when only the chart fails (a series call this Excel refuses)', async () => {
    const { mock, sheet, result } = await insert(goals, 'en-US', { failAt: { 'ChartSeries.setXAxisValues': 'InvalidArgument' } });
    expect(result.sheetName).toBe(goals.sheetName);
    expect(mock.tables.find((t) => t.sheet === sheet)?.name).toBe(goals.tableName);
    expect(mock.activeSheet).toBe(sheet);
    expect(sheet.charts[0]?.series[0]?.xAxis).toBeUndefined();
  });

  it('places the chart beside the table before its series, so a failing series leaves it out of the way', async () => {
    const { sheet } = await insert(goals, 'en-US', { failAt: { 'ChartSeries.setXAxisValues': 'InvalidArgument' } });
    expect(sheet.charts[0]?.position?.[0]).toMatch(/^[A-Z]+2$/);
  });

  // Office.js applies a batch up to the failing command: without cleanup the sheet stayed half-built.
  it.each(['TableCollection.add', 'Range.numberFormat', 'Worksheet.activate'])(
    'all or nothing: a failure at %s leaves no half-built sheet',
    async (location) => {
      const mock = new MockExcel({ sheets: [{ name: 'Sheet1' }], failAt: { [location]: 'GeneralException' }, maxSyncsPerRun: 2 });
      const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'en-US' });
      await expect(port.insertTemplate(plan)).rejects.toBeInstanceOf(WorkbookError);
      expect(mock.sheets.map((s) => s.name)).toEqual(['Sheet1']);
      expect(mock.tables).toEqual([]);
    },
  );

  it('a failing add (the name taken meanwhile by someone else) deletes nothing', async () => {
    const mock = new MockExcel({ sheets: [{ name: 'Sheet1' }], failAt: { 'WorksheetCollection.add': 'ItemAlreadyExists' } });
    const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'en-US' });
    await expect(port.insertTemplate(plan)).rejects.toThrow(/name was just taken/);
    expect(mock.runs.flatMap((r) => r.locations)).not.toContain('Worksheet.delete');
  });

  it('turns a failure elsewhere into a WorkbookError', async () => {
    const mock = new MockExcel({ failAt: { 'TableCollection.add': 'InvalidArgument' } });
    const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'en-US' });
    const error: unknown = await port.insertTemplate(plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toMatch(/InvalidArgument/);
    expect((error as WorkbookError).sheet).toBe('Sales Funnel');
  });

  it.each([
    ['en-US', /Press Enter or Esc/],
    ['zh-CN', /按 Enter 或 Esc/],
  ])('says how to leave cell-edit mode (%s) and writes nothing', async (language, message) => {
    const mock = new MockExcel({ sheets: [{ name: 'Sheet1' }], cellEditMode: true });
    const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: language });
    await expect(port.insertTemplate(plan)).rejects.toThrow(message);
    await expect(port.insertTemplate(plan)).rejects.toBeInstanceOf(WorkbookError);
    expect(mock.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('says to unprotect a protected workbook', async () => {
    const mock = new MockExcel({ sheets: [{ name: 'Sheet1' }], failAt: { 'WorksheetCollection.add': 'AccessDenied' } });
    const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'en-US' });
    await expect(port.insertTemplate(plan)).rejects.toThrow(/Unprotect/);
    expect(mock.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(mock.tables).toEqual([]);
  });
});

describe('Excel host: listSheets and activateSheet', () => {
  const options: MockExcelOptions = {
    sheets: [
      { name: 'Sheet1' },
      {
        name: 'Data',
        cells: {
          A1: [
            ['a', 'b'],
            [1, 2],
          ],
        },
        tables: [{ name: 'Sales', address: 'A1:B2' }],
      },
    ],
  };

  it('lists sheets with their tables in one sync', async () => {
    const mock = new MockExcel(options);
    const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'en-US' });
    expect(port.host).toBe('Excel');
    await expect(port.listSheets()).resolves.toEqual([
      { name: 'Sheet1', tables: [] },
      { name: 'Data', tables: ['Sales'] },
    ]);
    expect(lastRun(mock).syncs).toBe(1);
  });

  it('activates a sheet, and names a missing one in the error', async () => {
    const mock = new MockExcel(options);
    const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'en-US' });
    await port.activateSheet('Data');
    expect(mock.activeSheet?.name).toBe('Data');
    const error: unknown = await port.activateSheet('Missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toMatch(/"Missing" was not found/);
    expect((error as WorkbookError).sheet).toBe('Missing');
  });
});

describe('the Excel mock is strict', () => {
  it('rejects an extra sync', async () => {
    const mock = new MockExcel();
    await expect(
      mock.run(async (context) => {
        await context.sync();
        await context.sync();
        await context.sync();
      }),
    ).rejects.toThrow(/sync #3/);
  });

  it('rejects a write to a sheet before it exists', async () => {
    const mock = new MockExcel();
    await expect(
      mock.run(async (context) => {
        context.workbook.worksheets.getItem('New').getRange('A1').values = [['x']];
        context.workbook.worksheets.add('New');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('rejects reading what was not loaded', async () => {
    const mock = new MockExcel({ sheets: [{ name: 'Sheet1', tables: [{ name: 'T', address: 'A1:B2' }] }] });
    await expect(
      mock.run(async (context) => {
        const sheets = context.workbook.worksheets.load('items/name');
        return sheets.items.length; // before sync
      }),
    ).rejects.toThrow(/not loaded/);
    await expect(
      mock.run(async (context) => {
        const sheets = context.workbook.worksheets.load('items/name');
        await context.sync();
        expect(sheets.items[0]?.name).toBe('Sheet1');
        return sheets.items[0]?.position; // loaded name only
      }),
    ).rejects.toThrow(/not loaded/);
    await expect(
      mock.run(async (context) => {
        const tables = context.workbook.tables.load('items/name');
        await context.sync();
        return tables.items[0]?.worksheet.name;
      }),
    ).rejects.toThrow(/not loaded/);
    await expect(
      mock.run(async (context) => {
        const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
        return range.formulas;
      }),
    ).rejects.toThrow(/not loaded/);
  });

  it('rejects commands left unsynced and arrays of the wrong shape', async () => {
    const mock = new MockExcel({ sheets: [{ name: 'Sheet1' }] });
    await expect(
      mock.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x']];
      }),
    ).rejects.toThrow(/queued after the last sync/);
    await expect(
      mock.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').formulas = [['x']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('types cells as Excel does', () => {
    expect(boxAddress(parseAddress('$A$2:J9'))).toBe('A2:J9');
    const mock = new MockExcel({ sheets: [{ name: 'S' }] });
    return mock.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A1:A2').numberFormat = [['@']];
      sheet.getRange('A1:C2').formulas = [
        ['=1+1', '=1+1', "'=1+1"],
        ['2024-03', '2024-03', 'text'],
      ];
      await context.sync();
      const model = mock.sheet('S');
      expect(model && cell(model, 'A1')).toMatchObject({ kind: 'text', formulaAsText: true });
      expect(model && cell(model, 'B1')).toMatchObject({ kind: 'formula' });
      expect(model && cell(model, 'C1')).toMatchObject({ kind: 'text', value: '=1+1' });
      expect(model && cell(model, 'A2')).toMatchObject({ kind: 'text', value: '2024-03' });
      expect(model && cell(model, 'B2')).toMatchObject({ kind: 'number', converted: true });
    });
  });
});

describe('Excel host: header notes', () => {
  it('一对一面谈 adds its prompt questions as notes on the header cells, still in two syncs', async () => {
    const plan = planTemplate(spec('oneOnOne'), { locale: 'zh-CN', samples: true, portable: false });
    const { mock, sheet } = await insert(plan, 'zh-CN', { profile: EXCEL_PROFILES.m365 });
    expect(lastRun(mock).syncs).toBe(2);
    const expected = plan.columns.flatMap((c, i) => (c.note ? [[cellAddress(plan.headerRow, i), c.note]] : []));
    expect([...sheet.notes]).toEqual(expected);
    expect(expected).toHaveLength(4);
  });

  // Office.js throws ApiNotFound the moment `worksheet.notes` is touched on an Excel below 1.18:
  // Excel 2021 (1.14) and 2024 could not insert 一对一面谈 at all.
  it('Excel 2021 (ExcelApi 1.14): the prompt questions go in comments on the header cells, in two syncs', async () => {
    const plan = planTemplate(spec('oneOnOne'), { locale: 'zh-CN', samples: true, portable: false });
    const { mock, result, sheet } = await insert(plan, 'zh-CN', { profile: EXCEL_PROFILES.excel2021 });
    expect(result.tableName).toBe('OneOnOnes');
    expect(lastRun(mock).syncs).toBe(2);
    expect(sheet.notes.size).toBe(0);
    expect([...sheet.comments]).toEqual(plan.columns.flatMap((c, i) => (c.note ? [[cellAddress(plan.headerRow, i), c.note]] : [])));
    // …and says so, naming the Excel that has notes.
    expect(result.notices?.map((n) => n['zh-CN'])).toEqual([expect.stringMatching(/批注显示.*2501/)]);
  });

  it('ExcelApi 1.9 alone: no notes nor comments, the sheet, table and formats all there', async () => {
    const plan = planTemplate(spec('oneOnOne'), { locale: 'en-US', samples: true, portable: false });
    const { result, sheet } = await insert(plan, 'en-US', {
      profile: { id: 'custom', label: 'ExcelApi 1.9 only', sets: { ExcelApi: '1.9' } },
    });
    expect(result.tableName).toBe('OneOnOnes');
    expect([sheet.notes.size, sheet.comments.size]).toEqual([0, 0]);
    expect(sheet.frozenRows).toBe(2);
  });

  it('notes failing at sync (a host that refuses them) still keep the sheet', async () => {
    const plan = planTemplate(spec('oneOnOne'), { locale: 'en-US', samples: true, portable: false });
    const { result, sheet } = await insert(plan, 'en-US', {
      profile: EXCEL_PROFILES.m365,
      failAt: { 'NoteCollection.add': 'GeneralException' },
    });
    expect(result.tableName).toBe('OneOnOnes');
    expect(sheet.notes.size).toBe(0);
  });
});
