import { makeStyles, tokens } from '@fluentui/react-components';

export const useUnitStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});
