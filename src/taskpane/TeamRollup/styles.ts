/** 团队汇总's styles: Fluent tokens only. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useRollupStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: 'none', margin: 0, padding: 0, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});
