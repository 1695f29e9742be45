/** Step 4's SMART check, step 5's follow-up (the CRM training late 3 days), review ids and the empty draft. */
import { type Action, type Finding, checkSmart, emptyDraft, followUpItems, newReviewId, serialFromDate } from '../../../src/core';
import { TODAY, edit, rowOf, sampleData } from './fixtures';

const finding: Finding = {
  id: 'goals.belowTarget:r3',
  dimension: 'goals',
  problem: '华南区 2024-03 未达成月度目标',
  impact: '差距 15万',
  cause: '',
  severity: 'medium',
  origin: 'rule',
  rule: 'goals.belowTarget',
};

const good: Action = {
  id: 'a1',
  findingId: finding.id,
  task: '加大高端客户拜访频次',
  owner: '区域经理',
  start: TODAY,
  due: TODAY + 30,
  output: '拜访记录',
  resources: '',
  metric: '月度达成率',
  targetValue: 1,
};

const fields = (action: Action) => checkSmart(action, [finding], TODAY).map((i) => i.field);

describe('checkSmart', () => {
  it('passes a specific, measurable, owned, dated, linked action', () => {
    expect(checkSmart(good, [finding], TODAY)).toEqual([]);
  });

  it('says per field what to fix, in both languages', () => {
    const issues = checkSmart(
      { ...good, owner: ' ', task: '', due: null, metric: '', targetValue: null, findingId: null },
      [finding],
      TODAY,
    );
    expect(issues.map((i) => [i.field, i.message['zh-CN']])).toEqual([
      ['task', '请写明具体要做什么(任务内容)。'],
      ['owner', '请指定一位负责人。'],
      ['due', '请填写完成时间(日期)。'],
      ['target', '请写明衡量指标和目标值,例如“线索转化率 18%”。'],
      ['finding', '请关联一个诊断出的问题。'],
    ]);
    expect(issues.every((i) => i.actionId === 'a1' && i.message['en-US'].length > 0)).toBe(true);
  });

  it('due must be after today, and start not after due', () => {
    expect(fields({ ...good, due: TODAY })).toEqual(['due']);
    expect(checkSmart({ ...good, due: TODAY - 1 }, [finding], TODAY)[0]?.message['en-US']).toBe('The due date must be after today.');
    expect(fields({ ...good, start: TODAY + 40 })).toEqual(['start']);
    expect(fields({ ...good, start: null })).toEqual([]);
    expect(fields({ ...good, due: Number.NaN })).toEqual(['due']);
  });

  it('measurable = a named metric and a finite number', () => {
    expect(fields({ ...good, targetValue: Number.POSITIVE_INFINITY })).toEqual(['target']);
    expect(checkSmart({ ...good, metric: '' }, [finding], TODAY)[0]?.message['zh-CN']).toBe('请写明衡量指标,例如“线索转化率 18%”。');
    expect(checkSmart({ ...good, targetValue: null }, [finding], TODAY)[0]?.message['zh-CN']).toBe(
      '请写明目标值(数字),例如“线索转化率 18%”。',
    );
  });

  it('the linked finding must exist', () => {
    expect(fields({ ...good, findingId: 'gone' })).toEqual(['finding']);
  });
});

describe('followUpItems', () => {
  it('the documents’ 表3: 话术标准化 on time, CRM training late 3 days', () => {
    const items = followUpItems(sampleData(), TODAY);
    expect(items.map((i) => [i.row, i.action, i.status])).toEqual([
      [0, '客户跟进话术标准化', { kind: 'onTime' }],
      [1, 'CRM系统数据录入规范培训', { kind: 'late', days: 3 }],
    ]);
    expect(items[1]).toMatchObject({
      owner: '培训专员',
      planned: serialFromDate(2024, 3, 25),
      actual: serialFromDate(2024, 3, 28),
      quality: '良',
      reviewId: '',
    });
  });

  it('open actions: overdue N days when past plan, else days left; old graded ones drop out', () => {
    const data = sampleData();
    const execution = data.execution!;
    data.execution = edit(execution, {
      2: rowOf(execution, { 优化措施: '线索分级试点', 责任人: '销售经理', 计划完成时间: TODAY - 6, 复盘编号: 'R2024-03-01' }),
      3: rowOf(execution, { 优化措施: '客户画像工具评估', 责任人: 'IT部工程师', 计划完成时间: TODAY + 9, 复盘编号: 'R2024-03-01' }),
      4: rowOf(execution, { 优化措施: '这一次复盘的措施', 责任人: '销售经理', 计划完成时间: TODAY + 9, 复盘编号: 'R2024-04-01' }),
    });
    const items = followUpItems(data, TODAY, { excludeReviewId: 'R2024-04-01' });
    expect(items.slice(2).map((i) => [i.row, i.status, i.reviewId])).toEqual([
      [2, { kind: 'overdue', days: 6 }, 'R2024-03-01'],
      [3, { kind: 'open', daysLeft: 9 }, 'R2024-03-01'],
    ]);
    // A year later the two graded sample actions are history; the open ones stay.
    expect(followUpItems(data, TODAY + 365, { excludeReviewId: 'R2024-04-01' }).map((i) => i.row)).toEqual([2, 3]);
  });

  it('works on an en-US 表3 and without one', () => {
    expect(followUpItems(sampleData('en-US'), TODAY)[1]?.status).toEqual({ kind: 'late', days: 3 });
    expect(followUpItems({}, TODAY)).toEqual([]);
  });
});

describe('review ids and the empty draft', () => {
  const day = serialFromDate(2026, 11, 23);

  it('R + the date, with -2, -3 … when taken', () => {
    expect(newReviewId(day, [])).toBe('R2026-11-23');
    expect(newReviewId(day, ['R2026-11-23'])).toBe('R2026-11-23-2');
    expect(newReviewId(day, ['R2026-11-23', 'R2026-11-23-2'])).toBe('R2026-11-23-3');
  });

  it('starts empty with the four areas and the next review a month on', () => {
    expect(emptyDraft({ today: day, existingIds: ['R2026-11-23'] })).toEqual({
      reviewId: 'R2026-11-23-2',
      date: day,
      period: '2026-11',
      participants: '',
      areas: ['process', 'team', 'customer', 'market'].map((area) => ({ area, evidence: [], note: '' })),
      findings: [],
      actions: [],
      followUps: [],
      nextReview: day + 30,
    });
  });
});
