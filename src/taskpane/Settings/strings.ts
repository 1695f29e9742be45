/** 设置 Settings strings. */
import { translator } from '../strings';

export const settingsText = translator({
  paneLanguage: { 'zh-CN': '界面语言', 'en-US': 'Pane language' },
  auto: { 'zh-CN': '自动(跟随 Office 显示语言:{current})', 'en-US': 'Automatic (Office display language: {current})' },
  defaults: { 'zh-CN': '插入模板时的默认选项', 'en-US': 'Defaults for inserting templates' },
  samples: { 'zh-CN': '包含示例数据', 'en-US': 'Include sample rows' },
  portable: {
    'zh-CN': '通用公式(无需加载项也能计算;也用于目标分解写入的公式)',
    'en-US': 'Portable formulas (compute without the add-in; also used for goal rows)',
  },
  support: { 'zh-CN': '此 Excel 支持的功能', 'en-US': 'What this Excel supports' },
  theme: { 'zh-CN': '颜色主题跟随 Office 主题(浅色/深色)。', 'en-US': 'Colours follow the Office theme (light or dark).' },
  remembered: { 'zh-CN': '设置只保存在本机、本用户下。', 'en-US': 'Settings are kept on this device, for you only.' },
  notSaved: {
    'zh-CN': '此环境不允许保存设置,关闭任务窗格后会恢复默认值。',
    'en-US': 'Settings cannot be stored here; they go back to the defaults when the pane closes.',
  },
});
