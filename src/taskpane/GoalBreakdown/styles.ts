/** The goal breakdown's styles: Fluent tokens only. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useGoalStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, border: 'none', margin: 0, padding: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  rows: { display: 'grid', gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'start', minWidth: 0 },
  monthRows: { gridTemplateColumns: 'minmax(0, 1fr) 32px' },
  monthRowsSeasonal: { gridTemplateColumns: 'minmax(0, 1fr) 64px 32px' },
  regionRows: { gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) 32px' },
  regionRowsWeighted: { gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) 56px 32px' },
  columnTitle: { color: tokens.colorNeutralForeground3 },
  input: { width: '100%', minWidth: 0 },
  add: { alignSelf: 'flex-start' },
  groupError: { color: tokens.colorPaletteRedForeground1 },
  hint: { color: tokens.colorNeutralForeground3 },
  previewScroll: {
    overflowX: 'auto',
    maxWidth: '100%',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // Compact enough for 3 months × 2 regions with totals in a 320 px pane; more regions scroll inside the box.
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontVariantNumeric: 'tabular-nums',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  cell: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    textAlign: 'right',
    whiteSpace: 'nowrap',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowHeader: { textAlign: 'left', fontWeight: tokens.fontWeightRegular },
  // Region names may wrap; numbers never do.
  columnHeader: { whiteSpace: 'normal', overflowWrap: 'anywhere', verticalAlign: 'bottom' },
  head: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
  totals: { fontWeight: tokens.fontWeightSemibold },
});
