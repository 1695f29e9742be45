/**
 * The top-level declarations of dist/sheets/Code.js. Apps Script finds menu handlers, the sidebar's
 * server functions and custom functions only as top-level `function` declarations (a custom
 * function's JSDoc must sit directly on its declaration), so the build writes them as text after
 * the bundle, each calling into the bundle's global.
 */
import { TEMPLATES } from '../../core';
import { sheetsWrappers } from './sheetsFunctions';
import { ENTRY } from './sheetsServer';

/** The bundle's global name in Code.js. */
export const BUNDLE_GLOBAL = 'SalesReview';

const declare = (doc: string, name: string, params: string, body: string): string =>
  `/** ${doc} */\nfunction ${name}(${params}) {\n  ${body};\n}`;

export function codeEntries(global: string = BUNDLE_GLOBAL): string {
  const entries = [
    declare('Builds the add-on menu when the spreadsheet opens.', 'onOpen', 'e', `${global}.onOpen(e)`),
    declare('Builds the add-on menu right after installation.', 'onInstall', 'e', `${global}.onOpen(e)`),
    declare('Menu: opens the task pane.', ENTRY.openPane, '', `${global}.openPane()`),
    ...TEMPLATES.map((spec) =>
      declare(
        `Menu: inserts ${spec.sheetName['en-US']}.`,
        ENTRY.insert(spec.id),
        '',
        `${global}.insertTemplate(${JSON.stringify(spec.id)})`,
      ),
    ),
    declare(
      'The task pane calls the workbook through google.script.run.',
      ENTRY.server,
      'method, payload',
      `return ${global}.serve(method, payload)`,
    ),
    sheetsWrappers(global),
  ];
  return `${entries.join('\n\n')}\n`;
}
