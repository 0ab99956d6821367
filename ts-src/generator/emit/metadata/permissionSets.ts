/**
 * Permission sets, least privilege:
 * - admin: people who watch failures and reprocess them in the console;
 * - runtime: the integration user, under whom callouts, Platform Event triggers (through their
 *   PlatformEventSubscriberConfig), scheduled jobs and call-ins run; it holds every External
 *   Credential principal and is the only holder of the full retry payload;
 * - callout user: people whose own transaction calls out synchronously (request-reply, such as
 *   the credit check): the principals of those systems and the service classes, nothing else, so
 *   they never see unredacted payloads;
 * - live updates: people who watch a record page update from an event (empApi needs Read on the event).
 *
 * Never granted: View All / Modify All. Every Switchyard object has an org-wide default the
 * declarations chose (ReadWrite in the example app), so object access already reaches every row;
 * View All would only override a stricter default an admin sets later.
 * Not listed: required fields (always readable and editable with object access; Salesforce rejects
 * field permissions on them at deploy time).
 * Standard objects an operation works on (Order) get the object access it needs, with Read on the
 * objects that access depends on (STANDARD_OBJECT_DEPENDENCIES), since a permission set granting
 * Read Order without Read Account fails to deploy; a user's profile may grant more.
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
  const callIns = model.operations.filter((operation) => operation.pattern === 'remote-call-in');
  return {
    classAccesses: callIns
      .map((operation) => ({ apexClass: restResourceClassName(operation.name), enabled: true }))
      .sort(byKey('apexClass')),
    description:
      'Assign to the integration user only: it holds the External Credential principals, writes the error log, circuit and sync state, and answers the call-in REST resources.',
    externalCredentialPrincipalAccesses: model.systems.map(principalAccess).sort(byKey('externalCredentialPrincipal')),
    fieldPermissions: sortedFields([
      ...model.objects.flatMap((object) => grantFields(object.apiName, object.fields, 'edit')),
      ...model.extensions.flatMap((extension) => {
        const access = extensionAccess(model, extension.object);
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
      ...standardObjectAccess(model),
    ]),
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
 * What the runtime does with each custom field of a standard object: call-ins write their mapped
 * fields and match on their key; batch syncs read the fields they send. Fields no operation
 * touches are not granted.
 */
function extensionAccess(model: Model, object: string): Map<string, Access> {
  const access = new Map<string, Access>();
  for (const operation of model.operations) {
    if (operation.pattern === 'batch-sync' && operation.object === object) {
      for (const field of [...operation.fields, operation.idempotencyKey])
        if (!access.has(field)) access.set(field, 'read');
    }
    if (operation.pattern === 'remote-call-in' && operation.object === object) {
      for (const field of [...Object.values(operation.mapping), operation.idempotencyKey]) access.set(field, 'edit');
    }
  }
  return access;
}

/** Read (batch sync) or edit (call-in) on the standard objects the runtime's operations touch. */
function standardObjectAccess(model: Model): ObjectPermission[] {
  const edited = new Set<string>();
  const read = new Set<string>();
  for (const operation of model.operations) {
    if (operation.pattern === 'remote-call-in') edited.add(operation.object);
    if (operation.pattern === 'batch-sync') read.add(operation.object);
  }
  const custom = new Set(model.objects.map((object) => object.apiName));
  return [...new Set([...edited, ...read])]
    .filter((object) => !custom.has(object))
    .flatMap((object) => withDependencies(object, { edit: edited.has(object) }));
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
