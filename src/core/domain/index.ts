/** The method's rules and labels that more than one layer uses: one home each (docs/ARCHITECTURE.md). */
export * from './direction';
export * from './evaluation';
export * from './meetings';
export * from './messages';
export * from './pace';
export * from './pilot';
export * from './records';
export * from './review';
export * from './sources';
export * from './stages';
export * from './survey';
export * from './tiers';
