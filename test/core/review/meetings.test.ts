/**
 * 销售例会 and 行动项 in the review (issue 25): each item's state on the review day equals an oracle
 * (done, done late, cancelled, overdue, open); overdue items — and only they — become findings, in
 * the report and in the items step 5 follows; cross-department items count by department in 过程评估;
 * the next meeting's agenda names the overdue items, the missing calls and the findings.
 */
import fc from 'fast-check';
import {
  ACTION_STATUSES,
  type ActionState,
  type ActionStatus,
  actionItemsToFollow,
  actionState,
  agendaMeeting,
  analyseWorkbook,
  buildReviewReport,
  diagnose,
  draftAgenda,
  evaluateProcess,
  labelOfKey,
  newDatedId,
  serialFromDate,
} from '../../../src/core';
import { sampleTable, tableOf } from './fixtures';

const TODAY = serialFromDate(2026, 3, 20);
const status = (key: ActionStatus) => labelOfKey(ACTION_STATUSES, key)['zh-CN'];

// Item, owner, due, status, done on, meeting, department — and the state the oracle expects on TODAY.
const ITEMS: readonly (readonly [string, string, number, ActionStatus | null, number | null, string, string, ActionState])[] = [
  ['话术标准化', '销售主管', TODAY - 10, 'done', TODAY - 10, 'M1', '', 'doneOnTime'],
  ['共享客户问题', '华南区经理', TODAY - 20, 'inProgress', TODAY - 5, 'M1', '售后部', 'doneLate'],
  ['法务提前介入', '大客户经理', TODAY - 3, 'notStarted', null, 'M2', '法务部', 'overdue'],
  ['新人培训', '培训专员', TODAY - 30, 'inProgress', null, 'M2', '', 'overdue'],
  ['市场活动复盘', '市场经理', TODAY - 8, 'cancelled', null, 'M2', '市场部', 'cancelled'],
  ['周报模板', '销售主管', TODAY + 5, 'inProgress', null, 'M3', '', 'open'],
  ['已完成未填日期', '销售主管', TODAY - 2, 'done', null, 'M3', '售后部', 'doneOnTime'],
];

function workbook() {
  return {
    actionItems: tableOf(
      'actionItems',
      ITEMS.map(([item, owner, due, st, doneOn, meetingId, department]) => ({
        行动项: item,
        负责人: owner,
        截止日期: due,
        状态: st === null ? null : status(st),
        完成日期: doneOn,
        来源会议: meetingId,
        协作部门: department === '' ? null : department,
      })),
    ),
    meetings: tableOf('meetings', [
      { 会议编号: 'M1', 日期: TODAY - 21, 类型: '周会', 下次会议: TODAY - 14 },
      { 会议编号: 'M2', 日期: TODAY - 14, 类型: '跨部门', 下次会议: TODAY + 1 },
      { 会议编号: 'M9', 日期: TODAY + 8, 类型: '周会' },
    ]),
  };
}

test('each item’s state on the review day equals the oracle', () => {
  const summary = analyseWorkbook(workbook(), { today: TODAY }).summary.meetings;
  expect(summary?.items.map((i) => [i.item, i.state, i.daysOverdue])).toEqual(
    ITEMS.map(([item, , due, , , , , state]) => [item, state, state === 'overdue' ? TODAY - due : undefined]),
  );
  expect(summary?.meetings.map((m) => m.id)).toEqual(['M2', 'M1']); // M9 is not held yet
  expect(summary?.ids).toEqual(['M1', 'M2', 'M9']);
  expect(summary?.byDepartment).toEqual([
    { department: '法务部', total: 1, done: 0, open: 0, overdue: 1 },
    { department: '售后部', total: 2, done: 2, open: 0, overdue: 0 },
  ]);
});

test('actionState: cancelled wins, a done date decides on time or late, else the due day against today', () => {
  fc.assert(
    fc.property(
      fc.constantFrom<ActionStatus | undefined>(undefined, 'notStarted', 'inProgress', 'done', 'cancelled'),
      fc.integer({ min: 40000, max: 50000 }),
      fc.option(fc.integer({ min: -40, max: 40 }), { nil: undefined }),
      fc.integer({ min: -40, max: 40 }),
      (st, due, doneDelta, todayDelta) => {
        const doneOn = doneDelta === undefined ? undefined : due + doneDelta;
        const state = actionState(st, due, doneOn, due + todayDelta);
        if (st === 'cancelled') expect(state).toBe('cancelled');
        else if (doneOn !== undefined) expect(state).toBe(doneDelta! > 0 ? 'doneLate' : 'doneOnTime');
        else if (st === 'done') expect(state).toBe('doneOnTime');
        else expect(state).toBe(todayDelta > 0 ? 'overdue' : 'open');
      },
    ),
  );
});

test('overdue items, and only they, are findings in the report; step 5 follows overdue then open', () => {
  const data = workbook();
  const analysis = analyseWorkbook(data, { today: TODAY });
  const findings = diagnose(analysis, { locale: 'zh-CN', today: TODAY }).filter((f) => f.rule === 'meetings.actionOverdue');
  expect(findings.map((f) => f.problem)).toEqual([
    '行动项“新人培训”(来自 M2)已过截止日期 2026-02-18 30 天未完成,负责人 培训专员',
    '行动项“法务提前介入”(来自 M2)已过截止日期 2026-03-17 3 天未完成,负责人 大客户经理,协作部门 法务部',
  ]);
  expect(findings.map((f) => [f.dimension, f.severity])).toEqual([
    ['process', 'high'],
    ['teamwork', 'medium'],
  ]);
  const report = buildReviewReport({
    reviewId: 'R2026-03-20',
    date: TODAY,
    period: '2026-03',
    analysis,
    areas: evaluateProcess(analysis, 'zh-CN'),
    findings,
    actions: [],
    data,
    locale: 'zh-CN',
  });
  const problems = report.findings.map((f) => f.problem).join('\n');
  expect(problems).toContain('法务提前介入');
  expect(problems).toContain('新人培训');
  for (const done of ['话术标准化', '共享客户问题', '市场活动复盘', '已完成未填日期', '周报模板']) expect(problems).not.toContain(done);
  expect(report.findings.find((f) => f.problem.includes('新人培训'))?.sheet).toBe('行动项');

  expect(actionItemsToFollow(analysis.summary.meetings).map((i) => i.item)).toEqual(['新人培训', '法务提前介入', '周报模板']);
  const team = evaluateProcess(analysis, 'zh-CN').find((a) => a.area === 'team');
  expect(team?.evidence.join('\n')).toContain('跨部门协作:法务部 1 项(完成 0,逾期 1)');
});

test('the next meeting: the date the last one set, a fresh id, and an agenda naming what is overdue', () => {
  const data = workbook();
  const analysis = analyseWorkbook(data, { today: TODAY });
  const findings = diagnose(analysis, { locale: 'zh-CN', today: TODAY });
  const lines = draftAgenda(analysis, findings, 'zh-CN');
  expect(lines[0]).toBe('1. 目标进展回顾');
  expect(lines[2]).toBe('3. 遇到的障碍与所需支持'); // the overdue items are not repeated as obstacles
  expect(lines[3]).toBe('4. 上次行动项未完成:新人培训(培训专员,逾期 30 天),法务提前介入(大客户经理,逾期 3 天)');
  expect(lines.at(-1)).toMatch(/^\d+\. 下一步行动计划/);
  const meeting = agendaMeeting(analysis, findings, 'zh-CN', TODAY);
  expect(meeting).toMatchObject({ meetingId: 'M2026-03-21', date: TODAY + 1, kind: '周会' });
  expect(newDatedId('M', TODAY, ['M2026-03-20', 'M2026-03-20-2'])).toBe('M2026-03-20-3');
});

test('the documents’ samples raise no meeting finding, however late the review', () => {
  const analysis = analyseWorkbook({ actionItems: sampleTable('actionItems'), meetings: sampleTable('meetings') }, { today: TODAY + 1000 });
  expect(analysis.summary.meetings?.items.map((i) => i.state)).toEqual(['doneOnTime', 'doneLate', 'doneOnTime']);
  expect(diagnose(analysis, { locale: 'zh-CN', today: TODAY + 1000 }).filter((f) => f.rule === 'meetings.actionOverdue')).toEqual([]);
});
