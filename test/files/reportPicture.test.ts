/**
 * The review picture (what a manager posts in the team chat): the top findings in the report's
 * order — by severity, then money at stake, across every rule — the actions written in step 4 and
 * the workbook's money unit.
 */
import { type Action, analyseWorkbook, buildReviewReport, diagnose, evaluateProcess } from '../../src/core';
import { reviewPictureSize, reviewPictureSvg } from '../../src/files/reportPicture';
import { TODAY, sampleData } from '../core/review/fixtures';

const action = (task: string, owner: string, due: number | null): Action => ({
  id: task,
  findingId: null,
  task,
  owner,
  start: null,
  due,
  output: '',
  resources: '',
  metric: '',
  targetValue: null,
});

function report(actions: Action[]) {
  const data = sampleData('zh-CN');
  const analysis = analyseWorkbook(data, { today: TODAY });
  const findings = diagnose(analysis, { locale: 'zh-CN', today: TODAY, moneyUnit: '万元' });
  const areas = evaluateProcess(analysis, 'zh-CN');
  return buildReviewReport({
    reviewId: 'R2024-04-01',
    date: TODAY,
    period: '2024 Q1',
    analysis,
    areas,
    findings,
    actions,
    data,
    locale: 'zh-CN',
    moneyUnit: '万元',
  });
}

test('the picture shows the top findings in the report’s order, the step-4 actions and the unit', () => {
  const withActions = report([action('华南大客户逐一拜访', '区域经理', TODAY + 14), action('每周复盘推迟的商机', '', null)]);
  const svg = reviewPictureSvg(withActions, []);
  expect(svg).toContain('金额单位: 万元');
  const top = withActions.findings.slice(0, 5).map((f) => svg.indexOf(f.problem.slice(0, 20).replace(/&/g, '&amp;')));
  expect(top.every((at) => at > 0)).toBe(true);
  expect([...top].sort((a, b) => a - b)).toEqual(top);
  expect(svg).toContain('改进措施');
  expect(svg).toContain('华南大客户逐一拜访 · 区域经理 · 2024-04-15');
  expect(svg).toContain('每周复盘推迟的商机');
  expect(svg.indexOf('改进措施')).toBeGreaterThan(top.at(-1) ?? 0);
  // Room is made for them: the picture grows by their lines.
  expect(reviewPictureSize(withActions).height).toBeGreaterThan(reviewPictureSize(report([])).height);
  expect(reviewPictureSvg(report([]), [])).not.toContain('改进措施');
});
