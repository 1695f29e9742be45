/**
 * Every template inserted into a headless Univer workbook through the web WorkbookPort, in zh-CN
 * and en-US, with SALES formulas (portable: false) and with native formulas (portable: true), and
 * the computed cells checked against the documents' numbers (docs/DESIGN.md §3): 165/180 → 91.7%,
 * 12% → 18% = +50%, 60 → 45 days = −25%, the CRM training 3 days late, lead SLAs, the funnel.
 * One Univer for the file, one workbook per language and formula mode.
 */

import { CellValueType, type ICellData } from '@univerjs/core';
import type { FWorkbook, FWorksheet } from '@univerjs/sheets/facade';
import { ConditionalFormattingService } from '@univerjs/sheets-conditional-formatting';
import {
  type Locale,
  POLARITY_SPELLINGS,
  type PlanCell,
  TEMPLATES,
  VERDICT_LABELS,
  TONE_COLORS,
  type TemplateId,
  type TemplatePlan,
  planTemplate,
  serialFromDate,
  templateById,
} from '../../../src/core';
import { type HeadlessUniver, createHeadlessUniver } from '../../../src/hosts/web/univerHeadless';
import { createUniverWorkbook } from '../../../src/hosts/web/univerWorkbook';
import type { InsertedTemplate, WorkbookPort } from '../../../src/workbook/port';
import { documentNumbers } from '../../support/documentNumbers';

const TODAY = serialFromDate(2024, 3, 25);
const MODES = [
  { portable: false, label: 'SALES formulas' },
  { portable: true, label: 'native formulas' },
] as const;

interface Inserted {
  readonly plan: TemplatePlan;
  readonly result: InsertedTemplate;
  readonly sheet: FWorksheet;
}

let host: HeadlessUniver;
const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
interface Book {
  readonly workbook: FWorkbook;
  readonly port: WorkbookPort;
  readonly inserted: Map<TemplateId, Inserted>;
}
/** Keyed by `${locale} ${portable}`; the zh-CN SALES book is the first workbook. */
const books = new Map<string, Book>();
const bookOf = (portable: boolean, locale: Locale = 'zh-CN'): Book | undefined => books.get(`${locale} ${portable}`);

const planOf = (id: TemplateId, portable: boolean, locale: Locale = 'zh-CN'): TemplatePlan =>
  planTemplate(templateById(id), { locale, samples: true, portable });

beforeAll(async () => {
  host = createHeadlessUniver('zh-CN', { today: TODAY });
  const first = host.api.getActiveWorkbook();
  if (!first) throw new Error('no workbook');
  for (const locale of LOCALES) {
    for (const { portable } of MODES) {
      const workbook = portable || locale !== 'zh-CN' ? host.api.createWorkbook({ name: `${locale} ${portable}` }) : first;
      const port = createUniverWorkbook(host.api, { workbook });
      const inserted = new Map<TemplateId, Inserted>();
      for (const spec of TEMPLATES) {
        const plan = planOf(spec.id, portable, locale);
        const result = await port.insertTemplate(plan);
        const sheet = workbook.getSheetByName(result.sheetName);
        if (!sheet) throw new Error(`sheet ${result.sheetName} missing`);
        inserted.set(spec.id, { plan, result, sheet });
      }
      books.set(`${locale} ${portable}`, { workbook, port, inserted });
    }
  }
  await host.api.getFormula().onCalculationResultApplied();
}, 120_000);

afterAll(async () => {
  await host?.dispose();
});

function get(portable: boolean, id: TemplateId, locale: Locale = 'zh-CN'): Inserted {
  const found = bookOf(portable, locale)?.inserted.get(id);
  if (!found) throw new Error(`${id} not inserted`);
  return found;
}

/** The cell of a data row (0-based within the data) under a column label. */
function at(ins: Inserted, dataRow: number, label: string) {
  const col = ins.plan.columns.findIndex((c) => c.label === label);
  if (col < 0) throw new Error(`no column ${label} in ${ins.plan.sheetName}`);
  return ins.sheet.getRange(ins.plan.headerRow + 1 + dataRow, col);
}

const raw = (ins: Inserted, dataRow: number, label: string) => at(ins, dataRow, label).getRawValue();
/** A blank computed cell: no value at all (SALES) or the empty text of IF(…,"",…) (native). */
const isBlank = (value: unknown): boolean => value === null || value === undefined || value === '';
/** Booleans come back as 1/0 cells of type BOOLEAN. */
function bool(ins: Inserted, dataRow: number, label: string): boolean | undefined {
  const data = at(ins, dataRow, label).getCellData();
  if (data?.t !== CellValueType.BOOLEAN) return undefined;
  return data.v === true || data.v === 1;
}

const ERROR_TEXT = /^#(DIV\/0!|VALUE!|NUM!|N\/A|NAME\?|REF!|SPILL!|CALC!|ERROR!|NULL!|CYCLE!)$/;

describe.each(MODES)('all templates in zh-CN with $label', ({ portable }) => {
  test('表2 销售目标分解与跟踪表: 165/180 = 91.7%, gap 15, April blank', () => {
    const goals = get(portable, 'goals');
    expect(raw(goals, 0, '负责区域')).toBe('华南区');
    expect(raw(goals, 0, '达成率')).toBeCloseTo(165 / 180, 10);
    expect(at(goals, 0, '达成率').getDisplayValue()).toBe('91.7%');
    expect(at(goals, 0, '达成率').getValue()).toBe('91.7%');
    expect(raw(goals, 0, '差距')).toBe(15);
    expect(raw(goals, 1, '月份')).toBe('2024-04');
    expect(isBlank(raw(goals, 1, '达成率'))).toBe(true);
    expect(isBlank(raw(goals, 1, '差距'))).toBe(true);
    expect(at(goals, 1, '达成率').getDisplayValue()).toBe('');
  });

  test('效果评估: +50% and −25%, both 达标', () => {
    const evaluation = get(portable, 'evaluation');
    expect(raw(evaluation, 0, '变化率')).toBeCloseTo(0.5, 12);
    expect(raw(evaluation, 1, '变化率')).toBeCloseTo(-0.25, 12);
    expect(raw(evaluation, 0, '结论')).toBe('达标');
    expect(raw(evaluation, 1, '结论')).toBe('达标');
  });

  test('表3 优化方案执行跟踪表: CRM training 3 days late, 延期完成', () => {
    const execution = get(portable, 'execution');
    expect(raw(execution, 0, '延期天数')).toBe(0);
    expect(raw(execution, 0, '状态')).toBe('按时完成');
    expect(raw(execution, 1, '优化措施')).toBe('CRM系统数据录入规范培训');
    expect(raw(execution, 1, '延期天数')).toBe(3);
    expect(raw(execution, 1, '状态')).toBe('延期完成');
  });

  test('线索分级: grades A/B/C, due in 2 h / 24 h / 168 h, SLA met TRUE/FALSE/TRUE', () => {
    const leads = get(portable, 'leads');
    expect([0, 1, 2].map((r) => raw(leads, r, '等级'))).toEqual(['A', 'B', 'C']);
    const hours = [2, 24, 168];
    hours.forEach((h, r) => {
      const received = Number(raw(leads, r, '接收时间'));
      expect(Number(raw(leads, r, '响应时限')) - received).toBeCloseTo(h / 24, 9);
    });
    expect(at(leads, 0, '响应时限').getDisplayValue()).toBe('2024-03-01 11:00');
    expect([0, 1, 2].map((r) => bool(leads, r, '是否达标'))).toEqual([true, false, true]);
  });

  test('销售漏斗: step and cumulative conversion, bottleneck 需求确认', () => {
    const funnel = get(portable, 'funnel');
    const step = [1, 0.6, 0.5, 0.5, 0.6, 5 / 9];
    const cumulative = [1, 0.6, 0.3, 0.15, 0.09, 0.05];
    step.forEach((v, r) => expect(raw(funnel, r, '阶段转化率')).toBeCloseTo(v, 4));
    cumulative.forEach((v, r) => expect(raw(funnel, r, '累计转化率')).toBeCloseTo(v, 9));
    const [summary] = funnel.plan.summary;
    if (!summary) throw new Error('funnel has no summary cell');
    expect(funnel.sheet.getRange(summary.labelCell.row, summary.labelCell.col).getRawValue()).toBe('瓶颈阶段');
    expect(funnel.sheet.getRange(summary.valueCell.row, summary.valueCell.col).getRawValue()).toBe('需求确认');
    // The blank rows below the samples stay blank.
    expect(isBlank(raw(funnel, 6, '阶段转化率'))).toBe(true);
  });

  test.each(TEMPLATES.map((t) => [t.id] as const))('%s: inserted with its table, headers, formats and no error cell', (id) => {
    const { plan, result, sheet } = get(portable, id);
    const { workbook } = bookOf(portable) ?? {};
    expect(result.sheetName).toBe(plan.sheetName);
    expect(result.tableName).toBe(plan.tableName);
    const lastRow = plan.headerRow + plan.rows.length;
    expect(result.tableAddress).toBe(`A2:${String.fromCharCode(64 + plan.columns.length)}${lastRow + 1}`);

    const table = workbook?.getTableInfoByName(plan.tableName);
    expect(table?.subUnitId).toBe(sheet.getSheetId());
    expect(table?.range).toEqual({ startRow: plan.headerRow, startColumn: 0, endRow: lastRow, endColumn: plan.columns.length - 1 });
    expect(table?.columns.map((c) => c.displayName)).toEqual(plan.columns.map((c) => c.label));
    expect(sheet.getRange(plan.headerRow, 0, 1, plan.columns.length).getRawValues()[0]).toEqual(plan.columns.map((c) => c.label));
    expect(sheet.getRange(0, 0).getRawValue()).toBe(plan.title);
    expect(sheet.getFrozenRows()).toBe(plan.headerRow + 1);
    plan.columns.forEach((column, c) => expect(sheet.getColumnWidth(c)).toBe(Math.max(48, column.width * 8)));

    // Formulas were written as formulas, and none computes to an error.
    plan.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const range = sheet.getRange(plan.headerRow + 1 + r, c);
        if (cell !== null && typeof cell === 'object') {
          expect(range.getFormula()).toBe(cell.formula);
          expect(String(range.getRawValue() ?? '')).not.toMatch(ERROR_TEXT);
        }
      }),
    );
    // Number formats per column (text columns '@').
    plan.columns.forEach((column, c) => {
      if (column.numberFormat === 'General') return;
      for (const row of [plan.headerRow + 1, lastRow])
        expect(sheet.getRange(row, c).getCellStyleData()?.n?.pattern).toBe(column.numberFormat);
    });
  });
});

describe.each(LOCALES.flatMap((locale) => MODES.map((mode) => ({ locale, ...mode }))))(
  'all templates in $locale with $label',
  ({ locale, portable }) => {
    test("the computed cells show the documents' numbers", () => {
      const read = (template: TemplateId, dataRow: number, column: string): string => {
        const ins = get(portable, template, locale);
        const range = ins.sheet.getRange(
          ins.plan.headerRow + 1 + dataRow,
          ins.plan.columns.findIndex((c) => c.key === column),
        );
        // Univer's headless display of a BOOLEAN cell is 1/0; a spreadsheet shows TRUE/FALSE.
        if (range.getCellData()?.t === CellValueType.BOOLEAN)
          return bool(ins, dataRow, ins.plan.columns.find((c) => c.key === column)?.label ?? '') ? 'TRUE' : 'FALSE';
        return String(range.getDisplayValue() ?? '');
      };
      const { expected, actual } = documentNumbers(locale, read);
      expect(actual).toEqual(expected);
    });

    test('no computed cell of any template is an error', () => {
      const errors = TEMPLATES.flatMap(({ id }) => {
        const { plan, sheet } = get(portable, id, locale);
        return plan.rows.flatMap((row, r) =>
          row.flatMap((cell, c) => {
            if (cell === null || typeof cell !== 'object') return [];
            const shown = String(sheet.getRange(plan.headerRow + 1 + r, c).getRawValue() ?? '');
            return ERROR_TEXT.test(shown) ? [`${plan.sheetName}!R${plan.headerRow + 2 + r}C${c + 1} ${shown}`] : [];
          }),
        );
      });
      expect(errors).toEqual([]);
    });

    test('效果评估 reads every direction spelling the functions accept (case and spaces too)', async () => {
      const { workbook, port } = bookOf(portable, locale) ?? {};
      if (!workbook || !port) throw new Error('no workbook');
      const shout = (text: string) => `  ${text.toUpperCase()} `;
      const cases: { direction: string | number | null; verdict: 'improved' | 'worse' }[] = [
        ...POLARITY_SPELLINGS.lower.flatMap((text) => [text, shout(text)]).map((direction) => ({ direction, verdict: 'worse' as const })),
        ...POLARITY_SPELLINGS.higher
          .flatMap((text) => [text, shout(text)])
          .map((direction) => ({ direction, verdict: 'improved' as const })),
        { direction: -1, verdict: 'worse' },
        { direction: 1, verdict: 'improved' },
        { direction: null, verdict: 'improved' },
      ];
      const plan = planTemplate(templateById('evaluation'), { locale, samples: false, portable, blankRows: cases.length });
      const result = await port.insertTemplate({
        ...plan,
        sheetName: `${plan.sheetName} spellings`,
        tableName: `${plan.tableName}Spellings`,
      });
      const sheet = workbook.getSheetByName(result.sheetName);
      if (!sheet) throw new Error('no sheet');
      const col = (key: string) => plan.columns.findIndex((c) => c.key === key);
      cases.forEach(({ direction }, i) => {
        const row = plan.headerRow + 1 + i;
        sheet.getRange(row, col('metric')).setValue({ v: `m${i}`, t: CellValueType.STRING });
        if (direction !== null)
          sheet
            .getRange(row, col('direction'))
            .setValue(typeof direction === 'number' ? direction : { v: direction, t: CellValueType.STRING });
        sheet.getRange(row, col('before')).setValue(20);
        sheet.getRange(row, col('after')).setValue(25);
      });
      await host.api.getFormula().onCalculationResultApplied();
      const shown = cases.map(
        ({ direction }, i) =>
          `${JSON.stringify(direction)} → ${String(sheet.getRange(plan.headerRow + 1 + i, col('verdict')).getRawValue())}`,
      );
      expect(shown).toEqual(cases.map(({ direction, verdict }) => `${JSON.stringify(direction)} → ${VERDICT_LABELS[verdict][locale]}`));
    });
  },
);

describe.each(LOCALES)('header notes (%s)', (locale) => {
  test('一对一面谈 carries source 001’s prompt questions as notes on its header cells; other headers have none', () => {
    const { plan, sheet } = get(false, 'oneOnOne', locale);
    const notes = plan.columns.map((_c, c) => sheet.getRange(plan.headerRow, c).getNote()?.note ?? null);
    expect(notes).toEqual(plan.columns.map((c) => c.note ?? null));
    expect(notes.filter(Boolean)).toHaveLength(4);
    expect(notes.join(' ')).toContain(locale === 'zh-CN' ? '你在工作中遇到了哪些困难?' : 'What difficulties have you met');
  });
});

describe('drop-downs, conditional formats and types', () => {
  const { portable } = { portable: false };

  test('list validation on 影响程度 (表1) and 完成质量 (表3)', () => {
    const diagnosis = get(portable, 'diagnosis');
    const rule = at(diagnosis, 0, '影响程度').getDataValidation();
    expect(rule?.getCriteriaType()).toBe('list');
    expect(rule?.getCriteriaValues()[1]).toBe(JSON.stringify(['高', '中', '低']));
    const lastRule = at(diagnosis, diagnosis.plan.rows.length - 1, '影响程度').getDataValidation();
    expect(lastRule?.getCriteriaType()).toBe('list');
    expect(at(diagnosis, 0, '具体问题描述').getDataValidation()).toBeFalsy();
    const quality = at(get(portable, 'execution'), 0, '完成质量').getDataValidation();
    expect(quality?.getCriteriaValues()[1]).toBe(JSON.stringify(['优', '良', '中', '差']));
  });

  test('number columns refuse text with a message naming the column; computed and text columns have no rule', () => {
    const goals = get(portable, 'goals');
    const actual = at(goals, 0, '月度实际完成').getDataValidation();
    expect(actual?.getCriteriaType()).toBe('decimal');
    expect(actual?.getAllowInvalid()).toBe(false);
    expect(actual?.getCriteriaValues().slice(1)).toEqual(['-1000000000000000', '1000000000000000']);
    expect(actual?.rule.error).toBe('“月度实际完成”只能填数字。');
    expect(
      at(goals, goals.plan.rows.length - 1, '月度分解目标')
        .getDataValidation()
        ?.getCriteriaType(),
    ).toBe('decimal');
    expect(at(goals, 0, '达成率').getDataValidation()).toBeFalsy();
    expect(at(goals, 0, '负责人').getDataValidation()).toBeFalsy();
    expect(at(get(portable, 'funnel'), 0, '数量').getDataValidation()?.getCriteriaType()).toBe('whole');
  });

  test('达成率 is amber at 91.7% and uncoloured when blank; 是否达标 FALSE is red', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300)); // formula rules are computed asynchronously
    const cf = host.univer.__getInjector().get(ConditionalFormattingService);
    const colourOf = (ins: Inserted, dataRow: number, label: string) => {
      const range = at(ins, dataRow, label).getRange();
      const style = cf.composeStyle(bookOf(portable)?.workbook.getId() ?? '', ins.sheet.getSheetId(), range.startRow, range.startColumn);
      return { bg: style?.style?.bg?.rgb, cl: style?.style?.cl?.rgb };
    };
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',')})`;
    const goals = get(portable, 'goals');
    expect(colourOf(goals, 0, '达成率')).toEqual({ bg: rgb(TONE_COLORS.warn.fill), cl: rgb(TONE_COLORS.warn.font) });
    expect(colourOf(goals, 1, '达成率').bg).toBeUndefined();
    const leads = get(portable, 'leads');
    expect(colourOf(leads, 1, '是否达标').bg).toBe(rgb(TONE_COLORS.bad.fill));
    expect(colourOf(leads, 0, '是否达标').bg).toBeUndefined();
    expect(colourOf(leads, 4, '是否达标').bg).toBeUndefined();
    const diagnosis = get(portable, 'diagnosis');
    expect(colourOf(diagnosis, 0, '影响程度').bg).toBe(rgb(TONE_COLORS.bad.fill));
    expect(colourOf(diagnosis, 1, '影响程度').bg).toBe(rgb(TONE_COLORS.warn.fill));
    expect(ruleCount(goals.sheet)).toBe(3);
  });

  test('dates are serial numbers shown with date formats', () => {
    const execution = get(portable, 'execution');
    expect(raw(execution, 1, '计划完成时间')).toBe(serialFromDate(2024, 3, 25));
    expect(at(execution, 1, '计划完成时间').getDisplayValue()).toBe('2024-03-25');
  });
});

function ruleCount(sheet: FWorksheet): number {
  return sheet.getConditionalFormattingRules().length;
}

describe('safety', () => {
  test('a lower-is-better metric that rises is not 改善', async () => {
    for (const { portable } of MODES) {
      const evaluation = get(portable, 'evaluation');
      const row = evaluation.plan.headerRow + 1 + 2; // the first blank row
      const col = (label: string) => evaluation.plan.columns.findIndex((c) => c.label === label);
      evaluation.sheet.getRange(row, col('指标')).setValue({ v: '客户投诉数', t: CellValueType.STRING });
      evaluation.sheet.getRange(row, col('方向')).setValue({ v: '越低越好', t: CellValueType.STRING });
      evaluation.sheet.getRange(row, col('优化前')).setValue(20);
      evaluation.sheet.getRange(row, col('优化后')).setValue(25);
      await host.api.getFormula().onCalculationResultApplied();
      expect(raw(evaluation, 2, '变化率')).toBeCloseTo(0.25, 12);
      expect(raw(evaluation, 2, '结论')).toBe('恶化');
    }
  });

  test('a name clash inserts “… (2)” and a new table name, leaving the first sheet unchanged', async () => {
    const { workbook, port } = bookOf(false) ?? {};
    if (!workbook || !port) throw new Error('no workbook');
    const first = get(false, 'goals');
    const before = JSON.stringify(first.sheet.getRange(0, 0, first.plan.rows.length + 2, first.plan.columns.length + 2).getCellDatas());
    const sheetsBefore = await port.listSheets();

    const again = await port.insertTemplate(planOf('goals', false));
    expect(again.sheetName).toBe('表2 销售目标分解与跟踪表 (2)');
    expect(again.tableName).toBe('GoalTracking2');
    expect(JSON.stringify(first.sheet.getRange(0, 0, first.plan.rows.length + 2, first.plan.columns.length + 2).getCellDatas())).toBe(
      before,
    );
    expect(workbook.getActiveSheet().getSheetName()).toBe(again.sheetName);

    const sheetsAfter = await port.listSheets();
    expect(sheetsAfter.slice(0, sheetsBefore.length)).toEqual(sheetsBefore);
    expect(sheetsAfter.at(-1)).toEqual({ name: again.sheetName, tables: ['GoalTracking2'] });
    expect(sheetsAfter.find((s) => s.name === '表2 销售目标分解与跟踪表')?.tables).toEqual(['GoalTracking']);

    const third = await port.insertTemplate(planOf('goals', false));
    expect(third.sheetName).toBe('表2 销售目标分解与跟踪表 (3)');
    expect(third.tableName).toBe('GoalTracking3');
  });

  test('text that starts with = + - @ stays text; formulas stay formulas', async () => {
    const { workbook, port } = bookOf(false) ?? {};
    if (!workbook || !port) throw new Error('no workbook');
    const base = planOf('diagnosis', false);
    const texts = ['=HYPERLINK("http://x","y")', '+86 123', '-1', '@SUM(A1)', '=1+1'];
    const rows: PlanCell[][] = base.rows.map((row, r) => row.map((cell, c) => (c === 1 && r < texts.length ? (texts[r] ?? null) : cell)));
    const result = await port.insertTemplate({ ...base, rows, sheetName: '注入测试', tableName: 'InjectionTest' });
    const sheet = workbook.getSheetByName(result.sheetName);
    if (!sheet) throw new Error('no sheet');
    await host.api.getFormula().onCalculationResultApplied();
    texts.forEach((text, r) => {
      const data: ICellData | null = sheet.getRange(base.headerRow + 1 + r, 1).getCellData();
      expect(data?.f ?? null).toBeNull();
      expect(data?.v).toBe(text);
      expect(data?.t).toBe(CellValueType.STRING);
    });
  });

  test('a plan longer than the default 1000 rows grows the new sheet', async () => {
    const { workbook, port } = bookOf(false) ?? {};
    if (!workbook || !port) throw new Error('no workbook');
    const spec = templateById('reviewLog');
    const plan = planTemplate(spec, { locale: 'zh-CN', samples: false, portable: false, blankRows: 1200 });
    const result = await port.insertTemplate(plan);
    const sheet = workbook.getSheetByName(result.sheetName);
    expect(result.sheetName).toBe('复盘记录 (2)');
    expect(sheet?.getMaxRows()).toBeGreaterThanOrEqual(1202);
    expect(result.tableAddress).toBe('A2:I1202');
    expect(sheet?.getRange(1201, 1).getCellStyleData()?.n?.pattern).toBe('yyyy-mm-dd');
  });

  test('activateSheet switches the active sheet; an unknown name is a WorkbookError naming it', async () => {
    const { workbook, port } = bookOf(false) ?? {};
    if (!workbook || !port) throw new Error('no workbook');
    await port.activateSheet('表1 销售现状诊断表');
    expect(workbook.getActiveSheet().getSheetName()).toBe('表1 销售现状诊断表');
    await expect(port.activateSheet('不存在')).rejects.toMatchObject({ name: 'WorkbookError', sheet: '不存在' });
    expect(port.host).toBe('Web');
  });
});
