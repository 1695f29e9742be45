/**
 * 方案反馈 Plan feedback (issue 25; source 002 第四步 收集反馈意见: 问卷调研(匿名)): each answer is a
 * statement scored 1–5 with free text, under a response number — no column names or identifies the
 * person. Per statement, the mean and the number of answers; the review counts the free text's
 * themes (core/domain/survey.ts). Samples are the document's own quotes.
 */
import { SCORE_MAX, SCORE_MIN, SURVEY_STATEMENTS } from '../../domain/survey';
import { L } from '../../i18n';
import type { TemplateSpec } from '../types';

const [, GRADING, TOOLS] = SURVEY_STATEMENTS as [unknown, (typeof SURVEY_STATEMENTS)[number], (typeof SURVEY_STATEMENTS)[number]];
const answered = '{statement#all},{statement},{score#all},"<>"';

export const planFeedback: TemplateSpec = {
  id: 'planFeedback',
  sheetName: L('方案反馈', 'Plan Feedback'),
  tableName: 'PlanFeedback',
  purpose: L(
    '匿名问卷:每行一条陈述的评分(1–5)和意见建议,只写答卷编号,不写姓名。按陈述看平均分,复盘第五步汇总意见的主题。',
    'An anonymous survey: each row scores one statement (1–5) with comments, under a response number, never a name. The mean per statement; the review’s step 5 counts the comments’ themes.',
  ),
  source: { document: '002', part: L('第四步 收集反馈意见', 'step 4, collecting feedback') },
  columns: [
    {
      key: 'responseId',
      label: L('答卷编号', 'Response'),
      type: 'text',
      width: 10,
      required: true,
      note: L('匿名:只填编号(如 A01),不填姓名', 'Anonymous: a number such as A01, never a name'),
    },
    { key: 'statement', label: L('陈述', 'Statement'), type: 'text', width: 26, required: true, list: SURVEY_STATEMENTS },
    {
      key: 'score',
      label: L('评分', 'Score'),
      type: 'integer',
      width: 8,
      required: true,
      note: L(`${SCORE_MIN} 非常不同意 … ${SCORE_MAX} 非常同意`, `${SCORE_MIN} strongly disagree … ${SCORE_MAX} strongly agree`),
    },
    { key: 'comment', label: L('意见与建议', 'Comments'), type: 'text', width: 32 },
    { key: 'submittedOn', label: L('提交日期', 'Date'), type: 'date', width: 12 },
    { key: 'plan', label: L('对应方案', 'Plan'), type: 'text', width: 14 },
    {
      key: 'mean',
      label: L('该陈述平均分', 'Statement mean'),
      type: 'number',
      width: 12,
      formula: { native: `IF({statement}="","",IFERROR(AVERAGEIFS({score#all},${answered}),""))` },
    },
    {
      key: 'answers',
      label: L('该陈述答卷数', 'Statement answers'),
      type: 'integer',
      width: 12,
      formula: { native: `IF({statement}="","",COUNTIFS(${answered}))` },
    },
  ],
  samples: [
    {
      responseId: 'A01',
      statement: GRADING,
      score: 5,
      comment: L('线索分级后跟进更有针对性', 'Follow-up is more focused since lead grading'),
      submittedOn: '2024-04-08',
      plan: 'R2024-04-01',
    },
    {
      responseId: 'A01',
      statement: TOOLS,
      score: 4,
      comment: L('CRM系统提醒功能减少了遗漏', 'The CRM’s reminders mean fewer misses'),
      submittedOn: '2024-04-08',
      plan: 'R2024-04-01',
    },
    { responseId: 'A02', statement: GRADING, score: 4, submittedOn: '2024-04-09', plan: 'R2024-04-01' },
    {
      responseId: 'A02',
      statement: TOOLS,
      score: 2,
      comment: L('希望增加客户画像分析工具', 'We would like a customer-profile analysis tool'),
      submittedOn: '2024-04-09',
      plan: 'R2024-04-01',
    },
  ],
  conditionalFormats: [{ column: 'mean', rule: { kind: 'lessThan', value: 3 }, tone: 'bad' }],
};
