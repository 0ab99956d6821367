/**
 * The model of a ui-update operation: the team's own component, or the shipped `liveRecordFeed`
 * configured from the declaration's `show`, `statusField` and `title`.
 */
import type { UiUpdateOperation } from '../../dsl';
import type { SourceLocation, UiUpdateModel } from './types';

/** The shipped component (ts-src/lwc/liveRecordFeed) a ui-update without `component` places. */
export const LIVE_RECORD_COMPONENT = 'liveRecordFeed';

export function uiUpdateModel(operation: UiUpdateOperation, location: SourceLocation): UiUpdateModel {
  if (operation.component !== undefined) return { ...operation, location };
  const { show, statusField, title, ...rest } = operation;
  return {
    ...rest,
    component: LIVE_RECORD_COMPONENT,
    live: { show: [...show], ...(statusField ? { statusField } : {}), ...(title ? { title } : {}) },
    location,
  };
}
