/**
 * `npm run workbook -- <command>`: workbooks without opening a browser, for people who just want
 * the file and for automation. Templates are planned by the same `planTemplate` and rendered by the
 * same Univer port as in the web host, then written by the same .xlsx writer as its downloads.
 */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LOCALES, type Locale, TEMPLATES, type TemplateSpec, findTemplate } from '../core';
import { WorkbookFileError } from '../files/xlsxGuard';
import { writeFileAtomic } from '../server/atomic';
import { UsageError } from './usage';

// Each command loads what it needs (Univer, ExcelJS, the chart renderer) when it runs: `--help`
// and a wrong command line answer at once (compiled, each import() is a chunk: scripts/build.mjs).
const HELP = `销售复盘 Sales Review — workbook files from the command line

Usage:
  npm run workbook -- new <out.xlsx> [--lang zh-CN|en-US] [--templates all|ID,ID,…] [--no-samples] [--sales-functions] [--force]
      Writes a workbook with those templates (default: all, zh-CN, with the documents' sample rows).
      Its formulas are native, so the file computes in Excel, LibreOffice or Google Sheets without
      the add-in; --sales-functions writes SALES.* formulas instead (for Excel with the add-in).
  npm run workbook -- portable <in.xlsx> <out.xlsx> [--force]
      Rewrites every SALES.* formula to its native equivalent; a formula with none keeps its value.
  npm run workbook -- import <book.xlsx> <export.csv|xlsx> [--sheet NAME] [--mapping NAME] [--save-mapping NAME]
                       [--column "FIELD=HEADER"]… [--stage "EXPORT STAGE=FUNNEL STAGE"]… [--unit 元|万元|USD…] [--slip month|quarter] [--full] [--strict] [--as-of yyyy-mm-dd] [--json] [--lang …]
      Imports a CRM export (Salesforce, HubSpot, Zoho, Pipedrive, 纷享销客, 销售易 or our own headers;
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
      workbook is untouched on error.
  npm run workbook -- goals <book.xlsx> --period "2026 Q1" --target 500 --regions 华南,华东,华北 [--unit 万元]
                      [--owners 张伟,李娜,王强] [--weights 5,3,2] [--rounding 0.1] [--stretch 550] [--challenge 600] [--json] [--lang …]
      The goal split of the pane's 目标分解: the period's target split over its months (equally) and
      the regions (equally, or by --weights), every cell a whole multiple of --rounding and all adding
      up to the target, appended to 表2 (inserted when missing); --stretch and --challenge (冲刺目标,
      挑战目标) are split the same way into their columns. --unit keeps the workbook's money
      unit in 工作簿设置, so imports convert into it. --json prints
      {"sheet","rows","period","months","unit","cells":[{"month","region","owner","target"}]}.
  npm run workbook -- link <book.xlsx> [--match "region:REGISTER NAME=NAME"]… [--replace] [--as-of yyyy-mm-dd] [--json] [--lang …]
      Makes the funnel's counts and amounts, 表2's 月度实际完成 and the forecast (sheet 销售预测,
      inserted when missing, a row per owner and region for 表2's quarter, else the quarter of --as-of;
      without --as-of, the day of the register's latest snapshot, else today) compute from the deal register as SUMIFS/COUNTIFS formulas, so they follow every later import.
      The register's regions and owners are matched to 表2's (exactly, by a saved match, or when one
      holds the other: 华南销售部 → 华南); --match answers the rest and is kept in 导入映射; what stays
      unmatched is listed with its money. A link that would replace typed 表2 actuals lists them and
      writes nothing unless --replace.
  npm run workbook -- report <book.xlsx> [--review-id R2026-12-01] [--period TEXT] [--as-of yyyy-mm-dd] [--json] [--lang …]
      Runs the review's steps 1–3 with their automatic findings (数据分析, 过程评估, 问题诊断) on the
      workbook and writes the 复盘报告 sheet of the review: KPIs with 目标对比/环比/同比, the team
      ranking, the process evaluation, the findings and four charts (funnel, target vs actual,
      monthly trend, ranking) as pictures. The review id defaults to today's next free one
      (R2026-12-01); a run with the same --review-id replaces that report. --json prints
      {"reviewId","sheet","replaced","dataChecks":[{"kind","count","message","fix","examples"}],"findings":[…],"kpis":{…},"charts"};
      the data checks (数据体检: unit mismatch, unmatched regions, text in number columns, duplicate deal
      ids, overdue open deals, blank lost reasons, a stale register, months without actuals) are printed first.
  npm run workbook -- rollup <folder|book.xlsx>… <team.xlsx> [--unit 元|万元|USD…] [--force] [--json] [--lang …]
      Combines the managers' workbooks (each file named, or every .xlsx of a folder) into a team
      workbook: 表2, the deal register, 预测提报, 组织架构, 表1's findings and 表3's actions, each row with
      its 来源工作簿, money in --unit (default: the first source's unit). The sources are only read; one
      that cannot be read or combined is listed with the reason. Then "report team.xlsx" reviews the
      team. --json prints {"out","unit","sheets","sources":[{"file","combined","reason","rows"}],"notes"}.
  npm run workbook -- --help

Template ids: ${TEMPLATES.map((t) => t.id).join(', ')}
goals, import, link and report write the workbook in place only when that loses nothing it holds: a
workbook with charts, pivot tables, pictures, names, hyperlinks… that the rewrite would not keep,
or a read-only one, is refused (exit 1, naming what) unless --output FILE names another file.
An existing output file is never replaced without --force. Exit code 0 on success, 1 when a file
cannot be read or written, 2 for a wrong command line.`;

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

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
  if (
    await fs.stat(path).then(
      () => true,
      () => false,
    )
  )
    throw new UsageError(`${path} exists: pass --force to replace it.`);
}

const requireXlsx = (path: string | undefined, what: string): string => {
  if (!path) throw new UsageError(`Missing ${what}.`);
  if (!/\.xlsx$/i.test(path)) throw new UsageError(`${what} must be an .xlsx file: ${path}`);
  return resolve(path);
};

export async function runWorkbookCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        lang: { type: 'string', default: 'zh-CN' },
        templates: { type: 'string', default: 'all' },
        'no-samples': { type: 'boolean' },
        portable: { type: 'boolean' },
        'sales-functions': { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        sheet: { type: 'string' },
        'as-of': { type: 'string' },
        json: { type: 'boolean' },
        strict: { type: 'boolean' },
        full: { type: 'boolean' },
        mapping: { type: 'string' },
        'save-mapping': { type: 'string' },
        stage: { type: 'string', multiple: true },
        column: { type: 'string', multiple: true },
        slip: { type: 'string' },
        unit: { type: 'string' },
        replace: { type: 'boolean' },
        match: { type: 'string', multiple: true },
        target: { type: 'string' },
        regions: { type: 'string' },
        owners: { type: 'string' },
        weights: { type: 'string' },
        rounding: { type: 'string' },
        stretch: { type: 'string' },
        challenge: { type: 'string' },
        'review-id': { type: 'string' },
        period: { type: 'string' },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.out(HELP);
      return command === undefined && !values.help ? 2 : 0;
    }
    if (command === 'new') {
      const out = requireXlsx(rest[0], 'the output file');
      if (rest.length > 1) throw new UsageError(`Unexpected argument "${rest[1]}".`);
      const locale = values.lang as Locale;
      if (!LOCALES.includes(locale)) throw new UsageError(`--lang must be one of ${LOCALES.join(', ')}, not "${values.lang}".`);
      const templates = templatesOf(values.templates ?? 'all');
      await refuseExisting(out, values.force ?? false);
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
    }
    if (command === 'portable') {
      const input = requireXlsx(rest[0], 'the input file');
      const out = requireXlsx(rest[1], 'the output file');
      if (rest.length > 2) throw new UsageError(`Unexpected argument "${rest[2]}".`);
      if (input === out) throw new UsageError('The output must be another file than the input (the input is never changed).');
      await refuseExisting(out, values.force ?? false);
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
      if (report.frozenToValues.length > 0)
        io.out(
          `${report.frozenToValues.length} formulas have no native equivalent and keep their values: ${report.frozenToValues.slice(0, 10).join(', ')}${report.frozenToValues.length > 10 ? ', …' : ''}`,
        );
      if (notImported.length > 0) io.err(`Not carried over: ${notImported.join(', ')}.`);
      return 0;
    }
    if (command === 'import') {
      const book = requireXlsx(rest[0], 'the workbook');
      const file = rest[1];
      if (!file) throw new UsageError('Missing the export file (.csv or .xlsx).');
      if (rest.length > 2) throw new UsageError(`Unexpected argument "${rest[2]}".`);
      const locale = values.lang as Locale;
      if (!LOCALES.includes(locale)) throw new UsageError(`--lang must be one of ${LOCALES.join(', ')}, not "${values.lang}".`);
      const { importDeals } = await import('./importDeals');
      const summary = await importDeals(
        {
          ...(values.output !== undefined ? { output: values.output } : {}),
          force: values.force ?? false,
          book,
          file: resolve(file),
          ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
          ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
          strict: values.strict ?? false,
          full: values.full ?? false,
          json: values.json ?? false,
          locale,
          ...(values.mapping !== undefined ? { mapping: values.mapping } : {}),
          ...(values['save-mapping'] !== undefined ? { saveMapping: values['save-mapping'] } : {}),
          stageAnswers: values.stage ?? [],
          columnAnswers: values.column ?? [],
          ...(values.slip !== undefined ? { slipPeriod: values.slip } : {}),
          ...(values.unit !== undefined ? { amountUnit: values.unit } : {}),
        },
        values.json ? io.err : io.out,
      );
      if (values.json) io.out(JSON.stringify(summary));
      else {
        io.out(
          `Imported into ${values.output ?? book}: ${summary.new} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.removed} marked removed, ${summary.invalid} rows left out.`,
        );
        const moved = Object.entries(summary.changes).filter(([, group]) => group.count > 0);
        if (summary.baseline)
          io.out(`This first import is the baseline (${summary.takenOn}): the next import reports what changed since it.`);
        else if (moved.length > 0) {
          io.out(`Changes: ${moved.map(([type, group]) => `${type} ${group.count}`).join(', ')}.`);
          for (const [type, group] of moved)
            for (const deal of group.details)
              io.out(
                `  ${type} ${deal.id}${deal.name ? ` ${deal.name}` : ''}${deal.owner ? ` (${deal.owner})` : ''}: ${deal.from ?? '—'} → ${deal.to ?? '—'}${deal.row !== undefined ? `, register row ${deal.row}` : ''}`,
              );
        }
      }
      return 0;
    }
    if (command === 'goals') {
      const book = requireXlsx(rest[0], 'the workbook');
      if (rest.length > 1) throw new UsageError(`Unexpected argument "${rest[1]}".`);
      const locale = values.lang as Locale;
      if (!LOCALES.includes(locale)) throw new UsageError(`--lang must be one of ${LOCALES.join(', ')}, not "${values.lang}".`);
      const optional = {
        period: values.period,
        target: values.target,
        unit: values.unit,
        regions: values.regions,
        owners: values.owners,
        weights: values.weights,
        rounding: values.rounding,
        stretch: values.stretch,
        challenge: values.challenge,
      };
      const { writeGoals } = await import('./goals');
      const summary = await writeGoals(
        {
          ...(values.output !== undefined ? { output: values.output } : {}),
          force: values.force ?? false,
          book,
          locale,
          ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
        },
        values.json ? io.err : io.out,
      );
      if (values.json) io.out(JSON.stringify(summary));
      else
        io.out(
          `Wrote ${summary.rows} goal rows for ${summary.period} (${summary.months.join(', ')}) into "${summary.sheet}" of ${values.output ?? book}${summary.unit ? `, in ${summary.unit}` : ''}.`,
        );
      return 0;
    }
    if (command === 'link') {
      const book = requireXlsx(rest[0], 'the workbook');
      if (rest.length > 1) throw new UsageError(`Unexpected argument "${rest[1]}".`);
      const locale = values.lang as Locale;
      if (!LOCALES.includes(locale)) throw new UsageError(`--lang must be one of ${LOCALES.join(', ')}, not "${values.lang}".`);
      const { linkRegister } = await import('./importDeals');
      const result = await linkRegister(
        {
          ...(values.output !== undefined ? { output: values.output } : {}),
          force: values.force ?? false,
          book,
          locale,
          ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
          replace: values.replace ?? false,
          matches: values.match ?? [],
        },
        values.json ? io.err : io.out,
      );
      if (values.json)
        io.out(
          JSON.stringify({
            ...result.counts,
            sheets: result.sheets,
            names: result.names,
            ...(result.goals
              ? {
                  goals: {
                    rows: result.goals.rows,
                    wonDeals: result.goals.wonDeals,
                    wonAmount: result.goals.wonAmount,
                    countedDeals: result.goals.countedDeals,
                    countedAmount: result.goals.countedAmount,
                    replaced: result.goals.replaced,
                    replacedSum: result.goals.replacedSum,
                  },
                }
              : {}),
          }),
        );
      else
        io.out(
          `Linked ${values.output ?? book}: ${result.counts.funnelRows} funnel rows, ${result.counts.goalRows} 表2 rows and ${result.counts.forecastRows} forecast rows (${result.counts.forecastAdded} added) now compute from the deal register.`,
        );
      return 0;
    }
    if (command === 'report') {
      const book = requireXlsx(rest[0], 'the workbook');
      if (rest.length > 1) throw new UsageError(`Unexpected argument "${rest[1]}".`);
      const locale = values.lang as Locale;
      if (!LOCALES.includes(locale)) throw new UsageError(`--lang must be one of ${LOCALES.join(', ')}, not "${values.lang}".`);
      const { reportWorkbook } = await import('./reviewReport');
      const summary = await reportWorkbook(
        {
          ...(values.output !== undefined ? { output: values.output } : {}),
          force: values.force ?? false,
          book,
          locale,
          ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
          ...(values['review-id'] !== undefined ? { reviewId: values['review-id'] } : {}),
          ...(values.period !== undefined ? { period: values.period } : {}),
        },
        values.json ? io.err : io.out,
      );
      if (values.json) io.out(JSON.stringify(summary));
      else
        io.out(
          `${summary.replaced ? 'Replaced' : 'Wrote'} the sheet "${summary.sheet}" in ${values.output ?? book}: ${Object.keys(summary.kpis).length} KPIs, ${summary.findings.length} findings, ${summary.charts} charts.`,
        );
      return 0;
    }
    if (command === 'rollup') {
      if (rest.length < 2) throw new UsageError('rollup needs the workbooks (or folders) to combine and the team workbook to write.');
      const out = requireXlsx(rest.at(-1), 'the team workbook');
      await refuseExisting(out, values.force ?? false);
      const locale = values.lang as Locale;
      if (!LOCALES.includes(locale)) throw new UsageError(`--lang must be one of ${LOCALES.join(', ')}, not "${values.lang}".`);
      const { rollupWorkbooks } = await import('./rollup');
      const summary = await rollupWorkbooks(
        { inputs: rest.slice(0, -1), out, locale, ...(values.unit !== undefined ? { unit: values.unit } : {}) },
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
    }
    throw new UsageError(`Unknown command "${command}". Commands: new, portable, import, goals, link, report, rollup (see --help).`);
  } catch (error) {
    const parseError =
      typeof (error as NodeJS.ErrnoException | undefined)?.code === 'string' &&
      (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    if (error instanceof UsageError || parseError) {
      io.err(`${(error as Error).message}\nRun "npm run workbook -- --help" for usage.`);
      return 2;
    }
    if (error instanceof WorkbookFileError) {
      io.err(error.message);
      return 1;
    }
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
