/**
 * Turns validated declarations into the model: defaults applied, names derived, sorted so the
 * output does not depend on the order files were read in.
 */
import type {
  CircuitBreakerPolicy,
  CustomObjectDeclaration,
  ExternalSystemDeclaration,
  FieldDeclaration,
  MonitoringDeclaration,
  ObjectExtensionDeclaration,
  OperationDeclaration,
  PlatformEventDeclaration,
  RetryPolicy,
} from '../../dsl';
import { PLATFORM_FOLDER, type RawDeclaration } from '../load/declarations';
import { childAt, toPlain, type Literal } from '../load/literal';
import { recordEventModel } from './recordEvent';
import { ALL_CHANGE_TYPES } from './changeEvents';
import { externalCredentialName, principalName, type GeneratedLayer } from './naming';
import { uiUpdateModel } from './uiUpdate';
import type {
  CustomObjectModel,
  ExternalSystemModel,
  FieldModel,
  LwcBundleSource,
  Model,
  MonitoringModel,
  ObjectExtensionModel,
  OperationModel,
  PlatformEventModel,
  RetryPolicyModel,
} from './types';

/** Chain depth used when a retry policy states none: the most a scratch org allows. */
const DEFAULT_MAX_CHAIN_DEPTH = 5;

export interface ComponentSources {
  components: readonly LwcBundleSource[];
  componentTypings: Readonly<Record<string, string>>;
}

export function buildModel(declarations: readonly RawDeclaration[], sources: ComponentSources): Model {
  const of = <T>(kind: RawDeclaration['kind']) =>
    declarations.filter((d) => d.kind === kind).map((d) => ({ value: toPlain(d.value) as T, literal: d.value }));
  const byName =
    <T>(key: (item: T) => string) =>
    (a: T, b: T) =>
      key(a).localeCompare(key(b));

  const systems = of<ExternalSystemDeclaration>('system')
    .map(({ value, literal }) => systemModel(value, literal))
    .sort(byName((s) => s.name));
  const systemTimeout = new Map(systems.map((s) => [s.name, s.timeoutSeconds]));

  return {
    events: of<PlatformEventDeclaration>('event')
      .map(({ value, literal }) => eventModel(value, literal))
      .sort(byName((e) => e.apiName)),
    objects: of<CustomObjectDeclaration>('object')
      .map(({ value, literal }) => objectModel(value, literal))
      .sort(byName((o) => o.apiName)),
    extensions: mergeExtensions(of<ObjectExtensionDeclaration>('extension')),
    systems,
    operations: of<OperationDeclaration>('operation')
      .map(({ value, literal }) => operationModel(value, literal, systemTimeout))
      .sort(byName((o) => o.name)),
    monitoring: of<MonitoringDeclaration>('monitoring')
      .map(({ value, literal }): MonitoringModel => ({ ...value, location: literal.location }))
      .sort(byName((m) => m.name)),
    components: [...sources.components].sort(byName((c) => c.bundle)),
    componentTypings: sources.componentTypings,
  };
}

/** `Fulfilment_Status_Changed_At__c` -> `Fulfilment Status Changed At`. */
export function labelFromApiName(apiName: string): string {
  return apiName.replace(/__(c|e)$/, '').replace(/_/g, ' ');
}

function fieldModels(fields: Readonly<Record<string, FieldDeclaration>>, literal: Literal | undefined): FieldModel[] {
  return Object.entries(fields)
    .map(([name, field]): FieldModel => {
      const location = childAt(literal, name)?.location ?? literal!.location;
      const { kind, label, description, helpText, sensitive } = field;
      const model: FieldModel = {
        name,
        kind,
        label: label ?? labelFromApiName(name),
        required: 'required' in field ? field.required === true : false,
        sensitive: sensitive === true,
        externalId: 'externalId' in field ? field.externalId === true : false,
        unique: 'unique' in field ? field.unique === true : false,
        location,
      };
      if (description !== undefined) model.description = description;
      if (helpText !== undefined) model.helpText = helpText;
      if (field.kind === 'Text') model.length = field.length;
      if (field.kind === 'LongTextArea') {
        model.length = field.length;
        model.visibleLines = field.visibleLines ?? 5;
      }
      if (field.kind === 'Number') {
        model.precision = field.precision;
        model.scale = field.scale;
      }
      if (field.kind === 'Picklist') {
        model.values = field.values;
        model.restricted = field.restricted ?? true;
        if (field.defaultValue !== undefined) model.defaultValue = field.defaultValue;
      }
      if (field.kind === 'Checkbox') model.defaultValue = field.defaultValue ?? false;
      return model;
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function layerOf(literal: Literal): GeneratedLayer {
  return literal.location.file.startsWith(PLATFORM_FOLDER + '/') ? 'platform' : 'app';
}

function eventModel(event: PlatformEventDeclaration, literal: Literal): PlatformEventModel {
  return {
    apiName: event.apiName,
    layer: layerOf(literal),
    label: event.label,
    pluralLabel: event.pluralLabel ?? `${event.label}s`,
    ...(event.description !== undefined && { description: event.description }),
    eventType: event.eventType,
    publishBehavior: event.publishBehavior,
    fields: fieldModels(event.fields, childAt(literal, 'fields')),
    location: literal.location,
  };
}

function objectModel(object: CustomObjectDeclaration, literal: Literal): CustomObjectModel {
  const fields = fieldModels(object.fields, childAt(literal, 'fields'));
  return {
    apiName: object.apiName,
    layer: layerOf(literal),
    label: object.label,
    pluralLabel: object.pluralLabel,
    ...(object.description !== undefined && { description: object.description }),
    nameField: object.nameField,
    sharingModel: object.sharingModel,
    fields,
    ...(object.tab && { tab: object.tab }),
    listViews: object.listViews ?? [],
    // Declaration order of fields, not the sorted order: a layout reads top to bottom as declared.
    layout: object.layout ?? [{ label: 'Information', fields: Object.keys(object.fields) }],
    location: literal.location,
  };
}

/** Several declarations may extend the same standard object: one model entry per object. */
function mergeExtensions(
  extensions: { value: ObjectExtensionDeclaration; literal: Literal }[],
): ObjectExtensionModel[] {
  const merged = new Map<string, ObjectExtensionModel>();
  for (const { value, literal } of extensions) {
    const fields = fieldModels(value.fields, childAt(literal, 'fields'));
    const existing = merged.get(value.object);
    merged.set(value.object, {
      object: value.object,
      fields: [...(existing?.fields ?? []), ...fields].sort((a, b) => a.name.localeCompare(b.name)),
      location: existing?.location ?? literal.location,
    });
  }
  return [...merged.values()].sort((a, b) => a.object.localeCompare(b.object));
}

function systemModel(system: ExternalSystemDeclaration, literal: Literal): ExternalSystemModel {
  const circuitBreaker: CircuitBreakerPolicy = { ...system.circuitBreaker };
  return {
    name: system.name,
    label: system.label,
    baseUrl: system.baseUrl,
    auth: system.auth,
    timeoutSeconds: system.timeoutSeconds,
    circuitBreaker,
    externalCredential: externalCredentialName(system.name),
    principal: principalName(system.name),
    location: literal.location,
  };
}

function retryModel(retry: RetryPolicy): RetryPolicyModel {
  return {
    maxAttempts: retry.maxAttempts,
    baseDelaySeconds: retry.baseDelaySeconds,
    maxDelaySeconds: retry.maxDelaySeconds,
    jitter: retry.jitter,
    maxChainDepth: retry.maxChainDepth ?? DEFAULT_MAX_CHAIN_DEPTH,
    ...(retry.chainDepthOverride && { chainDepthOverride: retry.chainDepthOverride }),
  };
}

function operationModel(
  operation: OperationDeclaration,
  literal: Literal,
  systemTimeout: ReadonlyMap<string, number>,
): OperationModel {
  const location = literal.location;
  // Validation made sure the system exists, so an outbound call always has a timeout.
  const timeoutOf = (call: { system: string; timeoutSeconds?: number }) =>
    call.timeoutSeconds ?? systemTimeout.get(call.system)!;
  switch (operation.pattern) {
    case 'request-reply':
      return {
        ...operation,
        timeoutSeconds: timeoutOf(operation),
        request: fieldModels(operation.request, childAt(literal, 'request')),
        response: fieldModels(operation.response, childAt(literal, 'response')),
        location,
      };
    case 'fire-and-forget':
    case 'batch-sync':
      return { ...operation, timeoutSeconds: timeoutOf(operation), retry: retryModel(operation.retry), location };
    case 'pull-sync':
      return {
        ...operation,
        method: 'GET',
        timeoutSeconds: timeoutOf(operation),
        record: fieldModels(operation.record, childAt(literal, 'record')),
        retry: retryModel(operation.retry),
        location,
      };
    case 'change-capture':
      return {
        ...operation,
        timeoutSeconds: timeoutOf(operation),
        retry: retryModel(operation.retry),
        changeTypes: operation.changeTypes ?? ALL_CHANGE_TYPES,
        location,
      };
    case 'remote-call-in':
      return { ...operation, request: fieldModels(operation.request, childAt(literal, 'request')), location };
    case 'inbound-event':
      return { ...operation, onMissingRecord: operation.onMissingRecord ?? 'create', location };
    case 'publish-subscribe':
      return { ...operation, location };
    case 'ui-update':
      return uiUpdateModel(operation, location);
    case 'record-event':
      return recordEventModel(operation, location);
  }
}
