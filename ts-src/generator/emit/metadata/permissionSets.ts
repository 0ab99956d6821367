/**
 * Permission sets, least privilege:
 * - admin: people who watch failures and reprocess them in the console;
 * - runtime: the integration user, under whom callouts, Platform Event triggers (through their
 *   PlatformEventSubscriberConfig) and scheduled jobs run: the outbound credential holder; it holds
 *   every External Credential principal and is the only holder of the full retry payload;
 * - call-in: the user an external system logs in as to call a call-in REST resource (inbound): the
 *   resource classes and the fields they write, and no credential, so a leaked inbound login can
 *   never call out as Salesforce nor read a retry payload;
 * - callout user: people whose own transaction calls out synchronously (request-reply, such as
 *   the credit check): the principals of those systems and the service classes, nothing else, so
 *   they never see unredacted payloads;
 * - live updates: people who watch a record page update from an event (empApi needs Read on the event).
 * - event publisher: the user a system outside Salesforce publishes inbound events as: Create on them.
 *
 * Never granted: View All / Modify All on data. Every Switchyard object has an org-wide default the
 * declarations chose (ReadWrite in the example app), so object access already reaches every row;
 * View All would only override a stricter default an admin sets later.
 * Not listed: required fields (always readable and editable with object access; Salesforce rejects
 * field permissions on them at deploy time).
 * Standard objects an operation works on (Order) get the object access it needs, with Read on the
 * objects that access depends on (STANDARD_OBJECT_DEPENDENCIES), since a permission set granting
 * Read Order without Read Account fails to deploy; a user's profile may grant more.
 * Callouts through a named principal also need object access to User External Credentials, which
 * stores the principal's tokens; custom permission sets do not have it by default. OAuth needs
 * Modify All on it (the platform refreshes an expired token on behalf of the calling user), the
 * other protocols Read:
 * https://help.salesforce.com/s/articleView?id=xcloud.nc_user_external_credentials_permissions.htm&type=5
 */
import type * as md from '@salesforce/types/metadata';
import {
  apexClassName,
  CONSOLE_APP,
  CONSOLE_CONTROLLER,
  CONSOLE_TAB,
  PERMISSION_SET_ADMIN,
  PERMISSION_SET_RUNTIME,
  restResourceClassName,
} from '../../model/naming';
import type { ExternalSystemModel, FieldModel, Model } from '../../model/types';
import type { GeneratedFile } from '../types';
import { metadataPaths } from './paths';
import { metadataFile, type Sparse } from './xml';

/**
 * Object permissions a standard object's access depends on: Salesforce rejects a permission set
 * granting the first without Read on these ("Permission Read Order depends on permission(s) ...").
 */
const STANDARD_OBJECT_DEPENDENCIES: Readonly<Record<string, readonly string[]>> = {
  Order: ['Account', 'Contract'],
};

export const PERMISSION_SET_CALLOUT_USER = 'Switchyard_Callout_User';
export const PERMISSION_SET_LIVE_UPDATES = 'Switchyard_Live_Updates';
export const PERMISSION_SET_CALL_IN = 'Switchyard_Call_In';
export const PERMISSION_SET_EVENT_PUBLISHER = 'Switchyard_Event_Publisher';

/** The object that stores External Credential tokens per user (named principals included). */
export const USER_EXTERNAL_CREDENTIAL = 'UserExternalCredential';

/** The dead-letter store the console works on, and its field only the runtime may read. */
export const ERROR_LOG_OBJECT = 'Integration_Error_Log__c';
export const RETRY_PAYLOAD_FIELD = 'Retry_Payload__c';

type FieldPermission = Sparse<md.PermissionSetFieldPermissions>;
type ObjectPermission = Sparse<md.PermissionSetObjectPermissions>;
type Access = 'read' | 'edit';
interface ObjectAccess {
  create?: boolean;
  edit?: boolean;
}

export function adminPermissionSet(model: Model): Sparse<md.PermissionSet> {
  return {
    applicationVisibilities: [{ application: CONSOLE_APP, visible: true }],
    classAccesses: [{ apexClass: CONSOLE_CONTROLLER, enabled: true }],
    description:
      'Watch integration failures and reprocess or resolve them in the Switchyard console. Grants no callout access: reprocessed messages are resent by the runtime user.',
    fieldPermissions: sortedFields([
      ...model.objects.flatMap((object) =>
        grantFields(
          object.apiName,
          // The retry payload holds the unredacted body: people see the redacted Payload__c only.
          object.fields.filter((field) => !(object.apiName === ERROR_LOG_OBJECT && field.name === RETRY_PAYLOAD_FIELD)),
          object.apiName === ERROR_LOG_OBJECT ? 'edit' : 'read',
        ),
      ),
      ...model.extensions.flatMap((extension) => grantFields(extension.object, extension.fields, 'read')),
    ]),
    label: 'Switchyard Integration Admin',
    objectPermissions: sortedObjects([
      ...model.objects.map((object) => objectPermission(object.apiName, { edit: object.apiName === ERROR_LOG_OBJECT })),
      // The console follows new failures and alerts live over empApi.
      ...model.events.map((event) => objectPermission(event.apiName, {})),
    ]),
    tabSettings: [...model.objects.filter((object) => object.tab).map((object) => object.apiName), CONSOLE_TAB]
      .sort()
      .map((tab) => ({ tab, visibility: 'Visible' })),
  };
}

export function runtimePermissionSet(model: Model): Sparse<md.PermissionSet> {
  return {
    description:
      'Assign to the integration user only: it holds the External Credential principals (outbound callouts), writes the error log, circuit, alert and sync state. Call-ins use Switchyard_Call_In.',
    externalCredentialPrincipalAccesses: model.systems.map(principalAccess).sort(byKey('externalCredentialPrincipal')),
    fieldPermissions: sortedFields([
      ...model.objects.flatMap((object) => grantFields(object.apiName, object.fields, 'edit')),
      ...model.extensions.flatMap((extension) => {
        const access = extensionAccess(model, extension.object, 'batch-sync');
        return extension.fields.flatMap((field) => {
          const granted = access.get(field.name);
          return granted ? grantFields(extension.object, [field], granted) : [];
        });
      }),
    ]),
    label: 'Switchyard Integration Runtime',
    // Rows are never deleted by the runtime: resolved failures stay as the audit trail.
    objectPermissions: sortedObjects([
      ...model.objects.map((object) => objectPermission(object.apiName, { create: true, edit: true })),
      ...standardObjectAccess(model, 'batch-sync'),
      ...userExternalCredentialAccess(model.systems),
    ]),
  };
}

/**
 * Undefined when nothing calls in. The inbound caller answers the REST resources in user mode: it
 * edits the fields each call-in writes and matches on, and holds no credential principal (the
 * error log and the published events are written by the runtime in system mode).
 */
export function callInPermissionSet(model: Model): Sparse<md.PermissionSet> | undefined {
  const callIns = model.operations.filter((operation) => operation.pattern === 'remote-call-in');
  if (callIns.length === 0) return undefined;
  const objects = [...new Set(callIns.map((operation) => operation.object))];
  const declared = new Map(model.objects.map((object) => [object.apiName, object.fields] as const));
  const extended = new Map(model.extensions.map((extension) => [extension.object, extension.fields] as const));
  return {
    classAccesses: callIns
      .map((operation) => ({ apexClass: restResourceClassName(operation.name), enabled: true }))
      .sort(byKey('apexClass')),
    description:
      'Assign to the user an external system logs in as to call the Switchyard REST resources (inbound): those resources and the fields they write, no callout credential.',
    fieldPermissions: sortedFields(
      objects.flatMap((object) => {
        const access = extensionAccess(model, object, 'remote-call-in');
        const fields = declared.get(object) ?? extended.get(object) ?? [];
        return fields
          .filter((field) => access.has(field.name))
          .flatMap((field) => grantFields(object, [field], 'edit'));
      }),
    ),
    label: 'Switchyard Call-In',
    objectPermissions: sortedObjects(objects.flatMap((object) => withDependencies(object, { edit: true }))),
  };
}

/**
 * Undefined when no system publishes events in. The user an external system logs in as to publish
 * (Pub/Sub API, or REST/SOAP API inserting the event) needs Create on the event; the trigger that
 * applies the events runs as its own user, so the publisher gets no access to the records.
 * https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_publish_api.htm
 */
export function eventPublisherPermissionSet(model: Model): Sparse<md.PermissionSet> | undefined {
  const inbound = model.operations.filter((operation) => operation.pattern === 'inbound-event');
  if (inbound.length === 0) return undefined;
  return {
    description:
      'Assign to the user an external system logs in as to publish events into Salesforce (Pub/Sub API or REST API): Create on those events only, no record access, no callout credential.',
    label: 'Switchyard Event Publisher',
    objectPermissions: sortedObjects(inbound.map((operation) => objectPermission(operation.event, { create: true }))),
  };
}

/** Undefined when no operation calls out in the user's own transaction. */
export function calloutUserPermissionSet(model: Model): Sparse<md.PermissionSet> | undefined {
  const requestReply = model.operations.filter((operation) => operation.pattern === 'request-reply');
  if (requestReply.length === 0) return undefined;
  const systems = new Set(requestReply.map((operation) => operation.system));
  return {
    classAccesses: requestReply
      .map((operation) => ({ apexClass: apexClassName.service(operation.name), enabled: true }))
      .sort(byKey('apexClass')),
    description:
      'For people whose own transaction calls an external system and waits for the answer (request-reply): those systems only.',
    externalCredentialPrincipalAccesses: model.systems
      .filter((system) => systems.has(system.name))
      .map(principalAccess)
      .sort(byKey('externalCredentialPrincipal')),
    label: 'Switchyard Callout User',
    objectPermissions: userExternalCredentialAccess(model.systems.filter((system) => systems.has(system.name))),
  };
}

/** Undefined when no operation updates a page live. */
export function liveUpdatesPermissionSet(model: Model): Sparse<md.PermissionSet> | undefined {
  const updates = model.operations.filter((operation) => operation.pattern === 'ui-update');
  if (updates.length === 0) return undefined;
  const pageObjects = new Set(updates.map((operation) => operation.object));
  return {
    description:
      'See records update live on their pages (for example order status): subscribes to the events that carry the changes.',
    fieldPermissions: sortedFields(
      model.extensions
        .filter((extension) => pageObjects.has(extension.object))
        .flatMap((extension) => grantFields(extension.object, extension.fields, 'read')),
    ),
    label: 'Switchyard Live Updates',
    objectPermissions: sortedObjects([
      ...[...new Set(updates.map((operation) => operation.event))].map((event) => objectPermission(event, {})),
      ...[...pageObjects].flatMap((object) => withDependencies(object, {})),
    ]),
  };
}

export function permissionSetFiles(model: Model): GeneratedFile[] {
  const sources = [
    ...model.objects.map((object) => object.location.file),
    ...model.extensions.map((extension) => extension.location.file),
    ...model.systems.map((system) => system.location.file),
    ...model.operations.map((operation) => operation.location.file),
  ];
  const sets: [string, Sparse<md.PermissionSet> | undefined][] = [
    [PERMISSION_SET_ADMIN, adminPermissionSet(model)],
    [PERMISSION_SET_RUNTIME, runtimePermissionSet(model)],
    [PERMISSION_SET_CALL_IN, callInPermissionSet(model)],
    [PERMISSION_SET_EVENT_PUBLISHER, eventPublisherPermissionSet(model)],
    [PERMISSION_SET_CALLOUT_USER, calloutUserPermissionSet(model)],
    [PERMISSION_SET_LIVE_UPDATES, liveUpdatesPermissionSet(model)],
  ];
  return sets.flatMap(([name, set]) =>
    set ? [metadataFile(metadataPaths.permissionSet(name), 'PermissionSet', set, sources)] : [],
  );
}

/** Written `<ExternalCredential>-<Principal>`, the form the Metadata API expects (API 59+). */
function principalAccess(system: ExternalSystemModel): Sparse<md.PermissionSetExternalCredentialPrincipalAccess> {
  return { enabled: true, externalCredentialPrincipal: `${system.externalCredential}-${system.principal}` };
}

/**
 * What one pattern does with each custom field of an object: call-ins write their mapped fields and
 * match on their key; batch syncs read the fields they send. Fields no operation touches are not
 * granted.
 */
function extensionAccess(model: Model, object: string, pattern: 'batch-sync' | 'remote-call-in'): Map<string, Access> {
  const access = new Map<string, Access>();
  for (const operation of model.operations) {
    if (pattern === 'batch-sync' && operation.pattern === 'batch-sync' && operation.object === object) {
      for (const field of [...operation.fields, operation.idempotencyKey]) access.set(field, 'read');
    }
    if (pattern === 'remote-call-in' && operation.pattern === 'remote-call-in' && operation.object === object) {
      for (const field of [...Object.values(operation.mapping), operation.idempotencyKey]) access.set(field, 'edit');
    }
  }
  // A pull sync runs as the runtime user too, and upserts: it edits what it maps and matches on.
  for (const operation of model.operations) {
    if (pattern === 'batch-sync' && operation.pattern === 'pull-sync' && operation.object === object) {
      for (const field of [...Object.values(operation.mapping), operation.idempotencyKey]) access.set(field, 'edit');
    }
  }
  return access;
}

/** Read on the standard objects the batch syncs send; create and edit on those the pull syncs write. */
function standardObjectAccess(model: Model, pattern: 'batch-sync'): ObjectPermission[] {
  const custom = new Set(model.objects.map((object) => object.apiName));
  const read = model.operations.flatMap((operation) => (operation.pattern === pattern ? [operation.object] : []));
  // A pull sync upserts into its object: create and edit.
  const written = new Set(model.operations.flatMap((o) => (o.pattern === 'pull-sync' ? [o.object] : [])));
  return [...new Set([...read, ...written])]
    .filter((object) => !custom.has(object))
    .flatMap((object) => withDependencies(object, written.has(object) ? { create: true, edit: true } : {}));
}

/**
 * User External Credentials access for callouts through these systems' named principals: Modify All
 * where one is OAuth (token refresh), Read otherwise; none without systems.
 */
function userExternalCredentialAccess(systems: readonly ExternalSystemModel[]): ObjectPermission[] {
  if (systems.length === 0) return [];
  const oauth = systems.some(
    (system) => system.auth.type === 'oauthClientCredentials' || system.auth.type === 'jwtBearer',
  );
  return [
    oauth
      ? {
          ...objectPermission(USER_EXTERNAL_CREDENTIAL, { edit: true }),
          allowDelete: true,
          modifyAllRecords: true,
          viewAllRecords: true,
        }
      : objectPermission(USER_EXTERNAL_CREDENTIAL, {}),
  ];
}

/** The object's permission and Read on each object it depends on. */
function withDependencies(object: string, access: ObjectAccess): ObjectPermission[] {
  const dependencies = (STANDARD_OBJECT_DEPENDENCIES[object] ?? []).map((parent) => objectPermission(parent, {}));
  return [objectPermission(object, access), ...dependencies];
}

function grantFields(object: string, fields: readonly FieldModel[], access: Access): FieldPermission[] {
  return fields
    .filter((field) => !field.required)
    .map((field) => ({ editable: access === 'edit', field: `${object}.${field.name}`, readable: true }));
}

function objectPermission(object: string, access: ObjectAccess): ObjectPermission {
  return {
    allowCreate: access.create === true,
    allowDelete: false,
    allowEdit: access.edit === true,
    allowRead: true,
    modifyAllRecords: false,
    object,
    viewAllRecords: false,
  };
}

function sortedFields(permissions: FieldPermission[]): FieldPermission[] {
  return permissions.sort(byKey('field'));
}

/** One entry per object (a dependency may be named twice), the widest access kept, sorted. */
function sortedObjects(permissions: ObjectPermission[]): ObjectPermission[] {
  const byObject = new Map<string, ObjectPermission>();
  for (const permission of permissions) {
    const earlier = byObject.get(permission.object);
    byObject.set(
      permission.object,
      earlier
        ? {
            ...earlier,
            allowCreate: earlier.allowCreate || permission.allowCreate,
            allowEdit: earlier.allowEdit || permission.allowEdit,
          }
        : permission,
    );
  }
  return [...byObject.values()].sort(byKey('object'));
}

/** Code-point order, the same on every machine (localeCompare depends on the ICU locale). */
function byKey<K extends string>(key: K) {
  return (a: { readonly [P in K]: string }, b: { readonly [P in K]: string }) =>
    a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0;
}
