/** 团队汇总's pane text, zh-CN and en-US. */
import { translator } from '../strings';

export const rollupText = translator({
  title: { 'zh-CN': '团队汇总(Google 表格)', 'en-US': 'Team roll-up (Google Sheets)' },
  intro: {
    'zh-CN':
      '把各经理的 Google 表格汇总到本表格:在“汇总来源”每行填一个表格链接,再点“汇总”。每个来源第一次需要在 连接检查 单元格上点“允许访问”。',
    'en-US':
      'Combine the managers’ Google spreadsheets into this one: one link per row of Roll-up Sources, then Roll up. Each source asks once for “Allow access” on its Connection cell.',
  },
  sources: { 'zh-CN': '打开汇总来源', 'en-US': 'Open Roll-up Sources' },
  run: { 'zh-CN': '汇总', 'en-US': 'Roll up' },
  reading: { 'zh-CN': '正在读取 {source}({done}/{total})…', 'en-US': 'Reading {source} ({done} of {total})…' },
  done: {
    'zh-CN': '已汇总 {combined}/{listed} 个来源,写入:{sheets}。',
    'en-US': 'Combined {combined} of {listed} sources into: {sheets}.',
  },
  rows: { 'zh-CN': '{source}:{rows} 行', 'en-US': '{source}: {rows} rows' },
  left: { 'zh-CN': '未汇总 {source}:{reason}', 'en-US': 'Left out {source}: {reason}' },
  failed: { 'zh-CN': '未能汇总:{reason}', 'en-US': 'Could not roll up: {reason}' },
});
