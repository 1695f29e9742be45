/**
 * A wrong command line (exit 2), as opposed to a file problem (exit 1). Its own small module so
 * that `npm run workbook -- --help` and a wrong option load none of the commands' heavy modules.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
