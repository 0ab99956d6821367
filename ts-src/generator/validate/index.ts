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
  checkExtensionObject,
  checkStandardMappingTargets,
  standardFieldMap,
  unknownFieldFix,
  unknownObjectProblem,
} from './catalog';
import { checkChangeCapture } from './changeCapture';
import { checkGeneratedNames, generatedClasses } from './names';
import { checkInboundEvent } from './inboundEvent';
import { canWrite, writableKinds } from './kinds';
import { checkObjectParts, checkExternalIdCount } from './objects';
import { checkRecordEvents } from './recordEvent';
import { checkPullSync } from './pullSync';
import {
  COMMON_FIELDS,
  EXTERNAL_ID_KINDS,
  LWC_BUNDLE_NAME,
  MAX_APEX_CLASS_NAME,
  MAX_BATCH_SIZE,
  MAX_CALLOUT_TIMEOUT_SECONDS,
  SCRATCH_ORG_MAX_CHAIN_DEPTH,
} from './rules';
import { checkStrict } from './strict';
import { checkUiUpdate } from './uiUpdate';
import { checkCalloutPath, checkSystemUrls, checkUrlMapping, checkUrlMappingsUnique } from './urls';
import { checkVolume, checkVolumeLimits } from './volume';

/** Where a project keeps its own declarations (the runtime's live in ts-src/platform). */
const INTEGRATIONS_FOLDER = 'ts-src/integrations';

/** A warning in the build output: the build goes on. */
export function formatDeclarationWarning(warning: DeclarationError): string {
  const { file, line, column } = warning.location;
  return `${file}:${line}:${column}: warning [${warning.rule}] ${warning.message}\n    fix: ${warning.fix}`;
}

const printWarning = (warning: DeclarationError) => console.warn(formatDeclarationWarning(warning));

/** Every rule error; warnings (a declared volume at 80 % of a limit) go to `warn`, stderr by default. */
export function validateDeclarations(
  declarations: readonly RawDeclaration[],
  warn: (warning: DeclarationError) => void = printWarning,
): DeclarationError[] {
  const errors: DeclarationError[] = [];
  const report = reporter(errors);
  const byKind = (kind: RawDeclaration['kind']) => declarations.filter((d) => d.kind === kind).map((d) => d.value);

  const events = byKind('event');
  const objects = byKind('object');
  const extensions = byKind('extension');
  const systems = byKind('system');
  const operations = byKind('operation');
  const monitors = byKind('monitoring');

  if (!declarations.some((d) => d.value.location.file.startsWith(INTEGRATIONS_FOLDER + '/'))) {
    errors.push({
      location: { file: INTEGRATIONS_FOLDER, line: 1, column: 1 },
      rule: 'no-declarations',
      message: `${INTEGRATIONS_FOLDER} holds no declarations: no file there exports a const made with platformEvent, customObject, objectExtension, externalSystem, operation or monitoring from ts-src/dsl`,
      fix: `add a declaration file such as ${INTEGRATIONS_FOLDER}/erp.ts (see "Declaring an integration" in the README)`,
    });
  }
  for (const declaration of declarations) checkStrict(report, declaration.kind, declaration.value);

  for (const event of events) {
    const name = stringAt(event, 'apiName');
    if (name !== undefined) checkApiName(report, childAt(event, 'apiName')!, name, '__e', 'Platform Event');
    checkFields(report, childAt(event, 'fields'), 'event');
    checkObjectParts(report, event, 'Platform Event');
  }
  for (const object of objects) {
    const name = stringAt(object, 'apiName');
    if (name !== undefined) checkApiName(report, childAt(object, 'apiName')!, name, '__c', 'Custom object');
    checkFields(report, childAt(object, 'fields'), 'object');
    checkObjectParts(report, object, 'Custom object');
  }
  const declaredObjects = objects.map((o) => stringAt(o, 'apiName')).filter((n): n is string => n !== undefined);
  for (const extension of extensions) {
    checkExtensionObject(report, extension, declaredObjects);
    checkFields(report, childAt(extension, 'fields'), 'object');
  }
  for (const system of systems) checkSystem(report, system);
  const mappings: { at: Literal; mapping: string }[] = [];
  for (const operation of operations) {
    const name = stringAt(operation, 'name');
    if (name !== undefined)
      checkIdentifier(report, childAt(operation, 'name')!, name, 'Operation name', MAX_APEX_CLASS_NAME);
    checkCalloutPath(report, operation);
    const mapping = checkUrlMapping(report, operation);
    if (mapping !== undefined) mappings.push({ at: childAt(operation, 'urlMapping')!, mapping });
    checkHttpMethod(report, operation);
    const component = childAt(operation, 'component');
    if (component?.type === 'string' && !LWC_BUNDLE_NAME.test(component.value)) {
      const camel = component.value
        .replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())
        .replace(/^[^a-z]*/, (head) => head.toLowerCase().replace(/^[^a-z]+/, ''));
      report(
        component,
        'component-name',
        `component "${component.value}" is not a Lightning web component bundle name (a lowercase letter first, then letters, digits and single underscores; no hyphen)`,
        `name the bundle in camelCase${camel ? `, such as "${camel}"` : ''} (its folder under ts-src/lwc has the same name)`,
      );
    }
    checkFields(report, childAt(operation, 'request'), 'shape');
    checkFields(report, childAt(operation, 'response'), 'shape');
    checkTimeout(report, operation, 'Operation');
    checkRetry(report, childAt(operation, 'retry'));
    checkFallback(report, operation);
    checkSchedule(errors, operation);
    checkVolume(report, operation);
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
  checkUrlMappingsUnique(report, mappings);
  checkChangeCapture(report, operations);
  checkExternalIdCount(report, objects, extensions);
  checkGeneratedNames(report, generatedClasses(events, operations, monitors));

  const catalog = new Catalog(events, objects, extensions, systems, operations);
  for (const operation of operations) checkReferences(report, operation, catalog);
  for (const operation of operations) checkUiUpdate(report, operation, catalog.eventFields);
  checkRecordEvents(report, operations, events, objects, extensions);
  for (const operation of operations) checkPullSync(report, operation, catalog.objectFields);
  for (const operation of operations) checkInboundEvent(report, operation, catalog);
  // The budget needs a model, and a model needs declarations that pass every other rule.
  if (errors.length === 0) checkVolumeLimits(report, warn, declarations);
  return errors;
}

/** A request property is written to a field of a kind it fits, and a Text into one as long. */
function checkMappingTypes(
  report: Report,
  mapping: Literal | undefined,
  request: Literal | undefined,
  objectFields: Map<string, Literal | undefined>,
  object: string,
): void {
  if (mapping?.type !== 'object' || request?.type !== 'object') return;
  for (const [property, target] of mapping.entries) {
    if (target.type !== 'string') continue;
    const from = request.entries.get(property);
    const to = objectFields.get(target.value);
    const fromKind = stringAt(from, 'kind');
    const toKind = stringAt(to, 'kind');
    if (!fromKind || !toKind) continue;
    if (!canWrite(fromKind, toKind)) {
      report(
        target,
        'mapping-type',
        `Mapping writes request property "${property}" (${fromKind}) to ${object}.${target.value} (${toKind}), which cannot hold it`,
        `map "${property}" to a ${writableKinds(fromKind)} field, or declare the property as field.${toKind.charAt(0).toLowerCase()}${toKind.slice(1)}()`,
      );
    } else if (fromKind === 'Text' && toKind === 'Text') {
      const fromLength = numberAt(from, 'length');
      const toLength = numberAt(to, 'length');
      if (fromLength !== undefined && toLength !== undefined && fromLength > toLength) {
        report(
          target,
          'mapping-length',
          `Mapping writes request property "${property}" (up to ${fromLength} characters) to ${object}.${target.value}, which holds ${toLength}: longer values would fail the save`,
          `declare "${property}" with length: ${toLength} or less (the REST resource then refuses longer values with a 400), or lengthen ${target.value}`,
        );
      }
    } else if (fromKind === 'Picklist' && toKind === 'Picklist') {
      const allowed = new Set(
        (childAt(to, 'values')?.type === 'array' ? (childAt(to, 'values') as { items: Literal[] }).items : []).map(
          (v) => (v.type === 'string' ? v.value : ''),
        ),
      );
      const values = childAt(from, 'values');
      const restricted = childAt(to, 'restricted');
      if (!(restricted?.type === 'boolean' && !restricted.value) && values?.type === 'array') {
        for (const value of values.items) {
          if (value.type === 'string' && !allowed.has(value.value)) {
            report(
              value,
              'mapping-picklist',
              `Request property "${property}" allows "${value.value}", which the restricted picklist ${object}.${target.value} does not list: that request would fail the save`,
              `add "${value.value}" to the values of ${target.value}, or remove it from "${property}"`,
            );
          }
        }
      }
    }
  }
}

/** A sync pushes records in the body: GET (and DELETE) send none. */
function checkHttpMethod(report: Report, operation: Literal): void {
  const method = childAt(operation, 'method');
  if (method?.type !== 'string' || stringAt(operation, 'pattern') !== 'batch-sync') return;
  if (method.value === 'GET' || method.value === 'DELETE') {
    report(
      method,
      'http-method',
      `A batch-sync operation sends each chunk of records as a request body, and ${method.value} sends none`,
      method.value === 'GET'
        ? "to import records from the system, declare pattern: 'pull-sync' (a scheduled GET of pages, upserted by idempotencyKey); to push records, use POST, PUT or PATCH"
        : 'use POST, PUT or PATCH',
    );
  }
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
  checkSystemUrls(report, system);
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
  if (timeout !== undefined && (timeout < 1 || timeout > MAX_CALLOUT_TIMEOUT_SECONDS || !Number.isInteger(timeout))) {
    report(
      childAt(declaration, 'timeoutSeconds')!,
      'callout-timeout',
      `${what} timeout ${timeout} s is outside 1-${MAX_CALLOUT_TIMEOUT_SECONDS} s or not a whole number of seconds: Apex sets a callout's timeout in whole seconds, at most ${MAX_CALLOUT_TIMEOUT_SECONDS}`,
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
  // An inbound event orders by an event field: validate/inboundEvent.ts.
  if (stringAt(operation, 'pattern') === 'inbound-event') return;
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
    const kind = stringAt(response.entries.get(property), 'kind');
    const expected =
      kind === 'Number' ? 'number' : kind === 'Checkbox' ? 'boolean' : kind === undefined ? undefined : 'string';
    if (expected !== undefined && value.type !== expected) {
      report(
        value,
        'fallback-type',
        `fallback sets "${property}" to a ${value.type}, but the response declares it as ${kind}`,
        `write a ${expected} value for "${property}"`,
      );
    }
    const values = childAt(response.entries.get(property), 'values');
    if (
      kind === 'Picklist' &&
      value.type === 'string' &&
      values?.type === 'array' &&
      !values.items.some((v) => v.type === 'string' && v.value === value.value)
    ) {
      report(
        value,
        'fallback-type',
        `fallback sets "${property}" to "${value.value}", which is not one of its picklist values`,
        `use one of: ${values.items.map((v) => (v.type === 'string' ? v.value : '')).join(', ')}`,
      );
    }
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
    checkIdentifier(report, childAt(monitor, 'name')!, name, 'Monitoring name', MAX_APEX_CLASS_NAME);
  const email = childAt(monitor, 'alertEmail');
  if (email?.type === 'string' && !/^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/.test(email.value)) {
    report(
      email,
      'alert-email',
      `alertEmail "${email.value}" is not one e-mail address`,
      'write one address such as integration-ops@example.com (use a distribution list for several people)',
    );
  }
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

  constructor(events: Literal[], objects: Literal[], extensions: Literal[], systems: Literal[], operations: Literal[]) {
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
    // The standard objects named anywhere, with their fields from the platform's catalog.
    for (const named of [...extensions, ...operations].map((d) => stringAt(d, 'object'))) {
      const map = named !== undefined && !this.objectFields.has(named) ? standardFieldMap(named) : undefined;
      if (map) this.objectFields.set(named!, map);
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
  // A record-event's object, event and mapping are checked by its own rules (recordEvent.ts).
  if (stringAt(operation, 'pattern') === 'record-event') return;
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

  const recordId = childAt(operation, 'recordIdField') ?? childAt(operation, 'relatedRecordField');
  if (eventFields && recordId?.type === 'string' && eventFields.has(recordId.value)) {
    const field = eventFields.get(recordId.value);
    const length = numberAt(field, 'length');
    if (stringAt(field, 'kind') !== 'Text' || (length !== undefined && length < 15)) {
      report(
        recordId,
        'record-id-field',
        `"${recordId.value}" of ${event} cannot hold a Salesforce record id (${stringAt(field, 'kind')}${length !== undefined ? `(${length})` : ''}; an id is Text of 15 or 18 characters)`,
        `name a field.text({ length: 18 }) field of ${event}, or change ${recordId.value} to one`,
      );
    }
  }
  const subscribers = childAt(operation, 'subscribers');
  if (subscribers?.type === 'array' && subscribers.items.length === 0) {
    report(
      subscribers,
      'subscribers',
      `Operation ${name} names no subscribers; the generated documentation would say nobody listens`,
      "name who subscribes, such as ['Billing service (Pub/Sub API)']",
    );
  }

  const object = stringAt(operation, 'object');
  const objectFields = object !== undefined ? catalog.objectFields.get(object) : undefined;
  const objectProblem =
    object !== undefined ? unknownObjectProblem(object, [...catalog.objectFields.keys()]) : undefined;
  if (objectProblem)
    report(refAt('object'), 'unknown-object', `Operation ${name} ${objectProblem.message}`, objectProblem.fix);
  if (!objectFields || objectProblem) return;
  const checkObjectField = (at: Literal, field: string, role: string) => {
    if (!objectFields.has(field)) {
      report(
        at,
        'unknown-field',
        `${role} "${field}" is not a field of ${object}`,
        unknownFieldFix(object!, field, objectFields.keys()),
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
      const kind = stringAt(field, 'kind');
      if (!field || !booleanAt(field, 'externalId') || !booleanAt(field, 'unique')) {
        // The fix must be one the field can take: a standard field cannot be changed, and only
        // Text, Number and Email fields can be External IDs.
        const fix = !field
          ? `${key} is a standard field of ${object}, which a declaration cannot make an External ID: declare a custom Text field such as External_Id__c with externalId: true and unique: true on ${object} and name it here`
          : !(EXTERNAL_ID_KINDS as readonly string[]).includes(kind ?? '')
            ? `${key} is a ${kind} field, which cannot be an External ID: use a field.text (or number, email) field with externalId: true and unique: true`
            : `declare ${key} with externalId: true and unique: true`;
        report(
          keyAt,
          'idempotency-key',
          `idempotencyKey "${key}" of ${object} is not a unique External ID field, so a duplicate delivery could create or change a second record`,
          fix,
        );
      }
    }
  }
  checkMappingTypes(report, mapping, request, objectFields, object ?? '');
  checkStandardMappingTargets(report, mapping, request, object ?? '');
  const fieldList = childAt(operation, 'fields');
  if (fieldList?.type === 'array') {
    if (fieldList.items.length === 0) {
      report(
        fieldList,
        'batch-fields',
        'fields is empty: the sync would send records with no data',
        `list the fields of ${object} to send`,
      );
    }
    const seenFields = new Set<string>();
    for (const item of fieldList.items) {
      if (item.type !== 'string') continue;
      if (seenFields.has(item.value.toLowerCase())) {
        report(item, 'batch-fields', `Field "${item.value}" is listed twice`, 'list each field once');
      }
      seenFields.add(item.value.toLowerCase());
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
