/**
 * 复盘报告 in the pane: where the report went, the key figures with their comparisons, the four
 * charts (a lazy chunk) and 导出图片. The state lives in useReviewReport, owned by the wizard.
 */
import { Button, MessageBar, MessageBarBody, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import { Suspense, lazy } from 'react';
import { type Locale, type ReportKpi, showReportValue } from '../../core';
import { MiniTable } from '../MiniTable/MiniTable';
import { reportText } from './strings';
import { useReportStyles } from './styles';
import type { ReviewReportState } from './useReviewReport';

const ReportCharts = lazy(() => import('./ReportCharts'));

const percent = (v: number | null, signed = false): string => showReportValue(v, 'percent', { signed });
const rankChange = (change: number | null, locale: Locale): string =>
  change === null ? '—' : change === 0 ? reportText(locale, 'rankSame') : change > 0 ? `↑${change}` : `↓${-change}`;
const value = (k: ReportKpi): string => showReportValue(k.actual, k.unit, { digits: 2 });

export interface ReviewReportProps {
  readonly locale: Locale;
  readonly state: ReviewReportState;
}

/** Where the report was written and how its charts went in, or why it was not written. */
function WrittenMessage({
  locale,
  written,
  chartCount,
}: {
  readonly locale: Locale;
  readonly written: ReviewReportState['written'];
  readonly chartCount: number;
}) {
  return (
    <>
      {written?.kind === 'written' && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {reportText(locale, written.result.replaced ? 'replaced' : 'written', { sheet: written.result.sheetName })}{' '}
            {written.result.nativeCharts > 0
              ? reportText(locale, 'nativeCharts', { count: written.result.nativeCharts })
              : written.result.pictures > 0
                ? reportText(locale, 'pictureCharts', { count: written.result.pictures })
                : chartCount > 0
                  ? reportText(locale, 'noSheetCharts')
                  : ''}
          </MessageBarBody>
        </MessageBar>
      )}
      {written?.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{reportText(locale, 'writeFailed', { reason: written.message })}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

export function ReviewReport({ locale, state }: ReviewReportProps) {
  const styles = useReportStyles();
  const { report, busy, written, picture } = state;
  if (!report) return null;
  return (
    <section className={styles.root} aria-label={reportText(locale, 'title')} data-report={report.reviewId}>
      <Subtitle2 as="h3">{report.title}</Subtitle2>
      <Text>{reportText(locale, 'intro', { sheet: report.title })}</Text>
      {busy === 'write' && <Spinner size="tiny" label={reportText(locale, 'writingReport')} />}
      <WrittenMessage locale={locale} written={written} chartCount={report.charts.length} />
      {report.kpis.length > 0 ? (
        <MiniTable
          caption={reportText(locale, 'kpiCaption')}
          headers={[
            reportText(locale, 'kpi'),
            reportText(locale, 'actual'),
            reportText(locale, 'attainment'),
            reportText(locale, 'previous'),
            reportText(locale, 'lastYear'),
          ]}
          rows={report.kpis.map((k) => ({
            key: k.key,
            cells: [k.label, value(k), percent(k.attainment), percent(k.previous, true), percent(k.lastYear, true)],
          }))}
        />
      ) : (
        <Text>{reportText(locale, 'noKpis')}</Text>
      )}
      {report.ranking.length > 0 && (
        <MiniTable
          caption={reportText(locale, 'rankingCaption')}
          headers={[
            reportText(locale, 'owner'),
            reportText(locale, 'rank'),
            reportText(locale, 'attainment'),
            reportText(locale, 'rankChange'),
          ]}
          rows={report.ranking.map((line) => ({
            key: line.owner,
            cells: [line.owner, String(line.rank), percent(line.attainment), rankChange(line.rankChange, locale)],
          }))}
        />
      )}
      {report.charts.length > 0 ? (
        <Suspense fallback={<Spinner size="tiny" label={reportText(locale, 'loadingCharts')} />}>
          <ReportCharts charts={report.charts} locale={locale} />
        </Suspense>
      ) : (
        <Text>{reportText(locale, 'noCharts')}</Text>
      )}
      <div className={styles.buttons}>
        <Button
          disabledFocusable={busy !== null}
          icon={busy === 'picture' ? <Spinner size="tiny" /> : undefined}
          onClick={() => void state.exportPicture('png')}
        >
          {reportText(locale, busy === 'picture' ? 'exporting' : 'exportPicture')}
        </Button>
        <Button disabledFocusable={busy !== null} onClick={() => void state.exportPicture('pdf')}>
          {reportText(locale, 'exportPdf')}
        </Button>
      </div>
      {picture?.kind === 'exported' && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {reportText(locale, 'exported', { file: picture.file, width: picture.width, height: picture.height })}
          </MessageBarBody>
        </MessageBar>
      )}
      {picture?.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{reportText(locale, 'exportFailed', { reason: picture.message })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
