/** Step 1's cleaning report: rows kept/dropped per sheet, then each duplicate or invalid row by sheet, row and column. */
import { Badge, Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { type CleaningReport as Report, type Locale, type TemplateId, templateById } from '../../core';
import { wizardText } from './strings';

/** Long reports are cut here; the counts above still cover every row. */
const SHOWN = 50;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: { overflowWrap: 'anywhere' },
  badge: { marginRight: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function CleaningReport({ locale, report }: { readonly locale: Locale; readonly report: Report }) {
  const styles = useStyles();
  const ids = Object.keys({ ...report.validRows, ...report.droppedRows }) as TemplateId[];
  const sheetOf = (id: TemplateId) =>
    report.issues.find((issue) => issue.templateId === id)?.sheetName ?? templateById(id)?.sheetName[locale] ?? id;
  return (
    <div className={styles.root}>
      {ids.length > 0 && (
        <ul className={styles.list}>
          {ids.map((id) => (
            <li key={id} className={styles.item}>
              <Caption1>
                {wizardText(locale, 'cleaningCounts', {
                  sheet: sheetOf(id),
                  valid: report.validRows[id] ?? 0,
                  dropped: report.droppedRows[id] ?? 0,
                })}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {report.issues.length === 0 ? (
        <Body1>{wizardText(locale, 'cleaningNone')}</Body1>
      ) : (
        <ul className={styles.list}>
          {report.issues.slice(0, SHOWN).map((issue, i) => (
            <li key={i} className={styles.item}>
              <Badge className={styles.badge} size="small" appearance="tint" color={issue.kind === 'duplicate' ? 'warning' : 'danger'}>
                {wizardText(locale, issue.kind === 'duplicate' ? 'duplicate' : 'invalid')}
              </Badge>
              <Caption1>
                {wizardText(locale, 'rowAt', { sheet: issue.sheetName, row: issue.row })}
                {issue.column ? ` · ${issue.column}` : ''}
                {`${wizardText(locale, 'colon')}${issue.message[locale]}`}
              </Caption1>
            </li>
          ))}
          {report.issues.length > SHOWN && (
            <li className={styles.muted}>
              <Caption1>{`+${report.issues.length - SHOWN}`}</Caption1>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
