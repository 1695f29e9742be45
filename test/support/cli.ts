/** `npm run workbook -- …` in-process for tests: the output on success, an error with stderr otherwise. */
import { runWorkbookCli } from '../../src/cli/workbook';

export async function runCli(...args: string[]): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runWorkbookCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  if (code !== 0) throw new Error(`${args.join(' ')} → ${code}: ${err.join('\n')}`);
  return out.join('');
}
