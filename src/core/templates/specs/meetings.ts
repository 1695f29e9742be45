/**
 * 销售例会 Meetings and 行动项 Action items (issue 25; source 003 §3 定期且高效的销售例会机制, source 001
 * §9 跨部门协作 and §10 月度总结会、季度总结会): a meeting's agenda, decisions and the next date, and
 * each action item agreed there with its owner, due day and status, followed up at the next meeting
 * and in the review's step 5. Samples use roles, never invented people (docs/DOMAIN.md §2).
 */
import { ACTION_STATE_LABELS, ACTION_STATUSES, DEPARTMENTS, MEETING_KINDS, nativeActionState } from '../../domain/meetings';
import { L, type Locale, labelOfKey } from '../../i18n';
import type { TemplateSpec } from '../types';

const status = (key: (typeof ACTION_STATUSES)[number]['key']) => labelOfKey(ACTION_STATUSES, key);
const kind = (key: (typeof MEETING_KINDS)[number]['key']) => labelOfKey(MEETING_KINDS, key);
const stateOf = (locale: Locale) => nativeActionState({ status: '{status}', due: '{due}', doneOn: '{doneOn}' }, locale);

export const actionItems: TemplateSpec = {
  id: 'actionItems',
  sheetName: L('行动项', 'Action Items'),
  tableName: 'ActionItems',
  purpose: L(
    '例会上定下的每件事:负责人、截止日期、状态和来源会议;跨部门事项写明协作部门。下次例会和复盘第五步跟进逾期未完成的事项。',
    'Each thing agreed at a meeting: owner, due day, status and the meeting it came from; a cross-department item names the department. The next meeting and the review’s step 5 follow up what is overdue.',
  ),
  source: { document: '003', part: L('三、定期且高效的销售例会机制', 'method 3, regular sales meetings') },
  columns: [
    { key: 'item', label: L('行动项', 'Action item'), type: 'text', width: 28, required: true },
    { key: 'owner', label: L('负责人', 'Owner'), type: 'text', width: 12, required: true },
    { key: 'due', label: L('截止日期', 'Due'), type: 'date', width: 12, required: true },
    { key: 'status', label: L('状态', 'Status'), type: 'text', width: 10, list: ACTION_STATUSES.map((s) => s.label) },
    { key: 'doneOn', label: L('完成日期', 'Done on'), type: 'date', width: 12 },
    { key: 'meetingId', label: L('来源会议', 'From meeting'), type: 'text', width: 14 },
    {
      key: 'link',
      label: L('关联问题或商机', 'Finding or deal'),
      type: 'text',
      width: 20,
      note: L('表1 的问题描述或商机编号', 'A 表1 problem or a deal ID'),
    },
    { key: 'department', label: L('协作部门', 'Department'), type: 'text', width: 10, list: DEPARTMENTS },
    {
      key: 'state',
      label: L('进度', 'Progress'),
      type: 'text',
      width: 10,
      formula: { native: { 'zh-CN': stateOf('zh-CN'), 'en-US': stateOf('en-US') } },
    },
  ],
  samples: [
    {
      item: L('客户跟进话术标准化', 'Standardise the follow-up script'),
      owner: L('销售主管', 'Sales lead'),
      due: '2024-03-20',
      status: status('done'),
      doneOn: '2024-03-20',
      meetingId: 'M2024-03-04',
      link: L('线索跟进不及时,平均响应超48小时', 'Leads followed up late: over 48 hours on average'),
    },
    {
      item: L('与售后建立客户问题共享群', 'A shared channel for customer issues with after-sales'),
      owner: L('华南区经理', 'South manager'),
      due: '2024-03-15',
      status: status('done'),
      doneOn: '2024-03-18',
      meetingId: 'M2024-03-04',
      link: L('销售与售后信息不同步,客户重复反映问题', 'Sales and after-sales out of step: customers report issues twice'),
      department: DEPARTMENTS[1],
    },
    {
      item: L('大客户合同法务提前介入', 'Legal to join key-account contracts early'),
      owner: L('大客户经理', 'Key account manager'),
      due: '2024-03-29',
      status: status('done'),
      doneOn: '2024-03-27',
      meetingId: 'M2024-03-11',
      link: L('大客户成交周期长,平均90天', 'Key accounts close slowly: 90 days on average'),
      department: DEPARTMENTS[4],
    },
  ],
  conditionalFormats: [
    { column: 'state', rule: { kind: 'textEquals', text: ACTION_STATE_LABELS.overdue }, tone: 'bad' },
    { column: 'state', rule: { kind: 'textEquals', text: ACTION_STATE_LABELS.doneLate }, tone: 'warn' },
    { column: 'state', rule: { kind: 'textEquals', text: ACTION_STATE_LABELS.doneOnTime }, tone: 'good' },
  ],
};

/** Items of a meeting still to do: in progress or overdue (the state column's own labels). */
const openItems = (locale: Locale) =>
  `IF({meetingId}="","",COUNTIFS({@actionItems.meetingId#all},{meetingId},{@actionItems.state#all},"${ACTION_STATE_LABELS.overdue[locale]}")` +
  `+COUNTIFS({@actionItems.meetingId#all},{meetingId},{@actionItems.state#all},"${ACTION_STATE_LABELS.open[locale]}"))`;

export const meetings: TemplateSpec = {
  id: 'meetings',
  sheetName: L('销售例会', 'Sales Meetings'),
  tableName: 'SalesMeetings',
  purpose: L(
    '每次例会一行:类型、参会人、议程(会前收集数据)、决议和下次会议;会上定的事写进“行动项”,这里数出还没完成的。',
    'One row per meeting: kind, attendees, the agenda (data gathered beforehand), decisions and the next date; what is agreed goes to Action Items, and this counts what is still open.',
  ),
  source: { document: '003', part: L('三、定期且高效的销售例会机制', 'method 3, regular sales meetings') },
  uses: [actionItems],
  columns: [
    { key: 'meetingId', label: L('会议编号', 'Meeting'), type: 'text', width: 14, required: true },
    { key: 'date', label: L('日期', 'Date'), type: 'date', width: 12, required: true },
    { key: 'kind', label: L('类型', 'Kind'), type: 'text', width: 10, list: MEETING_KINDS.map((k) => k.label), required: true },
    { key: 'host', label: L('主持人', 'Chair'), type: 'text', width: 12 },
    { key: 'attendees', label: L('参会人', 'Attendees'), type: 'text', width: 20 },
    {
      key: 'agenda',
      label: L('议程', 'Agenda'),
      type: 'text',
      width: 40,
      // Source 003 §3's own list of what a meeting covers.
      note: L(
        '目标进展回顾、重点项目推进情况、遇到的障碍与所需支持、成功经验分享、下一步行动计划',
        'Progress against target, key deals, obstacles and support needed, what worked, the next actions',
      ),
    },
    { key: 'decisions', label: L('决议', 'Decisions'), type: 'text', width: 30 },
    { key: 'nextDate', label: L('下次会议', 'Next meeting'), type: 'date', width: 12 },
    {
      key: 'openItems',
      label: L('未完成行动项', 'Open action items'),
      type: 'integer',
      width: 12,
      formula: { native: { 'zh-CN': openItems('zh-CN'), 'en-US': openItems('en-US') } },
    },
  ],
  samples: [
    {
      meetingId: 'M2024-03-04',
      date: '2024-03-04',
      kind: kind('weekly'),
      host: L('销售总监', 'Sales director'),
      attendees: L('华南区经理、华东区经理、销售主管', 'South manager, East manager, sales lead'),
      agenda: L(
        '1. 目标进展:3月华南区完成91.7%;2. 线索跟进不及时,平均响应超48小时;3. 销售与售后信息不同步',
        '1. Progress: South at 91.7% in March; 2. Leads followed up late (over 48 hours); 3. Sales and after-sales out of step',
      ),
      decisions: L('话术标准化;与售后共享客户问题', 'Standard follow-up script; share customer issues with after-sales'),
      nextDate: '2024-03-11',
    },
    {
      meetingId: 'M2024-03-11',
      date: '2024-03-11',
      kind: kind('crossDepartment'),
      host: L('销售总监', 'Sales director'),
      attendees: L('大客户经理、法务部、售后部', 'Key account manager, legal, after-sales'),
      agenda: L(
        '大客户成交周期长,平均90天:方案定制流程繁琐,决策链不清晰',
        'Key accounts close in 90 days: slow custom proposals, unclear decision chain',
      ),
      decisions: L('法务提前介入大客户合同', 'Legal joins key-account contracts early'),
      nextDate: '2024-03-18',
    },
  ],
  conditionalFormats: [],
};
