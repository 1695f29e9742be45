/**
 * The review's shareable picture in the browser: ECharts (loaded only when asked, its SVG renderer
 * and the three chart types only) draws each chart as SVG, src/files/reportPicture.ts composes the
 * review around them, and a canvas turns that into a PNG — the same picture `workbook report`
 * draws in Node.
 */
import type { ReportChartId, ReviewReport } from '../../core';
import { CHART_SIZE, type EChartsModule, chartSvg, reviewPictureSize, reviewPictureSvg } from '../../files/reportPicture';
import type { ChartPicture } from '../../workbook/port';

async function loadECharts(): Promise<EChartsModule> {
  const [core, charts, components, renderers] = await Promise.all([
    import('echarts/core'),
    import('echarts/charts'),
    import('echarts/components'),
    import('echarts/renderers'),
  ]);
  core.use([
    charts.BarChart,
    charts.LineChart,
    charts.FunnelChart,
    components.TitleComponent,
    components.GridComponent,
    components.LegendComponent,
    renderers.SVGRenderer,
  ]);
  return core as unknown as EChartsModule;
}

export interface ReviewPicture {
  readonly png: Blob;
  readonly width: number;
  readonly height: number;
}

/** An SVG document as a PNG of the given size, through an image and a canvas. */
async function pngOf(svg: string, width: number, height: number): Promise<Blob> {
  const image = new Image(width, height);
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no canvas');
  context.drawImage(image, 0, 0, width, height);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png'),
  );
}

export async function drawReviewPicture(report: ReviewReport): Promise<ReviewPicture> {
  const echarts = await loadECharts();
  const svg = reviewPictureSvg(
    report,
    report.charts.map((chart) => chartSvg(echarts, chart)),
  );
  const { width, height } = reviewPictureSize(report);
  return { png: await pngOf(svg, width, height), width, height };
}

/** Each chart as a PNG, for a host that places pictures where its charts go. */
export async function drawChartPictures(report: ReviewReport): Promise<Map<ReportChartId, ChartPicture>> {
  const echarts = await loadECharts();
  const pictures = new Map<ReportChartId, ChartPicture>();
  for (const chart of report.charts) {
    const blob = await pngOf(chartSvg(echarts, chart), CHART_SIZE.width, CHART_SIZE.height);
    pictures.set(chart.id, { png: new Uint8Array(await blob.arrayBuffer()), ...CHART_SIZE });
  }
  return pictures;
}

/** The picture as a one-page PDF of its own size (jsPDF, loaded only then). */
export async function pictureAsPdf(picture: ReviewPicture): Promise<Blob> {
  const { jsPDF } = await import('jspdf');
  const { width, height } = picture;
  const doc = new jsPDF({
    orientation: width > height ? 'landscape' : 'portrait',
    unit: 'px',
    format: [width, height],
    hotfixes: ['px_scaling'],
    compress: true,
  });
  // FAST: deflated (4.5 MB uncompressed → ~150 KB for the sample review).
  doc.addImage(new Uint8Array(await picture.png.arrayBuffer()), 'PNG', 0, 0, width, height, undefined, 'FAST');
  return doc.output('blob');
}

export { downloadFile as download } from '../download';
