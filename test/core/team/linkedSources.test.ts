/**
 * The Google Sheets roll-up's pure part (core/team/linkedSources.ts): 汇总来源's rows read with
 * every unusable one named by its sheet row, IMPORTRANGE formulas that survive any link or range
 * text, and what an imported cell says.
 */
import fc from 'fast-check';
import {
  type CellValue,
  importRangeFormula,
  importStateOf,
  importedTable,
  readLinkedSources,
  rollupSources,
  spreadsheetIdOf,
} from '../../../src/core';

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-xyz';
const url = (id = ID) => `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`;
const table = (rows: CellValue[][], header = ['来源名称', '表格链接', '连接检查']) => ({
  sheetName: '汇总来源',
  tableName: 'RollupSources',
  headerRow: 1,
  firstColumn: 0,
  header,
  rows,
});

test('a spreadsheet id comes from a link or a bare id, nothing else', () => {
  expect(spreadsheetIdOf(url())).toBe(ID);
  expect(spreadsheetIdOf(`  ${ID} `)).toBe(ID);
  expect(spreadsheetIdOf('https://example.com/spreadsheets/d/abc')).toBeUndefined();
  expect(spreadsheetIdOf('华南区')).toBeUndefined();
});

test('rows are read in order; a bad link, a repeat and a name without a link are named with their sheet rows', () => {
  const { sources, problems } = readLinkedSources(
    rollupSources,
    table([
      ['华南区', url(), null],
      [null, url(`${ID}2`), null],
      ['华东区', 'https://example.com/x', null],
      ['重复', `${url()}&x=1`, null],
      ['华北区', null, null],
      [null, null, null],
    ]),
    'zh-CN',
  );
  expect(sources).toEqual([
    { row: 0, name: '华南区', url: url() },
    { row: 1, name: '来源 4', url: url(`${ID}2`) },
  ]);
  expect(problems.map((p) => [p.row, p.message['zh-CN']])).toEqual([
    [2, expect.stringContaining('第 5 行:“https://example.com/x”不是 Google 表格的链接')],
    [3, '第 6 行:与第 3 行是同一个表格,未重复汇总'],
    [4, '第 7 行:华北区 没有表格链接'],
  ]);
  expect(problems[2]?.message['en-US']).toBe('Row 7: 华北区 has no spreadsheet link');
});

test('an English 汇总来源 is read alike', () => {
  const { sources } = readLinkedSources(
    rollupSources,
    table([[null, url(), null]], ['Source name', 'Spreadsheet link', 'Connection']),
    'en-US',
  );
  expect(sources).toEqual([{ row: 0, name: 'Source 3', url: url() }]);
});

test('IMPORTRANGE formulas quote any text so the formula reads back the same link and range', () => {
  fc.assert(
    fc.property(fc.string(), fc.string(), (link, range) => {
      const formula = importRangeFormula(link, range);
      const match = /^=IMPORTRANGE\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$/.exec(formula);
      expect(match?.[1]?.replace(/""/g, '"')).toBe(link.trim());
      expect(match?.[2]?.replace(/""/g, '"')).toBe(range);
    }),
  );
});

test('an imported cell is loading (#N/A, Loading...), an error (#REF!) or a result', () => {
  expect(['#N/A', 'Loading...', '#REF!', '#VALUE!', '', 0, '表2', null].map(importStateOf)).toEqual([
    'loading',
    'loading',
    'error',
    'error',
    'ok',
    'ok',
    'ok',
    'ok',
  ]);
});

test('an imported table keeps its header and its rows up to the last that holds anything', () => {
  const t = importedTable('表2', 'GoalTracking', [
    ['月份', ' 目标 '],
    ['1月', 5],
    [null, null],
    ['3月', null],
    [null, ''],
    ['', null],
  ]);
  expect(t.header).toEqual(['月份', '目标']);
  expect(t.rows).toEqual([
    ['1月', 5],
    [null, null],
    ['3月', null],
  ]);
});
