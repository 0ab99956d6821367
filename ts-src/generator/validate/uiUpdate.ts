/**
 * Rules of a ui-update operation's live-record configuration: without a `component` of its own the
 * shipped `liveRecordFeed` shows the events, configured by `show`, `statusField` and `title`; with
 * one those properties mean nothing and are refused. The event and record-id field themselves are
 * checked with every other operation's references (index.ts).
 */
import { childAt, type Literal } from '../load/literal';
import { LIVE_RECORD_COMPONENT } from '../model/uiUpdate';
import { stringAt, type Report } from './fields';

/** Rows of one event in a record-page sidebar: more would push the history off the card. */
export const MAX_SHOWN_FIELDS = 10;
/** Card titles are one line of the sidebar. */
export const MAX_LIVE_TITLE = 80;
/** Field kinds whose value reads as a status (Platform Events have no picklist fields). */
const STATUS_KINDS = new Set(['Text']);

export function checkUiUpdate(
  report: Report,
  operation: Literal,
  eventFields: ReadonlyMap<string, ReadonlyMap<string, Literal>>,
): void {
  if (stringAt(operation, 'pattern') !== 'ui-update') return;
  const name = stringAt(operation, 'name') ?? 'ui-update';
  const component = stringAt(operation, 'component');
  if (component === LIVE_RECORD_COMPONENT) {
    report(
      childAt(operation, 'component')!,
      'ui-update-config',
      `Operation ${name} names the shipped ${LIVE_RECORD_COMPONENT}, which is configured from show, statusField and title only when component is absent`,
      'remove component and declare show (and statusField, title if wanted)',
    );
    return;
  }
  if (component !== undefined) {
    for (const key of ['show', 'statusField', 'title']) {
      const at = childAt(operation, key);
      if (at) {
        report(
          at,
          'ui-update-config',
          `Operation ${name} names its own component '${component}', so ${key} configures nothing (it is for the shipped liveRecordFeed)`,
          `remove ${key}, or remove component to let liveRecordFeed show the events`,
        );
      }
    }
    return;
  }
  const event = stringAt(operation, 'event');
  const fields = event !== undefined ? eventFields.get(event) : undefined;
  checkShow(report, operation, name, event, fields);
  checkStatusField(report, operation, event, fields);
  const title = childAt(operation, 'title');
  if (title?.type === 'string' && (title.value.trim() === '' || title.value.length > MAX_LIVE_TITLE)) {
    report(
      title,
      'ui-update-title',
      `title of ${name} is ${title.value.trim() === '' ? 'empty' : `${title.value.length} characters long`}; a card title is 1-${MAX_LIVE_TITLE} characters`,
      `shorten it, or remove title to use the event's label`,
    );
  }
}

function checkShow(
  report: Report,
  operation: Literal,
  name: string,
  event: string | undefined,
  fields: ReadonlyMap<string, Literal> | undefined,
): void {
  const show = childAt(operation, 'show');
  if (!show) {
    report(
      childAt(operation, 'pattern') ?? operation,
      'ui-update-show',
      `Operation ${name} names no component, so the shipped liveRecordFeed shows its events, but show does not say which event fields to show`,
      `add show: [${
        fields
          ? [...fields.keys()]
              .slice(0, 2)
              .map((f) => `'${f}'`)
              .join(', ')
          : "'Status__c'"
      }], or name a component of your own`,
    );
    return;
  }
  if (show.type !== 'array') return;
  if (show.items.length === 0 || show.items.length > MAX_SHOWN_FIELDS) {
    report(
      show,
      'ui-update-show',
      `show of ${name} lists ${show.items.length} fields; the card shows 1-${MAX_SHOWN_FIELDS} fields per event`,
      show.items.length === 0 ? 'list the event fields to show' : `keep the ${MAX_SHOWN_FIELDS} that matter most`,
    );
  }
  const seen = new Set<string>();
  for (const item of show.items) {
    if (item.type !== 'string') continue;
    if (seen.has(item.value)) {
      report(item, 'ui-update-show', `show lists "${item.value}" twice`, 'remove the second one');
    } else if (fields && !fields.has(item.value)) {
      report(
        item,
        'unknown-field',
        `show names "${item.value}", which is not a field of ${event}`,
        `use one of: ${[...fields.keys()].join(', ')}, or declare it on ${event}`,
      );
    }
    seen.add(item.value);
  }
}

function checkStatusField(
  report: Report,
  operation: Literal,
  event: string | undefined,
  fields: ReadonlyMap<string, Literal> | undefined,
): void {
  const status = childAt(operation, 'statusField');
  if (status?.type !== 'string' || !fields) return;
  const field = fields.get(status.value);
  const texts = [...fields].filter(([, f]) => STATUS_KINDS.has(stringAt(f, 'kind') ?? '')).map(([f]) => f);
  if (!field) {
    report(
      status,
      'unknown-field',
      `statusField "${status.value}" is not a field of ${event}`,
      `use one of: ${texts.join(', ') || '(no text field)'}`,
    );
  } else if (!STATUS_KINDS.has(stringAt(field, 'kind') ?? '')) {
    report(
      status,
      'ui-update-status-field',
      `statusField "${status.value}" of ${event} is a ${stringAt(field, 'kind')} field; a status is a text field`,
      `use one of: ${texts.join(', ') || '(no text field)'}, or remove statusField`,
    );
  }
}
