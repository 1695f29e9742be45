/** 目标分解 Goal breakdown: the split (pure, exact) and its rows for 表2. */
export * from './types';
export { breakDownGoal } from './breakdown';
export { MAX_MONTHS, MAX_REGIONS, validateGoalInput } from './validate';
export { controlledRound } from './rounding';
export { GOAL_INPUT_COLUMNS, type GoalWritePlan, goalTableWrite } from './write';
