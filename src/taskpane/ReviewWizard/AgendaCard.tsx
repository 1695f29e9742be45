/**
 * Step 5's 下次例会: drafts the next meeting's agenda from this review (core/review/agenda.ts) into
 * 销售例会 (src/workbook/meetingAgenda.ts), inserting it with 行动项 when missing.
 */
import { Button, Caption1, Card, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { type Analysis, type Finding, type Locale, agendaMeeting, isoFromSerial } from '../../core';
import { writeMeetingAgenda } from '../../workbook/meetingAgenda';
import { type Outcome, OutcomeBanner } from '../OutcomeBanner/OutcomeBanner';
import { useWorkbook } from '../workbookContext';
import { wizardText } from './strings';

const useStyles = makeStyles({
  card: { minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

export interface AgendaCardProps {
  readonly locale: Locale;
  readonly analysis: Analysis | null;
  readonly findings: readonly Finding[];
  readonly today: number;
  readonly portable: boolean;
}

export function AgendaCard({ locale, analysis, findings, today, portable }: AgendaCardProps) {
  const styles = useStyles();
  const id = useId();
  const port = useWorkbook();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function draft() {
    if (!analysis) return;
    setBusy(true);
    setOutcome(null);
    try {
      const meeting = agendaMeeting(analysis, findings, locale, today);
      const { sheetName } = await writeMeetingAgenda(port, meeting, { locale, portable });
      setOutcome({
        intent: 'success',
        text: wizardText(locale, 'agendaWritten', {
          sheet: sheetName,
          id: String(meeting.meetingId),
          date: isoFromSerial(meeting.date as number),
          lines: String(meeting.agenda).split('\n').length,
        }),
      });
    } catch (error) {
      setOutcome({ intent: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className={styles.card} role="group" aria-labelledby={`${id}-agenda`}>
      <Subtitle2 as="h3" id={`${id}-agenda`}>
        {wizardText(locale, 'agendaTitle')}
      </Subtitle2>
      <Caption1 className={styles.muted}>{wizardText(locale, 'agendaHint')}</Caption1>
      <Button disabledFocusable={busy || !analysis} onClick={() => void draft()}>
        {wizardText(locale, 'agendaDraft')}
      </Button>
      <OutcomeBanner outcome={outcome} />
    </Card>
  );
}
