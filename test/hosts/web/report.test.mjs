// Browser test of the 复盘报告 (issue 13): on a workbook with every template filled (the documents'
// samples), step 1's 生成复盘报告 writes the report sheet with its KPI table and the four charts as
// pictures, the pane shows the four charts in a 320 px pane with no serious axe violation, 导出图片
// gives a non-empty PNG whose size is the report picture's, and 导出 PDF that picture as a PDF.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ARTIFACTS, paneOverflow, paneViolations, useWebHost } from '../../support/browser.mjs';

const host = useWebHost();

/** A sheet's cells as displayed, rows × the first `columns` columns (null when there is no such sheet). */
function sheetText(page, name, columns = 6) {
  return page.evaluate(
    ([sheetName, width]) => {
      const sheet = window.salesReview.api.getActiveWorkbook().getSheetByName(sheetName);
      if (!sheet) return null;
      const rows = sheet.getLastRow() + 1;
      return sheet.getRange(0, 0, rows, width).getDisplayValues();
    },
    [name, columns],
  );
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

test(
  'the report of the samples: the sheet with its KPI table, four charts in the pane, a PNG of the review',
  { timeout: 420_000 },
  async () => {
    const { page, errors } = await host.openPage({ width: 1024, height: 900 });
    await page.addStyleTag({ content: ':root { --pane-width: 320px; }' });
    const inserts = page.locator('#pane button', { hasText: '插入' });
    const count = await inserts.count();
    for (let i = 0; i < count; i++) {
      const button = inserts.nth(i);
      const label = await button.getAttribute('aria-label');
      await button.click();
      await page.getByText(`已插入工作表“${label.replace(/^插入 /, '')}`).waitFor({ timeout: 60_000 });
    }

    await page.locator('#pane').getByRole('tab', { name: '复盘', exact: true }).click();
    await page.getByRole('button', { name: '读取工作簿' }).click();
    await page.getByText(/已读取 \d+ 张表。/).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: '生成复盘报告(自动诊断)' }).click();
    const written = page.getByText(/^已写入工作表“复盘报告 R\d{4}-\d{2}-\d{2}”。/);
    await written.waitFor({ timeout: 60_000 });
    const sheetName = (await written.textContent()).match(/“(复盘报告 [^”]+)”/)[1];

    // The sheet: title, the KPI table with 表2's 165 of 180, and each chart's data.
    const cells = await sheetText(page, sheetName);
    assert.ok(cells, `the sheet ${sheetName} exists`);
    assert.equal(cells[0][0], sheetName);
    const header = cells.findIndex((row) => row[0] === '指标');
    assert.deepEqual(cells[header], ['指标', '目标', '实际', '达成率', '环比', '同比']);
    const sales = cells.find((row) => row[0] === '销售额(已报告月份)');
    assert.deepEqual(sales.slice(1, 4), ['180.0', '165.0', '91.7%']);
    for (const title of ['四、问题诊断', '六、图表数据', '销售漏斗', '月度趋势'])
      assert.ok(
        cells.some((row) => row[0] === title),
        `the sheet has ${title}`,
      );
    // The web host has no native charts: the four charts are pictures on the sheet, beside the sections.
    await page.getByText('图表 4 张已作为图片放在工作表上。', { exact: false }).waitFor({ timeout: 30_000 });
    const images = await page.evaluate((name) => {
      const sheet = window.salesReview.api.getActiveWorkbook().getSheetByName(name);
      return sheet.getImages().map((image) => image.toBuilder().getSource().slice(0, 22));
    }, sheetName);
    assert.deepEqual(images, Array(4).fill('data:image/png;base64,'), 'four chart pictures on the report sheet');
    await page.locator('#sheet').screenshot({ path: join(ARTIFACTS, 'report-sheet.png') });

    // The pane: four charts, each an SVG in a captioned figure; nothing overflows 320 px; axe is clean.
    const report = page.getByRole('region', { name: '复盘报告' });
    const figures = report.locator('figure[data-chart]');
    await figures.nth(3).locator('svg').first().waitFor({ timeout: 60_000 });
    assert.deepEqual(await figures.evaluateAll((list) => list.map((f) => f.getAttribute('data-chart'))), [
      'funnel',
      'targetVsActual',
      'trend',
      'ranking',
    ]);
    for (let i = 0; i < 4; i++) assert.ok((await figures.nth(i).locator('svg').count()) > 0, `chart ${i + 1} is drawn`);
    await report.scrollIntoViewIfNeeded();
    assert.equal(await paneOverflow(page), 0, 'the report view fits a 320 px pane');
    await page.locator('#pane').screenshot({ path: join(ARTIFACTS, 'report-pane-320.png') });
    assert.deepEqual(await paneViolations(page), [], 'axe: no serious or critical violation in the report view');

    // 导出图片: a PNG download whose size is the one the pane names.
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await report.getByRole('button', { name: '导出图片' }).click();
    const file = await download;
    assert.equal(file.suggestedFilename(), `${sheetName}.png`);
    const saved = join(ARTIFACTS, 'report-picture.png');
    await file.saveAs(saved);
    const bytes = readFileSync(saved);
    assert.ok(bytes.length > 10_000, `a real picture (${bytes.length} bytes)`);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
    const message = await report.getByText(/^已生成图片 /).textContent();
    const [, width, height] = message.match(/(\d+)×(\d+)/).map(Number);
    assert.deepEqual(pngSize(bytes), { width, height });

    // 导出 PDF: the same picture as a one-page PDF.
    const pdfDownload = page.waitForEvent('download', { timeout: 60_000 });
    await report.getByRole('button', { name: '导出 PDF' }).click();
    const pdf = await pdfDownload;
    assert.equal(pdf.suggestedFilename(), `${sheetName}.pdf`);
    const pdfPath = join(ARTIFACTS, 'report-picture.pdf');
    await pdf.saveAs(pdfPath);
    const pdfBytes = readFileSync(pdfPath);
    assert.equal(pdfBytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(
      pdfBytes.length > bytes.length / 2 && pdfBytes.length < bytes.length * 3,
      `the PDF holds the picture, compressed (${pdfBytes.length} bytes)`,
    );
    assert.deepEqual(errors, []);
    await page.close();
  },
);
