/**
 * 方案反馈 as the review reads it (持续跟踪's 收集反馈意见): per statement the answers, the mean, the
 * spread of scores and the share agreeing; the comments' themes counted (core/domain/survey.ts).
 * A score that is not a whole 1–5 is left out and its row named. Nothing identifies a respondent.
 */
import { FEEDBACK_THEMES, type FeedbackTheme, SCORE_MAX, SCORE_MIN, themesOf } from '../domain/survey';
import { matchKey } from '../deals/normalize';
import { cellOf, readNumber, readText, sheetRowOf, viewOf } from './read';
import type { SurveyStatementLine, SurveySummary } from './surveyTypes';
import type { WorkbookData } from './types';

const EXAMPLES = 2;

export function surveySummary(data: WorkbookData): SurveySummary | undefined {
  const view = viewOf(data, 'planFeedback');
  if (!view) return undefined;
  const at = cellOf(view);
  const byStatement = new Map<string, { statement: string; scores: number[] }>();
  const responses = new Set<string>();
  const themes = new Map<FeedbackTheme, { count: number; examples: string[] }>();
  const badScoreRows: number[] = [];
  let otherComments = 0;
  view.table.rows.forEach((row, i) => {
    const statement = readText(at(row, 'statement'));
    const comment = readText(at(row, 'comment'));
    const responseId = readText(at(row, 'responseId'));
    if (statement === '' && comment === '') return;
    if (responseId !== '') responses.add(responseId);
    if (comment !== '') {
      const found = themesOf(comment);
      if (found.length === 0) otherComments += 1;
      for (const theme of found) {
        const t = themes.get(theme) ?? { count: 0, examples: [] };
        t.count += 1;
        if (t.examples.length < EXAMPLES) t.examples.push(comment);
        themes.set(theme, t);
      }
    }
    if (statement === '') return;
    const score = readNumber(at(row, 'score'));
    if (score === null) return;
    if (!Number.isInteger(score) || score < SCORE_MIN || score > SCORE_MAX) {
      badScoreRows.push(sheetRowOf(view.table, i));
      return;
    }
    const key = matchKey(statement);
    const line = byStatement.get(key) ?? { statement, scores: [] };
    line.scores.push(score);
    byStatement.set(key, line);
  });
  const statements: SurveyStatementLine[] = [...byStatement.values()].map(({ statement, scores }) => {
    const distribution = [1, 2, 3, 4, 5].map((s) => scores.filter((x) => x === s).length) as [number, number, number, number, number];
    return {
      statement,
      answers: scores.length,
      mean: scores.reduce((s, x) => s + x, 0) / scores.length,
      distribution,
      agree: (distribution[3] + distribution[4]) / scores.length,
    };
  });
  return {
    sheet: view.table.sheetName,
    responses: responses.size,
    statements,
    themes: FEEDBACK_THEMES.flatMap((t) => {
      const found = themes.get(t.key);
      return found ? [{ theme: t.key, label: t.label, count: found.count, examples: found.examples }] : [];
    }).sort((a, b) => b.count - a.count),
    otherComments,
    badScoreRows,
  };
}
