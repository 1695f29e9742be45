/**
 * The deal register (商机明细): its fields, their kinds, the fixed lists, and the header names the
 * CRM exports managers actually have use for each field — one home for the register template,
 * the import's auto-mapping and the review's reading of deals.
 *
 * The header names are those the products write in their default exports: Salesforce opportunity
 * reports, HubSpot deal exports, Zoho CRM, Pipedrive ("Deal - …"), 纷享销客 and 销售易.
 */
import { L, type Localized } from '../i18n';

export type DealFieldKind = 'text' | 'amount' | 'rate' | 'date' | 'stage' | 'category' | 'status' | 'lostReason';

export type DealFieldKey =
  | 'dealId'
  | 'name'
  | 'customer'
  | 'owner'
  | 'region'
  | 'stage'
  | 'amount'
  | 'probability'
  | 'closeDate'
  | 'category'
  | 'status'
  | 'createdOn'
  | 'stageSince'
  | 'lastActivity'
  | 'nextStep'
  | 'lostReason';

export interface DealField {
  readonly key: DealFieldKey;
  readonly label: Localized;
  readonly kind: DealFieldKind;
  /** An import must map this field (the key, and what the register cannot do without). */
  readonly required?: boolean;
  /** Header names of CRM exports (matched ignoring case, spaces and punctuation). */
  readonly headers: readonly string[];
}

export const FORECAST_CATEGORIES = [
  { key: 'commit', label: L('承诺', 'Commit'), headers: ['commit', 'committed'] },
  { key: 'bestCase', label: L('最可能', 'Best case'), headers: ['best case', 'bestcase', 'upside', 'most likely'] },
  { key: 'pipeline', label: L('渠道', 'Pipeline'), headers: ['pipeline', 'open'] },
  { key: 'omitted', label: L('排除', 'Omitted'), headers: ['omitted', 'omit', 'excluded'] },
] as const;

export const DEAL_STATUSES = [
  { key: 'open', label: L('进行中', 'Open'), headers: ['open', 'active', 'in progress', '跟进中'] },
  { key: 'won', label: L('赢单', 'Won'), headers: ['won', 'closed won', 'win', '成交', '已成交'] },
  { key: 'lost', label: L('输单', 'Lost'), headers: ['lost', 'closed lost', 'loss', '丢单', '已输单'] },
  // Set by a full re-import for a deal the export no longer lists: kept, never deleted.
  { key: 'removed', label: L('已移除', 'Removed'), headers: ['removed', 'deleted', '已删除'] },
] as const;

export const LOST_REASONS = [
  L('价格', 'Price'),
  L('竞争对手', 'Competitor'),
  L('需求变化', 'Needs changed'),
  L('预算不足', 'No budget'),
  L('跟进不及时', 'Slow follow-up'),
  L('产品不匹配', 'Product fit'),
  L('其他', 'Other'),
] as const;

export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number]['key'];
export type DealStatus = (typeof DEAL_STATUSES)[number]['key'];

export const DEAL_FIELDS: readonly DealField[] = [
  {
    key: 'dealId',
    label: L('商机编号', 'Deal ID'),
    kind: 'text',
    required: true,
    headers: [
      'Opportunity ID',
      '18 Digit Opportunity ID',
      'Record ID',
      'Deal ID',
      'Deal - ID',
      'Record Id',
      'ID',
      '商机ID',
      '商机编码',
      '记录ID',
      '编号',
    ],
  },
  {
    key: 'name',
    label: L('商机名称', 'Deal name'),
    kind: 'text',
    required: true,
    headers: ['Opportunity Name', 'Deal Name', 'Deal - Title', 'Title', 'Potential Name', '名称', '机会名称', '销售机会名称'],
  },
  {
    key: 'customer',
    label: L('客户', 'Customer'),
    kind: 'text',
    headers: [
      'Account Name',
      'Associated Company',
      'Associated Company (Primary)',
      'Company',
      'Company name',
      'Deal - Organization',
      'Organization',
      '客户名称',
      '客户公司',
      '公司名称',
    ],
  },
  {
    key: 'owner',
    label: L('负责人', 'Owner'),
    kind: 'text',
    headers: [
      'Opportunity Owner',
      'Deal owner',
      'Deal Owner',
      'Owner',
      'Deal - Owner',
      '销售负责人',
      '商机负责人',
      '所有人',
      '商机所有人',
      '负责人(主)',
    ],
  },
  {
    key: 'region',
    label: L('区域', 'Region'),
    kind: 'text',
    // CRMs without regions export the owner's department (纷享销客 所属部门, HubSpot Team): it stands for the region.
    headers: [
      'Region',
      'Territory',
      'Sales Region',
      'Sales Territory',
      'Team',
      'Sales Team',
      'Deal owner team',
      'Department',
      'Business Unit',
      '销售区域',
      '大区',
      '所属区域',
      '地区',
      '区域',
      '所属部门',
      '部门',
      '销售部门',
      '负责人所属部门',
      '负责人主属部门',
      '归属部门',
    ],
  },
  {
    key: 'stage',
    label: L('阶段', 'Stage'),
    kind: 'stage',
    required: true,
    headers: ['Stage', 'Deal Stage', 'Deal - Stage', 'Sales Stage', '销售阶段', '商机阶段', '机会阶段', '阶段名称'],
  },
  {
    key: 'amount',
    label: L('金额', 'Amount'),
    kind: 'amount',
    required: true,
    headers: [
      'Amount',
      'Deal Amount',
      'Total Price',
      'Deal - Value',
      'Value',
      'Expected Revenue',
      '商机金额',
      '销售金额',
      '合同金额',
      '机会金额',
      '预计签单金额',
      '预计金额',
      '预计销售金额',
    ],
  },
  {
    key: 'probability',
    label: L('赢单概率', 'Win probability'),
    kind: 'rate',
    headers: ['Probability (%)', 'Probability', 'Deal probability', 'Deal - Probability', '赢率', '成交概率', '赢单率'],
  },
  {
    key: 'closeDate',
    label: L('预计成交日期', 'Expected close'),
    kind: 'date',
    required: true,
    headers: [
      'Close Date',
      'Closing Date',
      'Expected close date',
      'Deal - Expected close date',
      'Close date',
      '预计签约日期',
      '预计签单日期',
      '预计成交时间',
      '结单日期',
      '预计结单日期',
    ],
  },
  {
    key: 'category',
    label: L('预测类别', 'Forecast category'),
    kind: 'category',
    headers: ['Forecast Category', 'Forecast Category Name', 'Forecast category', 'Deal forecast category', '预测分类'],
  },
  {
    key: 'status',
    label: L('状态', 'Status'),
    kind: 'status',
    headers: ['Status', 'Deal - Status', 'Deal status', 'Won/Lost', '商机状态', '赢单状态'],
  },
  {
    key: 'createdOn',
    label: L('创建日期', 'Created'),
    kind: 'date',
    headers: ['Created Date', 'Create Date', 'Created Time', 'Created', 'Deal - Deal created', 'Deal created', '创建时间'],
  },
  {
    key: 'stageSince',
    label: L('进入本阶段日期', 'In stage since'),
    kind: 'date',
    headers: [
      'Last Stage Change Date',
      'Stage Change Date',
      'Date entered current stage',
      'Deal - Last stage change',
      '阶段变更时间',
      '阶段变更日期',
    ],
  },
  {
    key: 'lastActivity',
    label: L('最近跟进日期', 'Last activity'),
    kind: 'date',
    headers: [
      'Last Activity',
      'Last Activity Date',
      'Last activity date',
      'Last Activity Time',
      'Deal - Last activity date',
      '最后跟进时间',
      '最近跟进时间',
      '最新跟进时间',
      '最后跟进日期',
    ],
  },
  {
    key: 'nextStep',
    label: L('下一步', 'Next step'),
    kind: 'text',
    headers: ['Next Step', 'Next step', 'Deal - Next activity subject', '下一步计划', '下一步行动'],
  },
  {
    key: 'lostReason',
    label: L('输单原因', 'Lost reason'),
    kind: 'lostReason',
    headers: [
      'Loss Reason',
      'Closed Lost Reason',
      'Lost Reason',
      'Deal - Lost reason',
      'Reason For Loss',
      'Reason for loss',
      '丢单原因',
      '失败原因',
    ],
  },
];
