/** @jest-environment jsdom */
/**
 * Settings shows what this Excel supports: its API level and, for each feature missing, what happens
 * instead and which Excel brings it — from the Excel port under the fake's profiles.
 */
import { render, screen } from '@testing-library/react';
import { createExcelWorkbook } from '../../../src/hosts/excel/excelWorkbook';
import { SettingsPanel } from '../../../src/taskpane/Settings/SettingsPanel';
import { EXCEL_PROFILES, type ExcelProfileId } from '../../hosts/excel/excelProfiles';
import { MockExcel } from '../../hosts/excel/mockExcel';

function show(profile: ExcelProfileId, locale: 'zh-CN' | 'en-US' = 'en-US') {
  const mock = new MockExcel({ profile: EXCEL_PROFILES[profile] });
  const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: locale });
  const settings = { language: 'auto', samples: true, portable: false } as const;
  render(
    <SettingsPanel
      locale={locale}
      automatic={locale}
      settings={settings}
      onChange={() => undefined}
      {...(port.support ? { support: port.support } : {})}
    />,
  );
  return screen.getByRole('region', { name: locale === 'en-US' ? 'What this Excel supports' : '此 Excel 支持的功能' });
}

test('Excel 2021: ExcelApi 1.14 with functions; prompts as comments, naming the Excel that has notes', () => {
  const region = show('excel2021');
  expect(region.textContent).toContain('This Excel: ExcelApi 1.14, SALES functions available.');
  expect(region.textContent).toMatch(
    /One-on-one prompts appear as comments \(notes need Microsoft 365 Version 2501 or later, Mac 16\.93\+/,
  );
  expect(region.querySelectorAll('li')).toHaveLength(1);
});

test('Excel on iPad: no custom functions, said plainly with what to do', () => {
  const region = show('ipad', 'zh-CN');
  expect(region.textContent).not.toContain('支持 SALES 函数');
  expect(region.textContent).toContain('此 Excel 不运行自定义函数');
  expect(region.textContent).toContain('通用公式');
});

test('Microsoft 365: everything there, no limits listed', () => {
  const region = show('m365');
  expect(region.textContent).toMatch(/ExcelApi 1\.2\d?, SALES functions available/);
  expect(region.querySelectorAll('li')).toHaveLength(0);
});
