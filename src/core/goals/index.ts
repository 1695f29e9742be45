/** 目标分解 Goal breakdown: the split (pure, exact) and its rows for 表2. */
export * from './types';
export { breakDownGoal } from './breakdown';
export { validateGoalInput } from './validate';
export { controlledRound } from './rounding';
export { type GoalWritePlan, goalTableWrite } from './write';
