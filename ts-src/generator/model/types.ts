/**
 * The validated model: what every emitter reads. It is built once from the declarations
 * (loader -> validate -> build) and is never mutated afterwards. Emitters never see raw
 * declarations, so a rule enforced here holds for every file they write.
 */
import type { GeneratedLayer } from './naming';
import type {
  AuthDeclaration,
  ChangeType,
  CircuitBreakerPolicy,
  FieldDeclaration,
  HttpMethod,
  IntegrationPattern,
  NameField,
  PullPaging,
  RetryPolicy,
  VolumeDeclaration,
} from '../../dsl';

/** Where a declaration (or one property of it) was written: 1-based line and column. */
export interface SourceLocation {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line: number;
  column: number;
}

export type FieldKind = FieldDeclaration['kind'];

/** One field of an object, event, or request/response shape, with every default applied. */
export interface FieldModel {
  /** `Foo__c` for object and event fields; the JSON property name for shapes. */
  name: string;
  kind: FieldKind;
  label: string;
  description?: string;
  helpText?: string;
  required: boolean;
  sensitive: boolean;
  externalId: boolean;
  unique: boolean;
  /** Text, LongTextArea. */
  length?: number;
  /** LongTextArea. */
  visibleLines?: number;
  /** Number. */
  precision?: number;
  scale?: number;
  /** Picklist. */
  values?: readonly string[];
  restricted?: boolean;
  /** Picklist value or Checkbox default. */
  defaultValue?: string | boolean;
  location: SourceLocation;
}

export interface PlatformEventModel {
  apiName: string;
  /** `platform` for the runtime's own events (ts-src/platform), `app` for the integrations' ones. */
  layer: GeneratedLayer;
  label: string;
  pluralLabel: string;
  description?: string;
  eventType: 'HighVolume';
  publishBehavior: 'PublishAfterCommit' | 'PublishImmediately';
  fields: readonly FieldModel[];
  location: SourceLocation;
}

export interface ListViewModel {
  name: string;
  label: string;
  columns: readonly string[];
  filter?: { field: string; equals: string };
}

export interface LayoutSectionModel {
  label: string;
  fields: readonly string[];
}

export interface CustomObjectModel {
  apiName: string;
  /** `platform` for the runtime's own objects (ts-src/platform), `app` for the integrations' ones. */
  layer: GeneratedLayer;
  label: string;
  pluralLabel: string;
  description?: string;
  nameField: NameField;
  sharingModel: 'Private' | 'Read' | 'ReadWrite';
  fields: readonly FieldModel[];
  tab?: { motif: string };
  listViews: readonly ListViewModel[];
  layout: readonly LayoutSectionModel[];
  location: SourceLocation;
}

/** Custom fields added to a standard object; the object itself is not emitted. */
export interface ObjectExtensionModel {
  object: string;
  fields: readonly FieldModel[];
  location: SourceLocation;
}

export interface ExternalSystemModel {
  /** Developer name of the Named Credential (`callout:<name>`). */
  name: string;
  label: string;
  baseUrl: string;
  auth: AuthDeclaration;
  timeoutSeconds: number;
  circuitBreaker: CircuitBreakerPolicy;
  /** Developer name of the External Credential that holds the authentication. */
  externalCredential: string;
  /** Name of the External Credential's named principal. */
  principal: string;
  location: SourceLocation;
}

/** A retry policy with its defaults applied. */
export interface RetryPolicyModel extends Required<Omit<RetryPolicy, 'chainDepthOverride'>> {
  chainDepthOverride?: 'production-only';
}

interface OperationModelBase {
  name: string;
  description: string;
  pattern: IntegrationPattern;
  /** Declared expected traffic (ts-src/dsl VolumeDeclaration); absent when none was declared. */
  volume?: VolumeDeclaration;
  location: SourceLocation;
}

export interface OutboundCallModel {
  /** Name of the external system (Named Credential). */
  system: string;
  method: HttpMethod;
  path: string;
  /** The operation's own timeout, or the system's default: always set, 1-120. */
  timeoutSeconds: number;
}

export interface RequestReplyModel extends OperationModelBase, OutboundCallModel {
  pattern: 'request-reply';
  request: readonly FieldModel[];
  response: readonly FieldModel[];
  fallback: Readonly<Record<string, string | number | boolean>>;
}

export interface FireAndForgetModel extends OperationModelBase, OutboundCallModel {
  pattern: 'fire-and-forget';
  event: string;
  messageKey: string;
  relatedRecordField?: string;
  retry: RetryPolicyModel;
}

export interface ChangeCaptureModel extends OperationModelBase, OutboundCallModel {
  pattern: 'change-capture';
  object: string;
  fields: readonly string[];
  /** The declared change types, or all four. */
  changeTypes: readonly ChangeType[];
  retry: RetryPolicyModel;
}

export interface PublishSubscribeModel extends OperationModelBase {
  pattern: 'publish-subscribe';
  event: string;
  subscribers: readonly string[];
}

export interface BatchSyncModel extends OperationModelBase, OutboundCallModel {
  pattern: 'batch-sync';
  object: string;
  fields: readonly string[];
  idempotencyKey: string;
  schedule: string;
  batchSize: number;
  retry: RetryPolicyModel;
}

export interface PullSyncModel extends OperationModelBase, OutboundCallModel {
  pattern: 'pull-sync';
  /** Always GET: a page is read, nothing is sent. */
  method: 'GET';
  object: string;
  idempotencyKey: string;
  /** One record of a page, as declared. */
  record: readonly FieldModel[];
  mapping: Readonly<Record<string, string>>;
  records: string;
  paging: PullPaging;
  pageSize: number;
  pageSizeParam: string;
  schedule: string;
  retry: RetryPolicyModel;
}

export interface RemoteCallInModel extends OperationModelBase {
  pattern: 'remote-call-in';
  source: string;
  object: string;
  urlMapping: string;
  idempotencyKey: string;
  request: readonly FieldModel[];
  mapping: Readonly<Record<string, string>>;
  publishes?: string;
  orderedBy?: string;
}

export interface UiUpdateModel extends OperationModelBase {
  pattern: 'ui-update';
  event: string;
  object: string;
  recordIdField: string;
  /** The team's own bundle, or the shipped liveRecordFeed when the declaration names none. */
  component: string;
  /** Set when liveRecordFeed shows the events: its configuration (model/uiUpdate.ts). */
  live?: LiveRecordModel;
}

/** What liveRecordFeed shows: event field names as declared (validated against the event). */
export interface LiveRecordModel {
  show: readonly string[];
  statusField?: string;
  title?: string;
}

/** A record-event with its defaults applied (`on` both saves, no condition = every matching save). */
export interface RecordEventModel extends OperationModelBase {
  pattern: 'record-event';
  object: string;
  event: string;
  on: readonly ('insert' | 'update')[];
  whenChanged: readonly string[];
  when?: { field: string; equals: string | number | boolean };
  /** Event field -> record field, in event-field order. */
  mapping: Readonly<Record<string, string>>;
}

/** An event a system publishes, applied to the record its key names (SwyInboundEvents). */
export interface InboundEventModel extends OperationModelBase {
  pattern: 'inbound-event';
  source: string;
  event: string;
  object: string;
  idempotencyKey: string;
  /** Event field -> object field; the entry writing `idempotencyKey` carries the key. */
  mapping: Readonly<Record<string, string>>;
  orderedBy?: string;
  /** Default applied: `create`. */
  onMissingRecord: 'create' | 'log';
}

export type OperationModel =
  | RequestReplyModel
  | FireAndForgetModel
  | ChangeCaptureModel
  | PublishSubscribeModel
  | BatchSyncModel
  | PullSyncModel
  | RemoteCallInModel
  | UiUpdateModel
  | RecordEventModel
  | InboundEventModel;

export interface MonitoringModel {
  name: string;
  failureRateThreshold: number;
  windowMinutes: number;
  minimumVolume: number;
  alertEmail: string;
  schedule: string;
  location: SourceLocation;
}

/** A Lightning Web Component authored in TypeScript under `ts-src/lwc/<bundle>/`. */
export interface LwcBundleSource {
  bundle: string;
  /** File name inside the bundle folder (`orderStatusTracker.ts`, `.html`, `.css`, `.js-meta.xml`, ...) -> text. */
  files: Readonly<Record<string, string>>;
}

export interface Model {
  /** LWC sources are an input like the declarations: the LWC emitter compiles them in memory. */
  components: readonly LwcBundleSource[];
  /** Hand-written ambient typings under `ts-src/lwc/types/` (`lightning/empApi`...), file name -> text. */
  componentTypings: Readonly<Record<string, string>>;
  events: readonly PlatformEventModel[];
  objects: readonly CustomObjectModel[];
  extensions: readonly ObjectExtensionModel[];
  systems: readonly ExternalSystemModel[];
  operations: readonly OperationModel[];
  monitoring: readonly MonitoringModel[];
}
