/** 金额单位 (this workbook) strings, on the Settings tab. */
import { translator } from '../strings';

export const unitText = translator({
  title: { 'zh-CN': '本工作簿的金额单位', 'en-US': "This workbook's money unit" },
  hint: {
    'zh-CN': '保存在“工作簿设置”表中:目标、导入的商机金额、预测和复盘报告都按它计,新插入的表的金额列标题会写明它。',
    'en-US':
      'Kept in the Workbook Settings sheet: targets, imported deal amounts, forecasts and reports are all in it, and new sheets show it in their money headers.',
  },
  reading: { 'zh-CN': '正在读取工作簿…', 'en-US': 'Reading the workbook…' },
  notSaid: { 'zh-CN': '(尚未设定)', 'en-US': '(not set yet)' },
  fromHeaders: {
    'zh-CN': '工作簿尚未设定单位;金额列标题写的是 {unit}。',
    'en-US': 'The workbook has not set a unit; its money headers say {unit}.',
  },
  save: { 'zh-CN': '保存金额单位', 'en-US': 'Save the money unit' },
  saving: { 'zh-CN': '正在保存…', 'en-US': 'Saving…' },
  saved: { 'zh-CN': '已把金额单位 {unit} 保存到“{sheet}”。', 'en-US': 'Saved the money unit {unit} in "{sheet}".' },
  stillOther: {
    'zh-CN': '这些表的金额仍是按 {unit} 填写的,数字不会被换算:{sheets}。请核对后手工改写,或保留原单位。',
    'en-US':
      'These sheets still hold amounts in {unit}; their numbers are not converted: {sheets}. Check and rewrite them, or keep the old unit.',
  },
  failed: { 'zh-CN': '未能保存金额单位:{reason}', 'en-US': 'Could not save the money unit: {reason}' },
});
