// `npm run workbook -- …`: the workbook command line (src/cli/workbook.ts), loaded through tsx.
import { tsImport } from 'tsx/esm/api';

const { runWorkbookCli } = await tsImport('../src/cli/workbook.ts', import.meta.url);
const code = await runWorkbookCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
process.exit(code);
