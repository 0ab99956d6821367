/**
 * Every rule a set of declarations must pass before a model is built from it. Errors point at the
 * property that breaks the rule and say how to fix it; all of them are collected, not just the first.
 */
import type { RawDeclaration } from '../load/declarations';
import { childAt, type Literal } from '../load/literal';
import { apexCronExpressions } from '../model/cron';
import { BuildFailure, type DeclarationError } from '../model/errors';
import {
  booleanAt,
  checkApiName,
  checkFields,
  checkIdentifier,
  numberAt,
  reporter,
  stringAt,
  type Report,
} from './fields';
import {
  COMMON_FIELDS,
  MAX_BATCH_SIZE,
  MAX_CALLOUT_TIMEOUT_SECONDS,
  MAX_OPERATION_NAME,
  SCRATCH_ORG_MAX_CHAIN_DEPTH,
  STANDARD_FIELDS,
} from './rules';

export function validateDeclarations(declarations: readonly RawDeclaration[]): DeclarationError[] {
  const errors: DeclarationError[] = [];
  const report = reporter(errors);
  const byKind = (kind: RawDeclaration['kind']) => declarations.filter((d) => d.kind === kind).map((d) => d.value);

  const events = byKind('event');
  const objects = byKind('object');
  const extensions = byKind('extension');
  const systems = byKind('system');
  const operations = byKind('operation');
  const monitors = byKind('monitoring');

  for (const event of events) {
    const name = stringAt(event, 'apiName');
    if (name !== undefined) checkApiName(report, childAt(event, 'apiName')!, name, '__e', 'Platform Event');
    checkFields(report, childAt(event, 'fields'), 'event');
  }
  for (const object of objects) {
    const name = stringAt(object, 'apiName');
    if (name !== undefined) checkApiName(report, childAt(object, 'apiName')!, name, '__c', 'Custom object');
    checkFields(report, childAt(object, 'fields'), 'object');
  }
  for (const extension of extensions) {
    const name = stringAt(extension, 'object');
    if (name !== undefined && !(name in STANDARD_FIELDS)) {
      report(
        childAt(extension, 'object')!,
        'unknown-object',
        `objectExtension names "${name}", which is not a supported standard object`,
        `extend one of ${Object.keys(STANDARD_FIELDS).join(', ')}, or declare a customObject`,
      );
    }
    checkFields(report, childAt(extension, 'fields'), 'object');
  }
  for (const system of systems) checkSystem(report, system);
  for (const operation of operations) {
    const name = stringAt(operation, 'name');
    if (name !== undefined)
      checkIdentifier(report, childAt(operation, 'name')!, name, 'Operation name', MAX_OPERATION_NAME);
    checkFields(report, childAt(operation, 'request'), 'shape');
    checkFields(report, childAt(operation, 'response'), 'shape');
    checkTimeout(report, operation, 'Operation');
    checkRetry(report, childAt(operation, 'retry'));
    checkFallback(report, operation);
    checkSchedule(errors, operation);
  }
  for (const monitor of monitors) {
    checkMonitoring(report, monitor);
    checkSchedule(errors, monitor);
  }

  checkDuplicates(report, [...events, ...objects], 'apiName', 'object or event');
  checkDuplicates(report, systems, 'name', 'external system');
  checkDuplicates(report, operations, 'name', 'operation');
  checkDuplicates(report, monitors, 'name', 'monitoring');
  checkDuplicateExtensionFields(report, extensions);

  const catalog = new Catalog(events, objects, extensions, systems);
  for (const operation of operations) checkReferences(report, operation, catalog);
  return errors;
}

function checkSystem(report: Report, system: Literal): void {
  const name = stringAt(system, 'name');
  const nameAt = childAt(system, 'name');
  if (name !== undefined && nameAt && !/^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/.test(name)) {
    report(
      nameAt,
      'api-name',
      `External system name "${name}" is not a valid Named Credential name`,
      'start with a letter; use letters, digits and single underscores, no trailing underscore',
    );
  }
  const baseUrl = stringAt(system, 'baseUrl');
  if (baseUrl !== undefined && !/^https:\/\/[^\s/]+/.test(baseUrl)) {
    report(
      childAt(system, 'baseUrl')!,
      'base-url',
      `baseUrl "${baseUrl}" is not an https:// URL`,
      'use an https:// URL',
    );
  }
  checkTimeout(report, system, 'External system');
  const threshold = numberAt(system, 'circuitBreaker', 'failureThreshold');
  if (threshold !== undefined && (threshold < 1 || !Number.isInteger(threshold))) {
    report(
      childAt(system, 'circuitBreaker', 'failureThreshold')!,
      'circuit-breaker',
      `failureThreshold ${threshold} would never let a call through`,
      'set failureThreshold to a whole number of at least 1',
    );
  }
  const coolDown = numberAt(system, 'circuitBreaker', 'coolDownSeconds');
  if (coolDown !== undefined && coolDown < 1) {
    report(
      childAt(system, 'circuitBreaker', 'coolDownSeconds')!,
      'circuit-breaker',
      `coolDownSeconds ${coolDown} would probe a failing system on every call`,
      'set coolDownSeconds to at least 1 (minutes are typical)',
    );
  }
}

function checkTimeout(report: Report, declaration: Literal, what: string): void {
  const timeout = numberAt(declaration, 'timeoutSeconds');
  if (timeout !== undefined && (timeout <= 0 || timeout > MAX_CALLOUT_TIMEOUT_SECONDS)) {
    report(
      childAt(declaration, 'timeoutSeconds')!,
      'callout-timeout',
      `${what} timeout ${timeout} s is outside 1-${MAX_CALLOUT_TIMEOUT_SECONDS} s: Apex callouts time out after at most ${MAX_CALLOUT_TIMEOUT_SECONDS} s`,
      `set timeoutSeconds from 1 to ${MAX_CALLOUT_TIMEOUT_SECONDS} (a user waiting for an answer wants about 10)`,
    );
  }
}

function checkRetry(report: Report, retry: Literal | undefined): void {
  if (retry?.type !== 'object') return;
  const maxAttempts = numberAt(retry, 'maxAttempts');
  if (maxAttempts !== undefined && (maxAttempts < 1 || !Number.isInteger(maxAttempts))) {
    report(
      childAt(retry, 'maxAttempts')!,
      'retry-attempts',
      `maxAttempts ${maxAttempts} means the message is never sent`,
      'set maxAttempts to a whole number of at least 1 (1 = no retry)',
    );
  }
  const base = numberAt(retry, 'baseDelaySeconds');
  const cap = numberAt(retry, 'maxDelaySeconds');
  for (const key of ['baseDelaySeconds', 'maxDelaySeconds'] as const) {
    const value = numberAt(retry, key);
    if (value !== undefined && value < 0) {
      report(childAt(retry, key)!, 'retry-delay', `${key} ${value} is negative`, `set ${key} to 0 or more seconds`);
    }
  }
  if (base !== undefined && cap !== undefined && base >= 0 && cap >= 0 && cap < base) {
    report(
      childAt(retry, 'maxDelaySeconds')!,
      'retry-cap',
      `maxDelaySeconds ${cap} is below baseDelaySeconds ${base}: the cap would shorten even the first retry`,
      `set maxDelaySeconds to at least ${base}`,
    );
  }
  const depth = numberAt(retry, 'maxChainDepth');
  if (depth !== undefined && depth < 1) {
    report(
      childAt(retry, 'maxChainDepth')!,
      'chain-depth',
      `maxChainDepth ${depth} leaves no room for a job`,
      'set it to at least 1',
    );
  }
  if (
    depth !== undefined &&
    depth > SCRATCH_ORG_MAX_CHAIN_DEPTH &&
    stringAt(retry, 'chainDepthOverride') !== 'production-only'
  ) {
    report(
      childAt(retry, 'maxChainDepth')!,
      'chain-depth',
      `maxChainDepth ${depth} is past ${SCRATCH_ORG_MAX_CHAIN_DEPTH}, where Developer Edition and scratch orgs stop Queueable chains`,
      `lower it to ${SCRATCH_ORG_MAX_CHAIN_DEPTH} (work past it is parked for the sweeper), or add chainDepthOverride: 'production-only' if this only runs in production orgs`,
    );
  }
}

/** A `schedule` must be a cron expression Apex can run (model/cron.ts), reported at the expression. */
function checkSchedule(errors: DeclarationError[], declaration: Literal): void {
  const schedule = childAt(declaration, 'schedule');
  if (schedule?.type !== 'string') return;
  try {
    apexCronExpressions(schedule.value, schedule.location);
  } catch (error) {
    if (!(error instanceof BuildFailure)) throw error;
    errors.push(...error.errors);
  }
}

/** `orderedBy` names the request's change time: a DateTime property that is written to the record. */
function checkOrderedBy(
  report: Report,
  operation: Literal,
  mapping: Literal | undefined,
  request: Literal | undefined,
): void {
  const orderedBy = childAt(operation, 'orderedBy');
  if (orderedBy?.type !== 'string') return;
  const property = request?.type === 'object' ? request.entries.get(orderedBy.value) : undefined;
  if (
    stringAt(property, 'kind') !== 'DateTime' ||
    mapping?.type !== 'object' ||
    !mapping.entries.has(orderedBy.value)
  ) {
    report(
      orderedBy,
      'ordered-by',
      `orderedBy "${orderedBy.value}" is not a DateTime request property mapped to a field, so the stored change time could not be compared`,
      'name a field.dateTime() property of `request` that `mapping` writes to the record',
    );
  }
}

/** A request-reply fallback is returned as the response: it may only hold response properties. */
function checkFallback(report: Report, operation: Literal): void {
  const fallback = childAt(operation, 'fallback');
  const response = childAt(operation, 'response');
  if (fallback?.type !== 'object' || response?.type !== 'object') return;
  for (const [property, value] of fallback.entries) {
    if (!response.entries.has(property)) {
      report(
        value,
        'fallback',
        `fallback sets "${property}", which the response does not declare`,
        `use one of the response properties: ${[...response.entries.keys()].join(', ')}`,
      );
    }
  }
}

function checkMonitoring(report: Report, monitor: Literal): void {
  const name = stringAt(monitor, 'name');
  if (name !== undefined)
    checkIdentifier(report, childAt(monitor, 'name')!, name, 'Monitoring name', MAX_OPERATION_NAME);
  const threshold = numberAt(monitor, 'failureRateThreshold');
  if (threshold !== undefined && (threshold <= 0 || threshold > 1)) {
    report(
      childAt(monitor, 'failureRateThreshold')!,
      'failure-rate',
      `failureRateThreshold ${threshold} is not a share between 0 and 1`,
      'write the threshold as a fraction, such as 0.2 for 20 %',
    );
  }
  for (const key of ['windowMinutes', 'minimumVolume'] as const) {
    const value = numberAt(monitor, key);
    if (value !== undefined && (value < 1 || !Number.isInteger(value))) {
      report(
        childAt(monitor, key)!,
        'monitoring',
        `${key} ${value} must be a whole number of at least 1`,
        `set ${key} to 1 or more`,
      );
    }
  }
}

function checkDuplicates(report: Report, declarations: Literal[], key: string, what: string): void {
  const first = new Map<string, Literal>();
  for (const declaration of declarations) {
    const nameAt = childAt(declaration, key);
    if (nameAt?.type !== 'string') continue;
    const earlier = first.get(nameAt.value.toLowerCase());
    if (earlier) {
      const { file, line } = earlier.location;
      report(
        nameAt,
        'duplicate-name',
        `${what} "${nameAt.value}" is declared twice (first at ${file}:${line})`,
        'give one of them another name, or remove the repeated declaration',
      );
    } else {
      first.set(nameAt.value.toLowerCase(), nameAt);
    }
  }
}

function checkDuplicateExtensionFields(report: Report, extensions: Literal[]): void {
  const seen = new Map<string, Literal>();
  for (const extension of extensions) {
    const object = stringAt(extension, 'object');
    const fields = childAt(extension, 'fields');
    if (!object || fields?.type !== 'object') continue;
    for (const [name, field] of fields.entries) {
      const key = `${object}.${name}`.toLowerCase();
      const earlier = seen.get(key);
      if (earlier) {
        report(
          field,
          'duplicate-name',
          `Field ${object}.${name} is declared twice (first at ${earlier.location.file}:${earlier.location.line})`,
          'declare each field once',
        );
      } else {
        seen.set(key, field);
      }
    }
  }
}

/** What the operations may refer to: systems, events, objects and their fields. */
class Catalog {
  readonly systems: Set<string>;
  readonly eventFields = new Map<string, Map<string, Literal>>();
  readonly objectFields = new Map<string, Map<string, Literal | undefined>>();

  constructor(events: Literal[], objects: Literal[], extensions: Literal[], systems: Literal[]) {
    this.systems = new Set(systems.map((s) => stringAt(s, 'name')).filter((n): n is string => n !== undefined));
    for (const event of events) {
      const name = stringAt(event, 'apiName');
      const fields = childAt(event, 'fields');
      if (name && fields?.type === 'object') this.eventFields.set(name, fields.entries);
    }
    for (const object of objects) {
      const name = stringAt(object, 'apiName');
      const fields = childAt(object, 'fields');
      if (!name) continue;
      const map = new Map<string, Literal | undefined>(COMMON_FIELDS.map((f) => [f, undefined]));
      if (fields?.type === 'object') for (const [f, field] of fields.entries) map.set(f, field);
      this.objectFields.set(name, map);
    }
    for (const [object, standard] of Object.entries(STANDARD_FIELDS)) {
      const map = new Map<string, Literal | undefined>([...COMMON_FIELDS, ...standard].map((f) => [f, undefined]));
      this.objectFields.set(object, map);
    }
    for (const extension of extensions) {
      const object = stringAt(extension, 'object');
      const fields = childAt(extension, 'fields');
      const map = object ? this.objectFields.get(object) : undefined;
      if (map && fields?.type === 'object') for (const [f, field] of fields.entries) map.set(f, field);
    }
  }
}

function checkReferences(report: Report, operation: Literal, catalog: Catalog): void {
  const name = stringAt(operation, 'name') ?? '?';
  const refAt = (key: string) => childAt(operation, key)!;

  const system = stringAt(operation, 'system');
  if (system !== undefined && !catalog.systems.has(system)) {
    report(
      refAt('system'),
      'unknown-system',
      `Operation ${name} calls system "${system}", which is not declared`,
      `declare it with externalSystem({ name: '${system}', ... }) or use one of: ${[...catalog.systems].join(', ') || '(none)'}`,
    );
  }

  const event = stringAt(operation, 'event');
  const eventFields = event !== undefined ? catalog.eventFields.get(event) : undefined;
  if (event !== undefined && !eventFields) {
    report(
      refAt('event'),
      'unknown-event',
      `Operation ${name} names event "${event}", which is not declared`,
      `declare it with platformEvent({ apiName: '${event}', ... }) or use one of: ${[...catalog.eventFields.keys()].join(', ')}`,
    );
  }
  const publishes = stringAt(operation, 'publishes');
  if (publishes !== undefined && !catalog.eventFields.has(publishes)) {
    report(
      refAt('publishes'),
      'unknown-event',
      `Operation ${name} publishes "${publishes}", which is not declared`,
      'declare the Platform Event or fix the name',
    );
  }
  if (eventFields) {
    for (const key of ['messageKey', 'relatedRecordField', 'recordIdField']) {
      const field = stringAt(operation, key);
      if (field !== undefined && !eventFields.has(field)) {
        report(
          refAt(key),
          'unknown-field',
          `${key} "${field}" is not a field of ${event}`,
          `use one of: ${[...eventFields.keys()].join(', ')}`,
        );
      }
    }
  }

  const object = stringAt(operation, 'object');
  const objectFields = object !== undefined ? catalog.objectFields.get(object) : undefined;
  if (object !== undefined && !objectFields) {
    report(
      refAt('object'),
      'unknown-object',
      `Operation ${name} names object "${object}", which is not declared`,
      'declare the object or extend a standard one',
    );
  }
  if (!objectFields) return;
  const checkObjectField = (at: Literal, field: string, role: string) => {
    if (!objectFields.has(field)) {
      report(
        at,
        'unknown-field',
        `${role} "${field}" is not a field of ${object}`,
        `declare it on ${object} or use one of: ${[...objectFields.keys()].join(', ')}`,
      );
    }
  };
  const fields = childAt(operation, 'fields');
  if (fields?.type === 'array') {
    for (const item of fields.items) if (item.type === 'string') checkObjectField(item, item.value, 'Field');
  }
  const mapping = childAt(operation, 'mapping');
  const request = childAt(operation, 'request');
  if (mapping?.type === 'object') {
    for (const [property, target] of mapping.entries) {
      if (target.type === 'string') checkObjectField(target, target.value, `Mapping target of "${property}"`);
      if (request?.type === 'object' && !request.entries.has(property)) {
        report(
          target,
          'unknown-field',
          `Mapping names request property "${property}", which the request does not declare`,
          'add it to `request` or remove the mapping',
        );
      }
    }
  }
  checkOrderedBy(report, operation, mapping, request);
  const key = stringAt(operation, 'idempotencyKey');
  if (key !== undefined) {
    const keyAt = refAt('idempotencyKey');
    if (!objectFields.has(key)) {
      checkObjectField(keyAt, key, 'idempotencyKey');
    } else {
      const field = objectFields.get(key);
      if (!field || !booleanAt(field, 'externalId') || !booleanAt(field, 'unique')) {
        report(
          keyAt,
          'idempotency-key',
          `idempotencyKey "${key}" of ${object} is not a unique External ID field, so a duplicate delivery could create or change a second record`,
          `declare ${key} with externalId: true and unique: true`,
        );
      }
    }
  }
  const batchSize = numberAt(operation, 'batchSize');
  if (batchSize !== undefined && (batchSize < 1 || batchSize > MAX_BATCH_SIZE || !Number.isInteger(batchSize))) {
    report(
      refAt('batchSize'),
      'batch-size',
      `batchSize ${batchSize} is outside 1-${MAX_BATCH_SIZE}`,
      `set batchSize from 1 to ${MAX_BATCH_SIZE}`,
    );
  }
}
