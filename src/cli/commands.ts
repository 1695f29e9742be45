/**
 * The commands of `npm run workbook`, each declared as data (./command.ts): its usage and help text,
 * its arguments and options, and what it runs. Each loads what it needs (Univer, ExcelJS, the chart
 * renderer) when it runs, so `--help` and a wrong command line answer at once (compiled, each
 * import() is a chunk: scripts/build.mjs).
 */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { TEMPLATES, type TemplateSpec, findTemplate } from '../core';
import { WorkbookFileError } from '../files/xlsxGuard';
import { writeFileAtomic } from '../files/atomic';
import { COMMON_OPTIONS, type CommandSpec, type OptionValues, defineCommand, given } from './command';
import { importLines, linkJson } from './commandOutput';
import { UsageError } from './usage';

/** The options of a command that writes the workbook in place (or to --output). */
const WRITES_IN_PLACE = {
  lang: COMMON_OPTIONS.lang,
  json: COMMON_OPTIONS.json,
  output: COMMON_OPTIONS.output,
  force: COMMON_OPTIONS.force,
} as const;

const inPlace = (values: OptionValues) => ({
  ...given({ output: values.output as string | undefined }),
  force: values.force === true,
});

function templatesOf(list: string): TemplateSpec[] {
  if (list === 'all') return [...TEMPLATES];
  const ids = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => findTemplate(id) === undefined);
  if (unknown.length > 0)
    throw new UsageError(`Unknown template ${unknown.map((u) => `"${u}"`).join(', ')}. Known: ${TEMPLATES.map((t) => t.id).join(', ')}.`);
  if (ids.length === 0) throw new UsageError('--templates needs at least one template id (or all).');
  return ids.map((id) => findTemplate(id) as TemplateSpec);
}

async function refuseExisting(path: string, force: boolean): Promise<void> {
  if (force) return;
  const exists = await fs.stat(path).then(
    () => true,
    () => false,
  );
  if (exists) throw new UsageError(`${path} exists: pass --force to replace it.`);
}

const newCommand = defineCommand({
  name: 'new',
  usage: `new <out.xlsx> [--lang zh-CN|en-US] [--templates all|ID,ID,…] [--no-samples] [--portable|--sales-functions] [--force]`,
  description: `      Writes a workbook with those templates (default: all, zh-CN, with the documents' sample rows).
      Its formulas are native, so the file computes in Excel, LibreOffice or Google Sheets without
      the add-in; --sales-functions writes SALES.* formulas instead (for Excel with the add-in).`,
  args: [{ name: 'the output file', xlsx: true }],
  options: {
    lang: COMMON_OPTIONS.lang,
    templates: { type: 'string' },
    'no-samples': { type: 'boolean' },
    portable: { type: 'boolean' },
    'sales-functions': { type: 'boolean' },
    force: COMMON_OPTIONS.force,
  },
  async run({ args, values, locale }, io) {
    const out = args['the output file'] as string;
    const templates = templatesOf((values.templates as string | undefined) ?? 'all');
    await refuseExisting(out, values.force === true);
    if (values.portable && values['sales-functions']) throw new UsageError('--portable and --sales-functions contradict each other.');
    // A file for people computes anywhere: native formulas unless SALES.* ones are asked for.
    const portable = !values['sales-functions'];
    const { newWorkbookSnapshot } = await import('./newWorkbook');
    const { writeXlsx } = await import('../files/xlsxWrite');
    const snapshot = await newWorkbookSnapshot(locale, templates, !values['no-samples'], portable);
    const { buffer, report } = await writeXlsx(snapshot, { portable });
    await writeFileAtomic(out, buffer);
    io.out(
      `Wrote ${out}: ${report.sheets} sheets (${templates.map((t) => t.id).join(', ')}), ${report.formulas} formulas${portable ? ', native only' : ''}.`,
    );
    return 0;
  },
});

const portableCommand = defineCommand({
  name: 'portable',
  usage: `portable <in.xlsx> <out.xlsx> [--force]`,
  description: `      Rewrites every SALES.* formula to its native equivalent; a formula with none keeps its value.`,
  args: [
    { name: 'the input file', xlsx: true },
    { name: 'the output file', xlsx: true },
  ],
  options: { force: COMMON_OPTIONS.force },
  async run({ args, values }, io) {
    const [input, out] = [args['the input file'] as string, args['the output file'] as string];
    if (input === out) throw new UsageError('The output must be another file than the input (the input is never changed).');
    await refuseExisting(out, values.force === true);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(input);
    } catch (error) {
      throw new WorkbookFileError(`Cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const [{ readXlsx }, { writeXlsx }] = await Promise.all([import('../files/xlsxRead'), import('../files/xlsxWrite')]);
    const { snapshot, notImported } = await readXlsx(bytes, input, 'en-US');
    const { buffer, report } = await writeXlsx(snapshot, { portable: true });
    await writeFileAtomic(out, buffer);
    io.out(`Wrote ${out}: ${report.formulas} formulas, all native.`);
    const frozen = report.frozenToValues;
    if (frozen.length > 0)
      io.out(
        `${frozen.length} formulas have no native equivalent and keep their values: ${frozen.slice(0, 10).join(', ')}${frozen.length > 10 ? ', …' : ''}`,
      );
    if (notImported.length > 0) io.err(`Not carried over: ${notImported.join(', ')}.`);
    return 0;
  },
});

const importCommand = defineCommand({
  name: 'import',
  usage: `import <book.xlsx> <export.csv|xlsx> [--sheet NAME] [--mapping NAME] [--save-mapping NAME]
                       [--column "FIELD=HEADER"]… [--stage "EXPORT STAGE=FUNNEL STAGE"]… [--unit 元|万元|USD…] [--slip month|quarter] [--full] [--strict] [--as-of yyyy-mm-dd] [--json] [--lang …] [--output FILE] [--force]`,
  description: `      Imports a CRM export (Salesforce, HubSpot, Zoho, Pipedrive, 纷享销客, 销售易 or our own headers;
      CSV in UTF-8, UTF-16 or GB18030, or one sheet of an .xlsx) into the workbook's deal register
      (商机明细, inserted when missing), by deal ID: existing deals are updated, new ones added; with
      --full a deal the export no longer lists is marked removed. Rows with a problem are left out
      and listed (--strict refuses the whole file instead). --mapping uses a mapping saved in the
      workbook (sheet 导入映射); --column picks a column by hand ("商机编号=Opp Ref");
      --save-mapping saves the mapping used, with the --stage answers for stage
      names no map knows (e.g. --stage "Demo Done=方案提交", or 赢单 / 输单). Amounts are converted from
      the export's unit — said in the amount header ("商机金额(元)", "Amount (USD)") or by --unit — to
      the workbook's (sheet 工作簿设置; a workbook without one takes the export's). A snapshot of the register
      is kept (商机快照) and the changes since the last one are reported (a close date moving out of
      its month counts as slipped; --slip quarter: only out of its quarter). --json prints
      {"new","updated","unchanged","invalid","removed","changes":{TYPE:{count,amount,deals,details:[{id,name,
      owner,amount,from,to,row}]}},"repeatedSlips":{…},"baseline","takenOn"}; the first import is the baseline
      (no changes); the
      workbook is untouched on error.`,
  args: [{ name: 'the workbook', xlsx: true }, { name: 'the export file (.csv or .xlsx)' }],
  options: {
    ...WRITES_IN_PLACE,
    sheet: { type: 'string' },
    'as-of': COMMON_OPTIONS['as-of'],
    strict: { type: 'boolean' },
    full: { type: 'boolean' },
    mapping: { type: 'string' },
    'save-mapping': { type: 'string' },
    stage: { type: 'string', multiple: true },
    column: { type: 'string', multiple: true },
    slip: { type: 'string' },
    unit: COMMON_OPTIONS.unit,
  },
  async run({ args, values, locale }, io) {
    const book = args['the workbook'] as string;
    const { importDeals } = await import('./importDeals');
    const summary = await importDeals(
      {
        ...inPlace(values),
        book,
        file: resolve(args['the export file (.csv or .xlsx)'] as string),
        ...given({
          sheet: values.sheet as string | undefined,
          asOf: values['as-of'] as string | undefined,
          mapping: values.mapping as string | undefined,
          saveMapping: values['save-mapping'] as string | undefined,
          slipPeriod: values.slip as string | undefined,
          amountUnit: values.unit as string | undefined,
        }),
        strict: values.strict === true,
        full: values.full === true,
        json: values.json === true,
        locale,
        stageAnswers: (values.stage as string[] | undefined) ?? [],
        columnAnswers: (values.column as string[] | undefined) ?? [],
      },
      values.json ? io.err : io.out,
    );
    if (values.json) io.out(JSON.stringify(summary));
    else for (const line of importLines(summary, (values.output as string | undefined) ?? book)) io.out(line);
    return 0;
  },
});

const goalsCommand = defineCommand({
  name: 'goals',
  usage: `goals <book.xlsx> --period "2026 Q1" --target 500 --regions 华南,华东,华北 [--unit 万元]
                      [--owners 张伟,李娜,王强] [--weights 5,3,2] [--rounding 0.1] [--stretch 550] [--challenge 600] [--json] [--lang …] [--output FILE] [--force]`,
  description: `      The goal split of the pane's 目标分解: the period's target split over its months (equally) and
      the regions (equally, or by --weights), every cell a whole multiple of --rounding and all adding
      up to the target, appended to 表2 (inserted when missing); --stretch and --challenge (冲刺目标,
      挑战目标) are split the same way into their columns. --unit keeps the workbook's money
      unit in 工作簿设置, so imports convert into it. --json prints
      {"sheet","rows","period","months","unit","cells":[{"month","region","owner","target"}]}.`,
  args: [{ name: 'the workbook', xlsx: true }],
  options: {
    ...WRITES_IN_PLACE,
    period: { type: 'string' },
    target: { type: 'string' },
    unit: COMMON_OPTIONS.unit,
    regions: { type: 'string' },
    owners: { type: 'string' },
    weights: { type: 'string' },
    rounding: { type: 'string' },
    stretch: { type: 'string' },
    challenge: { type: 'string' },
  },
  async run({ args, values, locale }, io) {
    const book = args['the workbook'] as string;
    const text = (key: string) => values[key] as string | undefined;
    const { writeGoals } = await import('./goals');
    const summary = await writeGoals(
      {
        ...inPlace(values),
        book,
        locale,
        ...given({
          period: text('period'),
          target: text('target'),
          unit: text('unit'),
          regions: text('regions'),
          owners: text('owners'),
          weights: text('weights'),
          rounding: text('rounding'),
          stretch: text('stretch'),
          challenge: text('challenge'),
        }),
      },
      values.json ? io.err : io.out,
    );
    if (values.json) io.out(JSON.stringify(summary));
    else
      io.out(
        `Wrote ${summary.rows} goal rows for ${summary.period} (${summary.months.join(', ')}) into "${summary.sheet}" of ${text('output') ?? book}${summary.unit ? `, in ${summary.unit}` : ''}.`,
      );
    return 0;
  },
});

const linkCommand = defineCommand({
  name: 'link',
  usage: `link <book.xlsx> [--match "region:REGISTER NAME=NAME"]… [--replace] [--as-of yyyy-mm-dd] [--json] [--lang …] [--output FILE] [--force]`,
  description: `      Makes the funnel's counts and amounts, 表2's 月度实际完成 and the forecast (sheet 销售预测,
      inserted when missing, a row per owner and region for 表2's quarter, else the quarter of --as-of;
      without --as-of, the day of the register's latest snapshot, else today) compute from the deal register as SUMIFS/COUNTIFS formulas, so they follow every later import.
      The register's regions and owners are matched to 表2's (exactly, by a saved match, or when one
      holds the other: 华南销售部 → 华南); --match answers the rest and is kept in 导入映射; what stays
      unmatched is listed with its money. A link that would replace typed 表2 actuals lists them and
      writes nothing unless --replace.`,
  args: [{ name: 'the workbook', xlsx: true }],
  options: {
    ...WRITES_IN_PLACE,
    'as-of': COMMON_OPTIONS['as-of'],
    replace: { type: 'boolean' },
    match: { type: 'string', multiple: true },
  },
  async run({ args, values, locale }, io) {
    const book = args['the workbook'] as string;
    const { linkRegister } = await import('./importDeals');
    const result = await linkRegister(
      {
        ...inPlace(values),
        book,
        locale,
        ...given({ asOf: values['as-of'] as string | undefined }),
        replace: values.replace === true,
        matches: (values.match as string[] | undefined) ?? [],
      },
      values.json ? io.err : io.out,
    );
    if (values.json) io.out(JSON.stringify(linkJson(result)));
    else
      io.out(
        `Linked ${(values.output as string | undefined) ?? book}: ${result.counts.funnelRows} funnel rows, ${result.counts.goalRows} 表2 rows and ${result.counts.forecastRows} forecast rows (${result.counts.forecastAdded} added) now compute from the deal register.`,
      );
    return 0;
  },
});

const reportCommand = defineCommand({
  name: 'report',
  usage: `report <book.xlsx> [--review-id R2026-12-01] [--period TEXT] [--as-of yyyy-mm-dd] [--json] [--lang …] [--output FILE] [--force]`,
  description: `      Runs the review's steps 1–3 with their automatic findings (数据分析, 过程评估, 问题诊断) on the
      workbook and writes the 复盘报告 sheet of the review: KPIs with 目标对比/环比/同比, the team
      ranking, the process evaluation, the findings and four charts (funnel, target vs actual,
      monthly trend, ranking) as pictures. The review id defaults to today's next free one
      (R2026-12-01); a run with the same --review-id replaces that report. --json prints
      {"reviewId","sheet","replaced","dataChecks":[{"kind","count","message","fix","examples"}],"findings":[…],"kpis":{…},"charts"};
      the data checks (数据体检: unit mismatch, unmatched regions, text in number columns, duplicate deal
      ids, overdue open deals, blank lost reasons, a stale register, months without actuals) are printed first.`,
  args: [{ name: 'the workbook', xlsx: true }],
  options: { ...WRITES_IN_PLACE, 'as-of': COMMON_OPTIONS['as-of'], 'review-id': { type: 'string' }, period: { type: 'string' } },
  async run({ args, values, locale }, io) {
    const book = args['the workbook'] as string;
    const { reportWorkbook } = await import('./reviewReport');
    const summary = await reportWorkbook(
      {
        ...inPlace(values),
        book,
        locale,
        ...given({
          asOf: values['as-of'] as string | undefined,
          reviewId: values['review-id'] as string | undefined,
          period: values.period as string | undefined,
        }),
      },
      values.json ? io.err : io.out,
    );
    if (values.json) io.out(JSON.stringify(summary));
    else
      io.out(
        `${summary.replaced ? 'Replaced' : 'Wrote'} the sheet "${summary.sheet}" in ${(values.output as string | undefined) ?? book}: ${Object.keys(summary.kpis).length} KPIs, ${summary.findings.length} findings, ${summary.charts} charts.`,
      );
    return 0;
  },
});

const rollupCommand = defineCommand({
  name: 'rollup',
  usage: `rollup <folder|book.xlsx>… <team.xlsx> [--unit 元|万元|USD…] [--force] [--json] [--lang …]`,
  description: `      Combines the managers' workbooks (each file named, or every .xlsx of a folder) into a team
      workbook: 表2, the deal register, 预测提报, 组织架构, 表1's findings and 表3's actions, each row with
      its 来源工作簿, money in --unit (default: the first source's unit). The sources are only read; one
      that cannot be read or combined is listed with the reason. Then "report team.xlsx" reviews the
      team. --json prints {"out","unit","sheets","sources":[{"file","combined","reason","rows"}],"notes"}.`,
  args: [
    { name: 'the workbooks (or folders) to combine', rest: true },
    { name: 'the team workbook', xlsx: true },
  ],
  options: { lang: COMMON_OPTIONS.lang, json: COMMON_OPTIONS.json, force: COMMON_OPTIONS.force, unit: COMMON_OPTIONS.unit },
  async run({ args, many, values, locale }, io) {
    const out = args['the team workbook'] as string;
    await refuseExisting(out, values.force === true);
    const { rollupWorkbooks } = await import('./rollup');
    const summary = await rollupWorkbooks(
      { inputs: many, out, locale, ...given({ unit: values.unit as string | undefined }) },
      values.json ? io.err : io.out,
    );
    const left = summary.sources.filter((s) => !s.combined);
    for (const s of left) io.err(`Not combined: ${s.file} — ${s.reason ?? ''}`);
    for (const n of summary.notes) io.err(`${n.source}: ${n.message}`);
    if (values.json) io.out(JSON.stringify(summary));
    else
      io.out(
        `Wrote ${out}: ${summary.sources.length - left.length} of ${summary.sources.length} workbooks combined into ${summary.sheets.join(', ')}${summary.unit ? ` (money in ${summary.unit})` : ''}.`,
      );
    return 0;
  },
});

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  newCommand,
  portableCommand,
  importCommand,
  goalsCommand,
  linkCommand,
  reportCommand,
  rollupCommand,
];
