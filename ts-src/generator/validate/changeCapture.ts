/**
 * Rules of change-capture operations beyond the references every operation is checked for (its
 * system, object and fields: index.ts): the change types, the method, and the org's allocation of
 * entities selected for Change Data Capture.
 */
import { childAt, type Literal } from '../load/literal';
import { ALL_CHANGE_TYPES } from '../model/changeEvents';
import { stringAt, type Report } from './fields';
import { MAX_CDC_SELECTED_ENTITIES } from './rules';

const isChangeCapture = (operation: Literal) => stringAt(operation, 'pattern') === 'change-capture';

export function checkChangeCapture(report: Report, operations: readonly Literal[]): void {
  const captures = operations.filter(isChangeCapture);
  for (const operation of captures) {
    checkChangeTypes(report, childAt(operation, 'changeTypes'));
    const method = childAt(operation, 'method');
    if (method?.type === 'string' && method.value === 'GET') {
      report(
        method,
        'http-method',
        'A change-capture operation sends each changed record as a request body, and GET sends none',
        'use POST, PUT or PATCH (a delete is sent as a body with "changeType": "DELETE")',
      );
    }
  }
  checkSelectedEntities(report, captures);
}

function checkChangeTypes(report: Report, changeTypes: Literal | undefined): void {
  if (changeTypes?.type !== 'array') return;
  if (changeTypes.items.length === 0) {
    report(
      changeTypes,
      'change-types',
      'changeTypes is empty: no change of the object would be sent',
      `list the changes to send (${ALL_CHANGE_TYPES.join(', ')}), or leave changeTypes out for all of them`,
    );
  }
  const seen = new Set<string>();
  for (const item of changeTypes.items) {
    if (item.type !== 'string') continue;
    if (!(ALL_CHANGE_TYPES as readonly string[]).includes(item.value)) {
      report(
        item,
        'change-types',
        `"${item.value}" is not a change type Change Data Capture reports (gap and overflow events follow their type and are always handled)`,
        `use ${ALL_CHANGE_TYPES.join(', ')}`,
      );
    } else if (seen.has(item.value)) {
      report(item, 'change-types', `"${item.value}" is listed twice`, 'list each change type once');
    }
    seen.add(item.value);
  }
}

/** Distinct captured objects against the default allocation, reported at the first one past it. */
function checkSelectedEntities(report: Report, captures: readonly Literal[]): void {
  const objects: { name: string; at: Literal }[] = [];
  for (const operation of captures) {
    const at = childAt(operation, 'object');
    if (at?.type !== 'string' || objects.some((o) => o.name === at.value)) continue;
    objects.push({ name: at.value, at });
  }
  if (objects.length <= MAX_CDC_SELECTED_ENTITIES) return;
  const past = objects[MAX_CDC_SELECTED_ENTITIES];
  report(
    past.at,
    'cdc-entity-limit',
    `${objects.length} objects are captured (${objects.map((o) => o.name).join(', ')}); an org selects at most ${MAX_CDC_SELECTED_ENTITIES} entities for Change Data Capture without the add-on license, and ${past.name} is number ${MAX_CDC_SELECTED_ENTITIES + 1}`,
    `capture at most ${MAX_CDC_SELECTED_ENTITIES} objects (several operations may share one object), or move the changes of ${past.name} to a batch-sync`,
  );
}
