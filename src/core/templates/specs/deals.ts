/**
 * 商机明细 Deal register: one row per deal, the data the review starts from (the method's first step,
 * 数据收集: "collect the sales data", 《销售管理通过复盘机制持续优化》). Fields and lists come from
 * core/deals/fields.ts and the funnel's stages from core/domain/stages.ts, so the import, the funnel
 * and this sheet name them alike.
 */
import { DEAL_FIELDS, DEAL_STATUSES, type DealFieldKey, FORECAST_CATEGORIES, LOST_REASONS } from '../../deals/fields';
import { FUNNEL_STAGES, FUNNEL_STAGE_LABELS } from '../../domain/stages';
import { YES_NO } from '../../domain/records';
import { L, type Locale, type Localized, labelOfKey } from '../../i18n';
import type { ColumnSpec, ColumnType, SampleValue, TemplateSpec } from '../types';

const COLUMN_TYPES: Readonly<Record<DealFieldKey, ColumnType>> = {
  dealId: 'text',
  name: 'text',
  customer: 'text',
  owner: 'text',
  region: 'text',
  stage: 'text',
  amount: 'number',
  probability: 'percent',
  closeDate: 'date',
  category: 'text',
  status: 'text',
  createdOn: 'date',
  stageSince: 'date',
  lastActivity: 'date',
  nextStep: 'text',
  lostReason: 'text',
};

const WIDTHS: Partial<Record<DealFieldKey, number>> = { name: 22, customer: 18, nextStep: 24, dealId: 14 };

const LISTS: Partial<Record<DealFieldKey, readonly Localized[]>> = {
  stage: FUNNEL_STAGE_LABELS,
  category: FORECAST_CATEGORIES.map((c) => c.label),
  status: DEAL_STATUSES.map((s) => s.label),
  lostReason: LOST_REASONS,
};

const statusLabel = (key: 'open' | 'won' | 'lost', locale: Locale) => labelOfKey(DEAL_STATUSES, key)[locale];

/** The stage's default win probability, as nested IFs over the funnel's stages (no array constants: every engine reads these). */
function stageProbability(locale: Locale): string {
  return FUNNEL_STAGES.reduceRight((rest, stage) => `IF({stage}="${stage.label[locale]}",${stage.probability},${rest})`, '0');
}

/** Amount × probability (the deal's own, else its stage's); a won deal counts whole, a lost one not at all. */
function weightedFormula(locale: Locale): string {
  return (
    `IF({amount}="","",IF({status}="${statusLabel('won', locale)}",{amount},IF({status}="${statusLabel('lost', locale)}",0,` +
    `{amount}*IF({probability}="",${stageProbability(locale)},{probability}))))`
  );
}

function daysInStageFormula(locale: Locale): string {
  return `IF(OR({stageSince}="",{status}="${statusLabel('won', locale)}",{status}="${statusLabel('lost', locale)}"),"",TODAY()-{stageSince})`;
}

const columns: ColumnSpec[] = [
  ...DEAL_FIELDS.map(
    (field): ColumnSpec => ({
      key: field.key,
      label: field.label,
      type: COLUMN_TYPES[field.key],
      width: WIDTHS[field.key] ?? 12,
      ...(LISTS[field.key] ? { list: LISTS[field.key] } : {}),
      ...(field.key === 'amount' ? { money: true as const } : {}),
      // An import needs a stage column, but a deal lost in a CRM's Closed Lost stage has no funnel stage of its own.
      ...(field.required && field.key !== 'stage' ? { required: true } : {}),
    }),
  ),
  {
    key: 'weighted',
    label: L('加权金额', 'Weighted amount'),
    type: 'number',
    money: true,
    width: 12,
    formula: { native: { 'zh-CN': weightedFormula('zh-CN'), 'en-US': weightedFormula('en-US') } },
  },
  {
    key: 'daysInStage',
    label: L('停留天数', 'Days in stage'),
    type: 'days',
    width: 10,
    formula: { native: { 'zh-CN': daysInStageFormula('zh-CN'), 'en-US': daysInStageFormula('en-US') } },
  },
  // 阶段标准 (issue 25): the rep's check that the current stage's exit criteria (销售漏斗 退出标准) are met;
  // 商机快照 keeps it, so a deal that moved on without it is seen at the next review.
  { key: 'exitMet', label: L('退出标准已达成', 'Exit criteria met'), type: 'text', width: 12, list: YES_NO.map((y) => y.label) },
];

const stage = (key: (typeof FUNNEL_STAGES)[number]['key']): Localized => labelOfKey(FUNNEL_STAGES, key);
const category = (key: (typeof FORECAST_CATEGORIES)[number]['key']): Localized => labelOfKey(FORECAST_CATEGORIES, key);
const status = (key: 'open' | 'won' | 'lost'): Localized => labelOfKey(DEAL_STATUSES, key);

const SOUTH = L('华南区', 'South');
const EAST = L('华东区', 'East');
// Roles, never invented people (docs/DOMAIN.md §2); customers are named by letter and trade.
const SOUTH_REP = L('华南区销售', 'South sales rep');
const EAST_REP = L('华东区销售', 'East sales rep');
const KEY_ACCOUNTS = L('大客户经理', 'Key account manager');

/** A spread over the funnel's stages, with one deal won and one lost in 万元 like 表2's (weighted: 64, 25, 12, 4, 1.5, 45, 0, 10). */
const samples: Readonly<Record<string, SampleValue>>[] = [
  {
    dealId: 'D-2024-001',
    name: L('门店收银系统升级', 'Store POS upgrade'),
    customer: L('客户A(连锁零售)', 'Customer A (retail chain)'),
    owner: SOUTH_REP,
    region: SOUTH,
    stage: stage('negotiation'),
    amount: 80,
    closeDate: '2024-03-31',
    category: category('commit'),
    status: status('open'),
    createdOn: '2024-01-10',
    stageSince: '2024-03-01',
    lastActivity: '2024-03-20',
    nextStep: L('发送合同终稿', 'Send the final contract'),
  },
  {
    dealId: 'D-2024-002',
    name: L('华东仓储系统', 'East warehouse system'),
    customer: L('客户B(物流)', 'Customer B (logistics)'),
    owner: EAST_REP,
    region: EAST,
    stage: stage('proposal'),
    amount: 50,
    probability: 0.5,
    closeDate: '2024-04-15',
    category: category('bestCase'),
    status: status('open'),
    createdOn: '2024-02-01',
    stageSince: '2024-03-10',
    lastActivity: '2024-03-18',
    nextStep: L('方案答疑会', 'Proposal Q&A meeting'),
  },
  {
    dealId: 'D-2024-003',
    name: L('会员营销平台', 'Loyalty platform'),
    customer: L('客户C(餐饮)', 'Customer C (restaurants)'),
    owner: SOUTH_REP,
    region: SOUTH,
    stage: stage('needs'),
    amount: 30,
    closeDate: '2024-05-10',
    category: category('pipeline'),
    status: status('open'),
    createdOn: '2024-02-20',
    stageSince: '2024-03-05',
    lastActivity: '2024-03-08',
  },
  {
    dealId: 'D-2024-004',
    name: L('门店巡检小程序', 'Store audit app'),
    customer: L('客户D(便利店)', 'Customer D (convenience stores)'),
    owner: EAST_REP,
    region: EAST,
    stage: stage('contact'),
    amount: 20,
    closeDate: '2024-06-30',
    category: category('pipeline'),
    status: status('open'),
    createdOn: '2024-03-04',
    stageSince: '2024-03-04',
  },
  {
    dealId: 'D-2024-005',
    name: L('供应链看板', 'Supply-chain dashboard'),
    customer: L('客户E(家电制造)', 'Customer E (appliances)'),
    owner: KEY_ACCOUNTS,
    region: SOUTH,
    stage: stage('lead'),
    amount: 15,
    closeDate: '2024-06-30',
    category: category('pipeline'),
    status: status('open'),
    createdOn: '2024-03-12',
    stageSince: '2024-03-12',
  },
  {
    dealId: 'D-2024-006',
    name: L('财务共享中心', 'Finance shared services'),
    customer: L('客户F(制造)', 'Customer F (manufacturing)'),
    owner: KEY_ACCOUNTS,
    region: SOUTH,
    stage: stage('won'),
    amount: 45,
    closeDate: '2024-03-12',
    category: category('commit'),
    status: status('won'),
    createdOn: '2023-12-01',
    stageSince: '2024-03-12',
  },
  {
    dealId: 'D-2024-007',
    name: L('电商中台', 'E-commerce platform'),
    customer: L('客户G(服装)', 'Customer G (apparel)'),
    owner: EAST_REP,
    region: EAST,
    stage: stage('proposal'),
    amount: 35,
    closeDate: '2024-03-15',
    category: category('omitted'),
    status: status('lost'),
    createdOn: '2024-01-05',
    stageSince: '2024-02-20',
    lostReason: LOST_REASONS[0],
  },
  {
    dealId: 'D-2024-008',
    name: L('客服工单系统', 'Service desk'),
    customer: L('客户H(医疗)', 'Customer H (healthcare)'),
    owner: EAST_REP,
    region: EAST,
    stage: stage('needs'),
    amount: 25,
    closeDate: '2024-04-30',
    category: category('bestCase'),
    status: status('open'),
    createdOn: '2024-02-15',
    stageSince: '2024-03-11',
    lastActivity: '2024-03-21',
  },
];

export const deals: TemplateSpec = {
  id: 'deals',
  sheetName: L('商机明细', 'Deal Register'),
  tableName: 'DealRegister',
  purpose: L(
    '每个商机一行:阶段、金额、预计成交与跟进,复盘的数据从这里来(可从 CRM 导出导入)。',
    'One row per deal: stage, amount, expected close and follow-up — the data the review starts from (import it from a CRM export).',
  ),
  source: { document: '000', part: L('数据收集', 'data collection') },
  columns,
  samples,
  conditionalFormats: [
    { column: 'status', rule: { kind: 'textEquals', text: status('won') }, tone: 'good' },
    { column: 'status', rule: { kind: 'textEquals', text: status('lost') }, tone: 'bad' },
  ],
};

/**
 * 商机快照 Deal snapshots: the register's tracked fields as they stood on a day, one block of rows per
 * snapshot (keyed by 快照编号 S-yyyy-mm-dd, so a second import on one day replaces that day's). The
 * change report compares two of them (core/deals/snapshots.ts). Inserted by the first import, not
 * from the gallery.
 */
export const dealSnapshots: TemplateSpec = {
  id: 'dealSnapshots',
  sheetName: L('商机快照', 'Deal Snapshots'),
  tableName: 'DealSnapshots',
  purpose: L('每次导入时商机明细的快照,用于对比“本周变动”。', 'The deal register as each import left it, for "what changed".'),
  source: { document: '000', part: L('数据收集', 'data collection') },
  columns: [
    { key: 'snapshotId', label: L('快照编号', 'Snapshot'), type: 'text', width: 14, required: true },
    { key: 'takenOn', label: L('快照日期', 'Taken on'), type: 'date', width: 12, required: true },
    { key: 'dealId', label: L('商机编号', 'Deal ID'), type: 'text', width: 14, required: true },
    { key: 'amount', label: L('金额', 'Amount'), type: 'number', money: true, width: 12 },
    { key: 'stage', label: L('阶段', 'Stage'), type: 'text', width: 12 },
    { key: 'status', label: L('状态', 'Status'), type: 'text', width: 10 },
    { key: 'closeDate', label: L('预计成交日期', 'Expected close'), type: 'date', width: 12 },
    { key: 'category', label: L('预测类别', 'Forecast category'), type: 'text', width: 12 },
    { key: 'exitMet', label: L('退出标准已达成', 'Exit criteria met'), type: 'text', width: 12 },
  ],
  samples: [],
  conditionalFormats: [],
};

/**
 * 导入映射 Import mappings: each import source's saved column and stage choices (core/deals/savedMappings.ts
 * reads and writes them). Inserted by the first import that saves a mapping, not from the gallery.
 */
/** The kinds of rows of 导入映射: a column of the export, or a stage name of the source. */
export const IMPORT_MAPPING_KINDS = {
  column: L('列', 'Column'),
  stage: L('阶段', 'Stage'),
  // A register name matched to a name 表2 and the forecast use (core/deals/names.ts).
  region: L('区域', 'Region'),
  owner: L('负责人', 'Owner'),
} as const;

/** The mapping name the name matches are kept under (one set per workbook, not per source). */
export const NAME_MATCHES_MAPPING = L('名称对照', 'Name matches');

export const importMappings: TemplateSpec = {
  id: 'importMappings',
  sheetName: L('导入映射', 'Import Mappings'),
  tableName: 'ImportMappings',
  purpose: L('每个导入来源的列映射和阶段映射,下次导入时沿用。', "Each import source's column and stage mapping, reused next time."),
  source: { document: '000', part: L('数据收集', 'data collection') },
  columns: [
    { key: 'name', label: L('映射名称', 'Mapping'), type: 'text', width: 16, required: true },
    {
      key: 'kind',
      label: L('类型', 'Kind'),
      type: 'text',
      width: 8,
      list: Object.values(IMPORT_MAPPING_KINDS),
      required: true,
    },
    { key: 'item', label: L('字段或阶段名', 'Field or stage name'), type: 'text', width: 22, required: true },
    { key: 'value', label: L('对应', 'Maps to'), type: 'text', width: 22 },
  ],
  samples: [],
  conditionalFormats: [],
};
