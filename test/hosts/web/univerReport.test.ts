/**
 * The report sheet in the web host's Univer: the charts the pane drew become pictures where each
 * chart goes; a second report of the same review replaces them; the .xlsx writer carries them into
 * the file and the reader brings them back as pictures of the same sheet.
 */
import { layoutReport, type ReportChartId } from '../../../src/core';
import { pngFromSvg, pngSize } from '../../../src/files/png';
import { drawingsOf } from '../../../src/files/snapshot';
import { readPictures } from '../../../src/files/xlsxPictures';
import { readXlsx } from '../../../src/files/xlsxRead';
import { writeXlsx } from '../../../src/files/xlsxWrite';
import { createHeadlessUniver } from '../../../src/hosts/web/univerHeadless';
import { createUniverWorkbook } from '../../../src/hosts/web/univerWorkbook';
import type { ChartPicture } from '../../../src/workbook/port';
import { sampleReport } from '../../core/review/fixtures';

const svg = (fill: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="56" height="34"><rect width="56" height="34" fill="${fill}"/></svg>`;

test('pictures where the charts go, replaced by a second report, kept through the .xlsx', async () => {
  const host = createHeadlessUniver('zh-CN');
  try {
    const book = host.api.getActiveWorkbook();
    if (!book) throw new Error('no workbook');
    const port = createUniverWorkbook(host.api, { workbook: book });
    expect(port.chartPictures).toBe(true);
    const report = sampleReport({ findings: false });
    const plan = layoutReport(report, report.title);
    const pictures = new Map<ReportChartId, ChartPicture>(
      plan.charts.map((placed, i) => [
        placed.chart.id,
        { png: pngFromSvg(svg(['#f00', '#0f0', '#00f', '#888'][i] ?? '#000')), width: 56, height: 34 },
      ]),
    );
    expect(await port.writeReportSheet(plan, pictures)).toMatchObject({ replaced: false, pictures: 4, nativeCharts: 0 });
    const sheet = book.getSheetByName(plan.sheetName);
    expect(sheet?.getImages()).toHaveLength(4);
    expect(await port.writeReportSheet(plan, pictures)).toMatchObject({ replaced: true, pictures: 4 });
    expect(sheet?.getImages()).toHaveLength(4);

    const { buffer } = await writeXlsx(JSON.parse(JSON.stringify(book.save())));
    const inFile = await readPictures(buffer, (name) => name === plan.sheetName);
    expect(inFile.map((p) => [p.row, p.col, p.width, p.height, p.description])).toEqual(
      plan.charts.map((placed) => [placed.anchor.row, placed.anchor.col, 56, 34, placed.chart.title]),
    );
    expect(pngSize(inFile[0]?.png ?? new Uint8Array())).toEqual({ width: 56, height: 34 });
    const back = (await readXlsx(buffer, 'report.xlsx', 'zh-CN')).snapshot;
    const sheetId = Object.values(back.sheets).find((s) => s.name === plan.sheetName)?.id ?? '';
    expect(Object.values(drawingsOf(back)[sheetId]?.data ?? {}).map((d) => d.source?.slice(0, 22))).toEqual(
      Array(4).fill('data:image/png;base64,'),
    );
    const reopened = host.api.createWorkbook(back);
    expect(reopened.getSheetByName(plan.sheetName)?.getImages()).toHaveLength(4);
  } finally {
    await host.dispose();
  }
});
