/**
 * 方案反馈 (source 002 第四步 收集反馈意见: 通过问卷调研(匿名)或座谈会,收集销售人员对方案的评价…及改进建议):
 * the statements a team scores 1–5, and the themes free text is counted under. One home for both.
 * Anonymous by design: a response has a number, never a name.
 */
import { L, type Localized } from '../i18n';

/** The default statements (the manager may write others): the plan's aims, tools, training, fairness, will. */
export const SURVEY_STATEMENTS: readonly Localized[] = [
  L('新方案的目标清楚', 'The plan’s goals are clear'),
  L('线索分级让跟进更有针对性', 'Lead grading makes follow-up more focused'),
  L('工具支持足够', 'The tools support the work well enough'),
  L('培训对工作有帮助', 'The training helps in the work'),
  L('考核方式公平', 'The way we are assessed is fair'),
  L('愿意继续执行新方案', 'I want to keep working this way'),
];

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
/** A statement averaging below this, with at least MIN_RESPONSES answers, is a finding. */
export const LOW_SCORE = 3;
export const MIN_RESPONSES = 3;

export type FeedbackTheme = 'tools' | 'training' | 'process' | 'leads' | 'incentives' | 'workload' | 'teamwork';

/** Themes of free text and the words that signal them (a comment may touch several). */
export const FEEDBACK_THEMES: readonly { readonly key: FeedbackTheme; readonly label: Localized; readonly words: readonly string[] }[] = [
  {
    key: 'tools',
    label: L('工具与系统', 'Tools and systems'),
    words: ['工具', '系统', 'CRM', '画像', '提醒', '软件', 'tool', 'system', 'app'],
  },
  {
    key: 'training',
    label: L('培训与辅导', 'Training and coaching'),
    words: ['培训', '辅导', '学习', '技巧', 'training', 'coach', 'learn'],
  },
  {
    key: 'process',
    label: L('流程与审批', 'Process and approvals'),
    words: ['流程', '审批', '步骤', '手续', 'process', 'approval', 'step'],
  },
  { key: 'leads', label: L('线索与客户', 'Leads and customers'), words: ['线索', '客户', '分级', '跟进', 'lead', 'customer', 'follow'] },
  {
    key: 'incentives',
    label: L('考核与激励', 'Assessment and incentives'),
    words: ['考核', '激励', '奖金', '提成', '奖励', 'bonus', 'commission', 'incentive'],
  },
  {
    key: 'workload',
    label: L('时间与工作量', 'Time and workload'),
    words: ['时间', '工作量', '加班', '太多', '繁琐', 'time', 'workload', 'overtime'],
  },
  {
    key: 'teamwork',
    label: L('沟通与协作', 'Communication and teamwork'),
    words: ['沟通', '协作', '配合', '部门', '共享', 'communicat', 'collaborat', 'share'],
  },
];

/** The themes a comment touches, in FEEDBACK_THEMES' order. */
export function themesOf(comment: string): FeedbackTheme[] {
  const text = comment.toLowerCase();
  return FEEDBACK_THEMES.filter((t) => t.words.some((w) => text.includes(w.toLowerCase()))).map((t) => t.key);
}
