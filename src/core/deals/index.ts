/** The deal register: its fields, the import's value parsing and mapping, and what changed between snapshots. */
export * from './fields';
export * from './normalize';
export * from './mapping';
export * from './names';
export * from './changes';
export * from './changeDetails';
export * from './importDeals';
export * from './upsert';
export * from './register';
export * from './snapshots';
export * from './links';
export * from './linkNames';
export * from './savedMappings';
