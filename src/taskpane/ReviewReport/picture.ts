/**
 * The review's shareable picture in the browser: ECharts (loaded only when asked, its SVG renderer
 * and the three chart types only) draws each chart as SVG, src/files/reportPicture.ts composes the
 * review around them, and a canvas turns that into a PNG — the same picture `workbook report`
 * draws in Node.
 */
import type { ReviewReport } from '../../core';
import { type EChartsModule, chartSvg, reviewPictureSize, reviewPictureSvg } from '../../files/reportPicture';

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

export async function drawReviewPicture(report: ReviewReport): Promise<ReviewPicture> {
  const echarts = await loadECharts();
  const svg = reviewPictureSvg(
    report,
    report.charts.map((chart) => chartSvg(echarts, chart)),
  );
  const { width, height } = reviewPictureSize(report);
  const image = new Image(width, height);
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no canvas');
  context.drawImage(image, 0, 0, width, height);
  const png = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png'),
  );
  return { png, width, height };
}

/** Offers the picture as a download (a PNG file named after the report). */
export function downloadPicture(picture: ReviewPicture, fileName: string): void {
  const url = URL.createObjectURL(picture.png);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
