/** 预测提报's styles: Fluent tokens only. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useCallStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: 'none', margin: 0, padding: 0, minWidth: 0 },
  // Fluent's Input keeps a minimum width that two columns of a 320 px pane cannot hold.
  input: { width: '100%', minWidth: 0 },
  scroll: { overflowX: 'auto' },
  // Five columns in a 320 px pane: fixed layout, cells wrap rather than widen the table.
  table: { width: '100%', tableLayout: 'fixed' },
  cell: { overflowWrap: 'anywhere', whiteSpace: 'normal' },
  late: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});
