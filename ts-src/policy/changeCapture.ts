/**
 * What a change-capture operation does with one change event (model of
 * `SwyChangeCapture.actionFor`): the messages it makes then go through the same delivery decisions
 * as fire-and-forget (SwyDeliveryJob), so only this first step is the pattern's own.
 *
 * - GAP_OVERFLOW, an unknown change type, or no usable record id (a wildcard such as `001*`):
 *   reconcile (a Failed row says which entity to reconcile since when);
 * - a change type the operation does not declare (gaps follow their type): skip;
 * - DELETE, GAP_DELETE: send the id;
 * - a change whose event holds every declared field (a CREATE or UNDELETE whose change event has
 *   them all, an UPDATE that changed them all): send the event's values;
 * - any other (a formula field is in no change event, an update carries only changed fields) and
 *   GAP_CREATE/UPDATE/UNDELETE: re-read the records, unless there are more of them than one
 *   re-read may hold (reconcile).
 * https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_other_events_gap.htm
 */

export type ChangeAction = 'send-event' | 're-read' | 'send-id' | 'reconcile' | 'skip';

export const CHANGE_TYPES = ['CREATE', 'UPDATE', 'DELETE', 'UNDELETE'] as const;
export const OVERFLOW = 'GAP_OVERFLOW';
/** Records one trigger execution re-reads at most (SwyChangeCapture.MAX_REREAD_ROWS). */
export const MAX_REREAD_ROWS = 10_000;

export function changeCaptureAction(
  changeType: string,
  captured: readonly string[],
  recordCount: number,
  carriesDeclaredFields: boolean,
): ChangeAction {
  if (changeType === OVERFLOW) return 'reconcile';
  const gap = changeType.startsWith('GAP_');
  const base = gap ? changeType.slice(4) : changeType;
  if (!(CHANGE_TYPES as readonly string[]).includes(base)) return 'reconcile';
  if (!captured.includes(base)) return 'skip';
  if (recordCount === 0) return 'reconcile';
  if (base === 'DELETE') return 'send-id';
  if (!gap && carriesDeclaredFields) return 'send-event';
  return recordCount > MAX_REREAD_ROWS ? 'reconcile' : 're-read';
}
