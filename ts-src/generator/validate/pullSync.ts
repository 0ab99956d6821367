/**
 * Rules of a pull-sync operation (a scheduled GET of pages, upserted by external key) that the
 * shared rules do not cover: the record shape, the mapping's kinds, the key being written, the
 * paging names and the page size against the limits of one page's transaction. The shared rules
 * already check the system, path, timeout, retry, schedule (cron), object, that every mapping target
 * is a field of the object and that `idempotencyKey` is a unique External ID field.
 */
import { childAt, type Literal } from '../load/literal';
import { booleanAt, checkFields, numberAt, stringAt, type Report } from './fields';
import { canWrite, writableKinds } from './kinds';
import { ASYNC_HEAP_BYTES, CALLOUT_RESPONSE_BYTES_ASYNC, MAX_PULL_PAGE_SIZE, PULL_PAGE_HEAP_FACTOR } from './rules';

/** A query parameter name Switchyard appends unencoded: letters, digits, `_`, `-` and `.`. */
const QUERY_PARAM = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
/** A JSON property name the runtime reads from a page or a record. */
const PROPERTY = /^[^\s"\\]{1,255}$/;

/** Fields of each object the operations may write: from the validation catalog. */
export type ObjectFields = ReadonlyMap<string, ReadonlyMap<string, Literal | undefined>>;

export function checkPullSync(report: Report, operation: Literal, objectFields: ObjectFields): void {
  if (stringAt(operation, 'pattern') !== 'pull-sync') return;
  const record = childAt(operation, 'record');
  checkFields(report, record, 'shape');
  checkNames(report, operation, record);
  checkPageSize(report, operation);
  const object = stringAt(operation, 'object');
  const fields = object === undefined ? undefined : objectFields.get(object);
  if (fields) checkMapping(report, operation, record, fields, object!);
}

/** Paging parameters, the records property and the since field name what the runtime reads. */
function checkNames(report: Report, operation: Literal, record: Literal | undefined): void {
  const params: [Literal | undefined, string][] = [
    [childAt(operation, 'pageSizeParam'), 'pageSizeParam'],
    [childAt(operation, 'paging', 'cursor', 'param'), 'paging.cursor.param'],
    [childAt(operation, 'paging', 'since', 'param'), 'paging.since.param'],
  ];
  for (const [at, what] of params) {
    if (at?.type === 'string' && !QUERY_PARAM.test(at.value)) {
      report(
        at,
        'pull-paging',
        `${what} "${at.value}" is not a query parameter name the runtime can send as it is`,
        'use letters, digits, _, - or . (a letter first, at most 64), such as "limit" or "cursor"',
      );
    }
  }
  const pageSizeParam = stringAt(operation, 'pageSizeParam');
  const pagingParam =
    stringAt(operation, 'paging', 'cursor', 'param') ?? stringAt(operation, 'paging', 'since', 'param');
  if (pageSizeParam !== undefined && pageSizeParam === pagingParam) {
    report(
      childAt(operation, 'pageSizeParam')!,
      'pull-paging',
      `pageSizeParam "${pageSizeParam}" is also the paging parameter: one of the two values would be lost`,
      'give the page size and the paging position different query parameters',
    );
  }
  for (const [at, what] of [
    [childAt(operation, 'records'), 'records'],
    [childAt(operation, 'paging', 'cursor', 'next'), 'paging.cursor.next'],
  ] as const) {
    if (at?.type === 'string' && !PROPERTY.test(at.value)) {
      report(
        at,
        'pull-paging',
        `${what} "${at.value}" is not a JSON property name`,
        'name a property of the page, such as "items"',
      );
    }
  }
  const since = childAt(operation, 'paging', 'since', 'field');
  if (since?.type === 'string') {
    const property = record?.type === 'object' ? record.entries.get(since.value) : undefined;
    if (stringAt(property, 'kind') !== 'DateTime') {
      report(
        since,
        'pull-paging',
        `paging.since.field "${since.value}" is not a DateTime property of record, so the next "since" could not be read from a page`,
        `declare ${since.value}: field.dateTime() in record, or name the record property that holds each record's change time`,
      );
    }
  }
}

/**
 * One page is one transaction: its callout answer, the parsed records and the SObjects built from
 * them share the heap, and each record may write itself and one error-log row.
 */
function checkPageSize(report: Report, operation: Literal): void {
  const at = childAt(operation, 'pageSize');
  const size = numberAt(operation, 'pageSize');
  if (!at || size === undefined) return;
  if (size < 1 || size > MAX_PULL_PAGE_SIZE || !Number.isInteger(size)) {
    report(
      at,
      'pull-page-size',
      `pageSize ${size} is outside 1-${MAX_PULL_PAGE_SIZE}: a page's transaction upserts every record and may log each one, and one transaction writes at most 10,000 DML rows`,
      `set pageSize from 1 to ${MAX_PULL_PAGE_SIZE} (a few hundred is typical)`,
    );
    return;
  }
  const payload = numberAt(operation, 'volume', 'payloadBytes');
  if (payload === undefined) return;
  const pageBytes = size * payload;
  const heapBudget = Math.floor(ASYNC_HEAP_BYTES / PULL_PAGE_HEAP_FACTOR);
  if (pageBytes > CALLOUT_RESPONSE_BYTES_ASYNC || pageBytes > heapBudget) {
    const fits = Math.max(1, Math.floor(Math.min(CALLOUT_RESPONSE_BYTES_ASYNC, heapBudget) / payload));
    report(
      at,
      'pull-page-size',
      `pageSize ${size} x ${payload} bytes per record is a ${pageBytes}-byte page; a page's answer, its parsed records and the records upserted must fit the 12 MB asynchronous heap (about ${heapBudget} bytes of answer) and an asynchronous callout answer is at most 12 MB`,
      `set pageSize to ${fits} or less, or lower volume.payloadBytes if records are smaller`,
    );
  }
}

/** Each mapped record property is declared and fits its field; some property writes the key. */
function checkMapping(
  report: Report,
  operation: Literal,
  record: Literal | undefined,
  fields: ReadonlyMap<string, Literal | undefined>,
  object: string,
): void {
  const mapping = childAt(operation, 'mapping');
  if (mapping?.type !== 'object' || record?.type !== 'object') return;
  for (const [property, target] of mapping.entries) {
    if (target.type !== 'string') continue;
    const from = record.entries.get(property);
    if (!from) {
      report(
        target,
        'unknown-field',
        `Mapping names record property "${property}", which record does not declare`,
        `declare "${property}" in record, or remove it from mapping (declared: ${[...record.entries.keys()].join(', ')})`,
      );
      continue;
    }
    const fromKind = stringAt(from, 'kind');
    const toKind = stringAt(fields.get(target.value), 'kind');
    if (fromKind && toKind && !canWrite(fromKind, toKind)) {
      report(
        target,
        'mapping-type',
        `Mapping writes record property "${property}" (${fromKind}) to ${object}.${target.value} (${toKind}), which cannot hold it`,
        `map "${property}" to a ${writableKinds(fromKind)} field, or declare it in record as field.${toKind.charAt(0).toLowerCase()}${toKind.slice(1)}()`,
      );
    }
    const fromLength = numberAt(from, 'length');
    const toLength = numberAt(fields.get(target.value), 'length');
    if (fromKind === 'Text' && toKind === 'Text' && fromLength && toLength && fromLength > toLength) {
      report(
        target,
        'mapping-length',
        `Mapping writes record property "${property}" (up to ${fromLength} characters) to ${object}.${target.value}, which holds ${toLength}: longer values would fail that record`,
        `declare "${property}" with length: ${toLength} or less, or lengthen ${target.value}`,
      );
    }
  }
  const written = new Set([...mapping.entries.values()].map((t) => (t.type === 'string' ? t.value : '')));
  for (const [name, field] of fields) {
    if (field && booleanAt(field, 'required') && !written.has(name)) {
      report(
        mapping,
        'pull-required',
        `${object}.${name} is required and no record property is mapped to it, so every new record would fail to insert`,
        `map a record property to ${name}, or make ${name} optional`,
      );
    }
  }
  const key = stringAt(operation, 'idempotencyKey');
  if (key !== undefined && ![...mapping.entries.values()].some((t) => t.type === 'string' && t.value === key)) {
    report(
      childAt(operation, 'idempotencyKey')!,
      'pull-key',
      `No record property is mapped to idempotencyKey ${key}, so imported records could not be matched and every run would insert them again`,
      `map the record's external id to it, such as mapping: { id: '${key}' }`,
    );
  }
}
