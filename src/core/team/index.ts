/** The team's own numbers: 组织架构 roll-ups and data scopes, 预测提报 calls and their accuracy. */
export * from './org';
export * from './calls';
export * from './rollup';
export * from './callWrite';
export * from './linkedSources';
