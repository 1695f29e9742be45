/** The review's fixed vocabulary (docs/DOMAIN.md §3): the four areas of 过程评估. */
import { L, type Localized } from '../i18n';

/** The four areas of process evaluation (source 000, docs/DOMAIN.md §1), in the order the wizard shows them. */
export const PROCESS_AREAS = ['process', 'team', 'customer', 'market'] as const;
export type ProcessArea = (typeof PROCESS_AREAS)[number];

export const AREA_LABELS: Readonly<Record<ProcessArea, Localized>> = {
  process: L('销售流程', 'Sales process'),
  team: L('销售团队', 'Sales team'),
  customer: L('客户', 'Customers'),
  market: L('市场', 'Market'),
};
