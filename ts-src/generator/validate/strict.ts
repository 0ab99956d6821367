/**
 * Strict declarations: a property the declaration API does not define is an error at its place,
 * with the nearest known name. tsc catches most through the exact DSL types; this rule catches the
 * rest (a property spread in from a `const`, which TypeScript does not check for excess properties,
 * or a cast). The key lists are typed against ts-src/dsl, so adding or removing a DSL property
 * without updating them fails `npm run typecheck`.
 */
import type {
  AuthDeclaration,
  BatchSyncOperation,
  ChangeCaptureOperation,
  CircuitBreakerPolicy,
  CursorPaging,
  CustomObjectDeclaration,
  ExternalSystemDeclaration,
  FieldDeclaration,
  FireAndForgetOperation,
  InboundEventOperation,
  ListViewDeclaration,
  MonitoringDeclaration,
  NameField,
  ObjectExtensionDeclaration,
  PlatformEventDeclaration,
  PublishSubscribeOperation,
  RecordEventCondition,
  RecordEventOperation,
  PullSyncOperation,
  RemoteCallInOperation,
  RequestReplyOperation,
  RetryPolicy,
  SincePaging,
  UiUpdateOperation,
  VolumeDeclaration,
} from '../../dsl';
import type { DeclarationKind } from '../load/builders';
import { childAt, keyAt, type Literal } from '../load/literal';
import { stringAt, type Report } from './fields';

type AllKeys<T> = T extends unknown ? keyof T : never;
/** Exactly the keys of T (of each member, for a union). */
type Keys<T> = { readonly [K in AllKeys<T>]-?: true };
const keys = <T>(k: Keys<T>): readonly string[] => Object.keys(k);

const RETRY = keys<RetryPolicy>({
  maxAttempts: true,
  baseDelaySeconds: true,
  maxDelaySeconds: true,
  jitter: true,
  maxChainDepth: true,
  chainDepthOverride: true,
});
const BREAKER = keys<CircuitBreakerPolicy>({ failureThreshold: true, coolDownSeconds: true });
const BASE = { name: true, description: true, pattern: true, volume: true } as const;
const PAGING = {
  cursor: keys<CursorPaging>({ param: true, next: true }),
  since: keys<SincePaging>({ param: true, field: true }),
};
const VOLUME = keys<VolumeDeclaration>({ messagesPerDay: true, peakPerHour: true, payloadBytes: true });
const CALL = { system: true, method: true, path: true, timeoutSeconds: true } as const;

const OPERATIONS: Readonly<Record<string, readonly string[]>> = {
  'request-reply': keys<RequestReplyOperation>({ ...BASE, ...CALL, request: true, response: true, fallback: true }),
  'fire-and-forget': keys<FireAndForgetOperation>({
    ...BASE,
    ...CALL,
    event: true,
    messageKey: true,
    relatedRecordField: true,
    retry: true,
  }),
  'change-capture': keys<ChangeCaptureOperation>({
    ...BASE,
    ...CALL,
    object: true,
    fields: true,
    changeTypes: true,
    retry: true,
  }),
  'publish-subscribe': keys<PublishSubscribeOperation>({ ...BASE, event: true, subscribers: true }),
  'batch-sync': keys<BatchSyncOperation>({
    ...BASE,
    ...CALL,
    object: true,
    fields: true,
    idempotencyKey: true,
    schedule: true,
    batchSize: true,
    retry: true,
  }),
  'pull-sync': keys<PullSyncOperation>({
    ...BASE,
    system: true,
    path: true,
    timeoutSeconds: true,
    object: true,
    idempotencyKey: true,
    record: true,
    mapping: true,
    records: true,
    paging: true,
    pageSize: true,
    pageSizeParam: true,
    schedule: true,
    retry: true,
  }),
  'remote-call-in': keys<RemoteCallInOperation>({
    ...BASE,
    source: true,
    object: true,
    urlMapping: true,
    idempotencyKey: true,
    request: true,
    mapping: true,
    publishes: true,
    orderedBy: true,
  }),
  'inbound-event': keys<InboundEventOperation>({
    ...BASE,
    source: true,
    event: true,
    object: true,
    idempotencyKey: true,
    mapping: true,
    orderedBy: true,
    onMissingRecord: true,
  }),
  'ui-update': keys<UiUpdateOperation>({
    ...BASE,
    event: true,
    object: true,
    recordIdField: true,
    component: true,
    show: true,
    statusField: true,
    title: true,
  }),
  'record-event': keys<RecordEventOperation>({
    ...BASE,
    object: true,
    event: true,
    on: true,
    whenChanged: true,
    when: true,
    mapping: true,
  }),
};
const RECORD_EVENT_WHEN = keys<RecordEventCondition>({ field: true, equals: true });

const COMMON_FIELD = { kind: true, label: true, description: true, helpText: true, sensitive: true } as const;
const REQUIRED = { required: true } as const;
const KEY = { externalId: true, unique: true } as const;
const FIELDS: Readonly<Record<string, readonly string[]>> = {
  Text: keys<Extract<FieldDeclaration, { kind: 'Text' }>>({ ...COMMON_FIELD, ...REQUIRED, ...KEY, length: true }),
  TextArea: keys<Extract<FieldDeclaration, { kind: 'TextArea' }>>({ ...COMMON_FIELD, ...REQUIRED }),
  LongTextArea: keys<Extract<FieldDeclaration, { kind: 'LongTextArea' }>>({
    ...COMMON_FIELD,
    ...REQUIRED,
    length: true,
    visibleLines: true,
  }),
  Number: keys<Extract<FieldDeclaration, { kind: 'Number' }>>({
    ...COMMON_FIELD,
    ...REQUIRED,
    ...KEY,
    precision: true,
    scale: true,
  }),
  Checkbox: keys<Extract<FieldDeclaration, { kind: 'Checkbox' }>>({ ...COMMON_FIELD, defaultValue: true }),
  Date: keys<Extract<FieldDeclaration, { kind: 'Date' }>>({ ...COMMON_FIELD, ...REQUIRED }),
  DateTime: keys<Extract<FieldDeclaration, { kind: 'DateTime' }>>({ ...COMMON_FIELD, ...REQUIRED }),
  Picklist: keys<Extract<FieldDeclaration, { kind: 'Picklist' }>>({
    ...COMMON_FIELD,
    ...REQUIRED,
    values: true,
    defaultValue: true,
    restricted: true,
  }),
  Email: keys<Extract<FieldDeclaration, { kind: 'Email' }>>({ ...COMMON_FIELD, ...REQUIRED, ...KEY }),
  Url: keys<Extract<FieldDeclaration, { kind: 'Url' }>>({ ...COMMON_FIELD, ...REQUIRED }),
};

const AUTH: Readonly<Record<string, readonly string[]>> = {
  oauthClientCredentials: keys<Extract<AuthDeclaration, { type: 'oauthClientCredentials' }>>({
    type: true,
    tokenUrl: true,
    scope: true,
  }),
  jwtBearer: keys<Extract<AuthDeclaration, { type: 'jwtBearer' }>>({
    type: true,
    tokenUrl: true,
    issuer: true,
    subject: true,
    audience: true,
    signingCertificate: true,
  }),
  apiKeyHeader: keys<Extract<AuthDeclaration, { type: 'apiKeyHeader' }>>({ type: true, headerName: true }),
  none: keys<Extract<AuthDeclaration, { type: 'none' }>>({ type: true }),
};
const NAME_FIELD: Readonly<Record<string, readonly string[]>> = {
  Text: keys<Extract<NameField, { type: 'Text' }>>({ type: true, label: true }),
  AutoNumber: keys<Extract<NameField, { type: 'AutoNumber' }>>({ type: true, label: true, displayFormat: true }),
};
const LIST_VIEW = keys<ListViewDeclaration>({ name: true, label: true, columns: true, filter: true });

const TOP: Readonly<Record<Exclude<DeclarationKind, 'operation'>, readonly string[]>> = {
  event: keys<PlatformEventDeclaration>({
    apiName: true,
    label: true,
    pluralLabel: true,
    description: true,
    eventType: true,
    publishBehavior: true,
    fields: true,
  }),
  object: keys<CustomObjectDeclaration>({
    apiName: true,
    label: true,
    pluralLabel: true,
    description: true,
    nameField: true,
    sharingModel: true,
    fields: true,
    tab: true,
    listViews: true,
    layout: true,
  }),
  extension: keys<ObjectExtensionDeclaration>({ object: true, fields: true }),
  system: keys<ExternalSystemDeclaration>({
    name: true,
    label: true,
    baseUrl: true,
    auth: true,
    timeoutSeconds: true,
    circuitBreaker: true,
  }),
  monitoring: keys<MonitoringDeclaration>({
    name: true,
    failureRateThreshold: true,
    windowMinutes: true,
    minimumVolume: true,
    alertEmail: true,
    schedule: true,
  }),
};

/** Levenshtein distance, case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let row = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[y.length];
}

/** The known name nearest `name`, if it is near enough to be what was meant. */
export function didYouMean(name: string, known: readonly string[]): string | undefined {
  const [best] = [...known].sort((a, b) => distance(name, a) - distance(name, b));
  if (best === undefined) return undefined;
  const close = distance(name, best) <= Math.max(2, Math.floor(best.length / 3));
  const contains = best.toLowerCase().includes(name.toLowerCase()) || name.toLowerCase().includes(best.toLowerCase());
  return close || contains ? best : undefined;
}

function checkKeys(report: Report, literal: Literal | undefined, known: readonly string[], what: string): void {
  if (literal?.type !== 'object') return;
  for (const [key, value] of literal.entries) {
    if (known.includes(key)) continue;
    const suggestion = didYouMean(key, known);
    report(
      keyAt(literal, key) ?? value,
      'unknown-property',
      `${what} has no property "${key}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
      suggestion
        ? `rename it to ${suggestion}, or remove it`
        : `remove it; ${what} takes ${known.filter((k) => k !== 'kind').join(', ')}`,
    );
  }
}

function checkFieldMap(report: Report, fields: Literal | undefined): void {
  if (fields?.type !== 'object') return;
  for (const [name, field] of fields.entries) {
    const kind = stringAt(field, 'kind');
    if (kind && FIELDS[kind]) checkKeys(report, field, FIELDS[kind], `${kind} field ${name}`);
  }
}

/** Every property of one declaration, nested objects included, against the declaration API. */
export function checkStrict(report: Report, kind: DeclarationKind, declaration: Literal): void {
  if (kind === 'operation') {
    const pattern = stringAt(declaration, 'pattern');
    const known = pattern !== undefined ? OPERATIONS[pattern] : undefined;
    if (!known) return;
    checkKeys(report, declaration, known, `A ${pattern} operation`);
    checkKeys(report, childAt(declaration, 'retry'), RETRY, 'retry');
    checkKeys(report, childAt(declaration, 'volume'), VOLUME, 'volume');
    if (pattern === 'record-event') checkKeys(report, childAt(declaration, 'when'), RECORD_EVENT_WHEN, 'when');
    checkFieldMap(report, childAt(declaration, 'request'));
    checkFieldMap(report, childAt(declaration, 'response'));
    checkFieldMap(report, childAt(declaration, 'record'));
    checkKeys(report, childAt(declaration, 'paging'), Object.keys(PAGING), 'paging');
    for (const [mode, known] of Object.entries(PAGING))
      checkKeys(report, childAt(declaration, 'paging', mode), known, `paging.${mode}`);
    return;
  }
  checkKeys(
    report,
    declaration,
    TOP[kind],
    `A ${{ event: 'platformEvent', object: 'customObject', extension: 'objectExtension', system: 'externalSystem', monitoring: 'monitoring' }[kind]} declaration`,
  );
  checkFieldMap(report, childAt(declaration, 'fields'));
  if (kind === 'system') {
    checkKeys(report, childAt(declaration, 'circuitBreaker'), BREAKER, 'circuitBreaker');
    const type = stringAt(declaration, 'auth', 'type');
    if (type && AUTH[type]) checkKeys(report, childAt(declaration, 'auth'), AUTH[type], `auth of type ${type}`);
  }
  if (kind === 'object') {
    const type = stringAt(declaration, 'nameField', 'type');
    if (type && NAME_FIELD[type]) checkKeys(report, childAt(declaration, 'nameField'), NAME_FIELD[type], 'nameField');
    checkKeys(report, childAt(declaration, 'tab'), ['motif'], 'tab');
    const views = childAt(declaration, 'listViews');
    if (views?.type === 'array') {
      for (const view of views.items) {
        checkKeys(report, view, LIST_VIEW, 'A list view');
        checkKeys(report, childAt(view, 'filter'), ['field', 'equals'], 'A list view filter');
      }
    }
    const layout = childAt(declaration, 'layout');
    if (layout?.type === 'array')
      for (const section of layout.items) checkKeys(report, section, ['label', 'fields'], 'A layout section');
  }
}
