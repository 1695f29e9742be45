/**
 * The report view's state: writing the report sheet through the port (the wizard's last step and
 * step 1's button) and exporting the review's picture. The picture module (ECharts) loads only
 * when a picture is asked for.
 */
import { useState } from 'react';
import type { ReviewReport } from '../../core';
import type { ReportSheetResult } from '../../workbook/port';
import { writeReviewReport } from '../../workbook/reviewReport';
import { useWorkbook } from '../workbookContext';

export type ReportWriteStatus =
  | { readonly kind: 'written'; readonly result: ReportSheetResult }
  | { readonly kind: 'failed'; readonly message: string };

export type PictureStatus =
  | { readonly kind: 'exported'; readonly file: string; readonly width: number; readonly height: number }
  | { readonly kind: 'failed'; readonly message: string };

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function useReviewReport() {
  const workbook = useWorkbook();
  const [report, setReport] = useState<ReviewReport | null>(null);
  const [busy, setBusy] = useState<'write' | 'picture' | null>(null);
  const [written, setWritten] = useState<ReportWriteStatus | null>(null);
  const [picture, setPicture] = useState<PictureStatus | null>(null);

  /** Shows the report and writes its sheet; a failure is shown, never thrown. */
  async function write(next: ReviewReport): Promise<void> {
    setReport(next);
    setBusy('write');
    setWritten(null);
    setPicture(null);
    try {
      // A host without native charts gets them as pictures (the picture module loads only then).
      const pictures =
        workbook.chartPictures && next.charts.length > 0 ? await (await import('./picture')).drawChartPictures(next) : undefined;
      const { result } = await writeReviewReport(workbook, next, pictures);
      setWritten({ kind: 'written', result });
    } catch (error) {
      setWritten({ kind: 'failed', message: reason(error) });
    } finally {
      setBusy(null);
    }
  }

  /** The review as one picture (PNG), or that picture as a one-page PDF. */
  async function exportPicture(format: 'png' | 'pdf' = 'png'): Promise<void> {
    if (!report) return;
    setBusy('picture');
    setPicture(null);
    try {
      const { drawReviewPicture, download, pictureAsPdf } = await import('./picture');
      const drawn = await drawReviewPicture(report);
      const file = `${report.title}.${format}`;
      download(format === 'pdf' ? await pictureAsPdf(drawn) : drawn.png, file);
      setPicture({ kind: 'exported', file, width: drawn.width, height: drawn.height });
    } catch (error) {
      setPicture({ kind: 'failed', message: reason(error) });
    } finally {
      setBusy(null);
    }
  }

  return { report, busy, written, picture, write, exportPicture };
}

export type ReviewReportState = ReturnType<typeof useReviewReport>;
