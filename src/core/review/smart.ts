/**
 * Step 4's SMART check (source 002 第二步, docs/DOMAIN.md: 具体、可衡量、可实现、相关性、时间限制): an action can be
 * written only with a task, an owner, a due date after today (and a start not after it), a named
 * metric with a numeric target, and a finding it answers. Each issue says what to fix.
 */
import { isBlank } from '../values';
import { L } from '../i18n';
import { isSerial } from './read';
import type { Action, Finding, SmartIssue } from './types';

const isDate = (v: number | null): v is number => isSerial(v);

export function checkSmart(action: Action, findings: readonly Finding[], today: number): SmartIssue[] {
  const issues: SmartIssue[] = [];
  const add = (field: SmartIssue['field'], zh: string, en: string) => issues.push({ actionId: action.id, field, message: L(zh, en) });

  if (isBlank(action.task)) add('task', '请写明具体要做什么(任务内容)。', 'Say what will be done (the task).');
  if (isBlank(action.owner)) add('owner', '请指定一位负责人。', 'Name one owner.');
  if (!isDate(action.due)) add('due', '请填写完成时间(日期)。', 'Enter a due date.');
  else if (Math.floor(action.due) <= Math.floor(today)) add('due', '完成时间须晚于今天。', 'The due date must be after today.');
  if (action.start !== null && !isDate(action.start)) add('start', '开始时间不是有效日期。', 'The start is not a valid date.');
  else if (isDate(action.start) && isDate(action.due) && Math.floor(action.start) > Math.floor(action.due)) {
    add('start', '开始时间不能晚于完成时间。', 'The start cannot be after the due date.');
  }
  const hasMetric = !isBlank(action.metric);
  const hasValue = typeof action.targetValue === 'number' && Number.isFinite(action.targetValue);
  if (!hasMetric || !hasValue) {
    const what =
      !hasMetric && !hasValue
        ? ['衡量指标和目标值', 'a metric and its target value']
        : !hasMetric
          ? ['衡量指标', 'the metric']
          : ['目标值(数字)', 'a numeric target value'];
    add('target', `请写明${what[0]},例如“线索转化率 18%”。`, `Make it measurable: give ${what[1]}, e.g. "lead conversion 18%".`);
  }
  if (action.findingId === null || !findings.some((f) => f.id === action.findingId)) {
    add('finding', '请关联一个诊断出的问题。', 'Link the action to a diagnosed problem.');
  }
  return issues;
}
