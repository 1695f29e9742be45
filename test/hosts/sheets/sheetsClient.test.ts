/**
 * The sidebar's port (sheetsClient.ts) against the server entry (sheetsServer.ts) through a
 * `google.script.run` stand-in that, like the real one, passes payloads and replies as JSON-like
 * data only: the whole contract holds across the channel, and the wire format refuses formulas it
 * cannot carry.
 */
import { type ScriptRunner, createServerCall, createSheetsClientPort, fetchContext } from '../../../src/hosts/sheets/sheetsClient';
import { fillTemplate, formulaTemplate } from '../../../src/workbook/wire';
import { describePortContract } from '../../workbook/portContract';
import { contractHooks, createFakeSheets } from './fakeSheets';
import { scriptRun } from './scriptRun';

describePortContract('Google Sheets sidebar → google.script.run → server (fake SpreadsheetApp)', async () => {
  const fake = createFakeSheets();
  return {
    port: createSheetsClientPort(createServerCall(scriptRun(fake), 'zh-CN')),
    computes: false,
    ...contractHooks(fake),
  };
});

describe('the sidebar channel', () => {
  test('the context gives the user’s language and today in the spreadsheet’s zone', async () => {
    const fake = createFakeSheets({ userLocale: 'en', timeZone: 'Asia/Shanghai' });
    const context = await fetchContext(createServerCall(scriptRun(fake), 'en-US'));
    expect(context).toEqual({ locale: 'en-US', today: 45376 });
  });

  test('a failure of the channel itself is a WorkbookError saying what to do', async () => {
    const failing: ScriptRunner = {
      withSuccessHandler: () => failing,
      withFailureHandler: (handler) => {
        setTimeout(() => handler(new Error('ScriptError: timed out')), 0);
        return failing;
      },
      salesReviewServer: () => undefined,
    };
    const port = createSheetsClientPort(createServerCall(() => failing, 'zh-CN'));
    await expect(port.listSheets()).rejects.toMatchObject({ name: 'WorkbookError', message: expect.stringContaining('timed out') });
  });

  test('formula templates carry row-relative formulas and refuse the rest', () => {
    const template = formulaTemplate((r) => `=SALES.ATTAINMENT(G${r + 1},D${r + 1})+H${r}`);
    expect(template).toBe('=SALES.ATTAINMENT(G{row},D{row})+H{row-1}');
    expect(fillTemplate(template, 4)).toBe('=SALES.ATTAINMENT(G5,D5)+H4');
    expect(formulaTemplate(() => '=SUM(A1:A10)')).toBe('=SUM(A1:A10)');
    expect(() => formulaTemplate((r) => `=A${r * 2}`)).toThrow(/cannot be sent/);
  });
});
