/**
 * Remote call-in: the `@RestResource` the platform requires as a named class, holding what only the
 * declaration knows (URL mapping, source system, object, key, property -> field mapping, orderedBy,
 * the body's schema and where each field of the published event comes from) and handing every
 * delivery to the runtime's SwyCallIn, which validates, finds the record by its key, applies a
 * change once in user mode and publishes the event. The body needs no typed request class: the
 * schema (SwyPayloadSchema) validates the untyped JSON and reads its typed values.
 */
import { BuildFailure } from '../../model/errors';
import { apexClassName, apexStem, restResourceClassName } from '../../model/naming';
import type { FieldModel, Model, PlatformEventModel, RemoteCallInModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { camel, doc, str, stringSet } from './apex';
import { apexClassFiles, type DeclarationSource } from './files';
import { payloadSchemaExpression } from './payloadSchema';
import { recordIdField, sensitiveFieldsOf } from './events';
import { sampleText, sampleValue } from './samples';
import { apex } from './template';
import { testRecord } from './testRecords';
import { testClass, testsAs, userWith } from './tests';
import { PERMISSION_SET_CALL_IN } from '../metadata/permissionSets';

export function emitRemoteCallIn(model: Model, operation: RemoteCallInModel): GeneratedFile[] {
  const source: DeclarationSource[] = [{ location: operation.location, name: operation.name }];
  const ctx = context(model, operation);
  return [
    ...apexClassFiles(ctx.resource, resourceClass(ctx), source),
    ...apexClassFiles(apexClassName.test(ctx.resource), resourceTest(model, ctx), source),
  ];
}

interface Binding {
  /** Request property. */
  property: string;
  field: string;
  propertyField: FieldModel;
}

interface Context {
  operation: RemoteCallInModel;
  object: string;
  resource: string;
  /** The binding of the idempotency key. */
  key: Binding;
  /** Every other mapped property: these are compared and written. */
  writes: Binding[];
  /** The write holding when the change happened (`orderedBy`): an older delivery is stale. */
  ordering?: Binding;
  event?: PlatformEventModel;
  /** Builder calls that say where each event field's value comes from. */
  eventValues: string[];
  /** The event field naming the record, for the error log when the bus refuses the event. */
  eventRecordField?: string;
  urlMapping: string;
}

function context(model: Model, operation: RemoteCallInModel): Context {
  const bindings: Binding[] = Object.entries(operation.mapping).map(([property, field]) => {
    const propertyField = operation.request.find((f) => f.name === property);
    if (!propertyField) throw new Error(`mapping of ${operation.name} names unknown property ${property}`);
    return { property, field, propertyField };
  });
  const key = bindings.find((b) => b.field === operation.idempotencyKey);
  if (!key) {
    throw new BuildFailure([
      {
        location: operation.location,
        rule: 'call-in-key',
        message: `no request property of ${operation.name} is mapped to its idempotencyKey ${operation.idempotencyKey}, so a call cannot name its record`,
        fix: `map the property that carries the key: mapping: { <property>: '${operation.idempotencyKey}' }`,
      },
    ]);
  }
  const event = operation.publishes ? model.events.find((e) => e.apiName === operation.publishes) : undefined;
  const writes = bindings.filter((b) => b !== key);
  return {
    operation,
    object: operation.object,
    resource: restResourceClassName(operation.name),
    key,
    writes,
    ordering: writes.find((w) => w.property === operation.orderedBy),
    event,
    eventValues: event ? eventValues(operation, event, bindings) : [],
    eventRecordField: event && recordIdField(model, event),
    urlMapping: operation.urlMapping.endsWith('*')
      ? operation.urlMapping
      : `${operation.urlMapping.replace(/\/$/, '')}/*`,
  };
}

/**
 * Fills the published event by naming convention, so the declaration needs no second mapping:
 * `<Object>_Id__c` or `Record_Id__c` gets the record id, `Source_System__c` the declared source,
 * a field named like a mapped object field or like a request property (`Changed_At__c` <-
 * `changedAt`) gets the request value, and `Previous_<X>__c` the value the record held before.
 * The convention is resolved here, so the generated configuration names every source explicitly.
 */
function eventValues(operation: RemoteCallInModel, event: PlatformEventModel, bindings: readonly Binding[]): string[] {
  const values: string[] = [];
  for (const field of event.fields) {
    const target = `${event.apiName}.${field.name}`;
    const source = eventSource(operation, field, bindings);
    if (source) {
      values.push(eventCall(target, source, operation.object));
    } else if (field.required) {
      throw new BuildFailure([
        {
          location: operation.location,
          rule: 'call-in-event',
          message: `${operation.name} publishes ${event.apiName}, whose required field ${field.name} matches nothing in the request or the record`,
          fix: `name the field after a request property (${operation.request.map((f) => f.name).join(', ')}), ${apexStem(operation.object)}_Id__c, Source_System__c or Previous_<Property>__c, or make it optional`,
        },
      ]);
    }
  }
  return values;
}

type EventSource = { kind: 'recordId' | 'source' } | { kind: 'request' | 'previous'; name: string };

/** The SwyCallIn.Config builder call that fills one event field. */
function eventCall(target: string, source: EventSource, object: string): string {
  switch (source.kind) {
    case 'recordId':
      return `.eventRecordId(${target})`;
    case 'source':
      return `.eventSourceSystem(${target})`;
    case 'previous':
      return `.eventFromPrevious(${target}, ${object}.${source.name})`;
    case 'request':
      return `.eventFromRequest(${target}, ${str(source.name)})`;
  }
}

/** Where one event field's value comes from by the naming convention, if anywhere. */
function eventSource(
  operation: RemoteCallInModel,
  field: FieldModel,
  bindings: readonly Binding[],
): EventSource | undefined {
  const name = field.name.toLowerCase();
  const recordIdNames = new Set([`${apexStem(operation.object)}_Id__c`.toLowerCase(), 'record_id__c']);
  if (recordIdNames.has(name)) return { kind: 'recordId' };
  if (name === 'source_system__c' || name === 'source__c') return { kind: 'source' };
  const mapped = bindings.find((b) => b.field.toLowerCase() === name);
  if (mapped) return { kind: 'request', name: mapped.property };
  const previous = /^previous_(.+)__c$/i.exec(field.name);
  const previousOf =
    previous && bindings.find((b) => b.property.toLowerCase() === camel(`${previous[1]}__c`).toLowerCase());
  if (previousOf) return { kind: 'previous', name: previousOf.field };
  const property = operation.request.find((f) => f.name.toLowerCase() === camel(field.name).toLowerCase());
  return property ? { kind: 'request', name: property.name } : undefined;
}

function resourceClass(ctx: Context): string {
  const { operation, object, key, writes, event, ordering } = ctx;
  const receiveDoc = doc(
    `Applies one ${operation.name} delivery; SwyCallIn sets the status code and the JSON answer on RestContext.response.`,
  );
  const configDoc = doc(
    `${operation.name} as declared: the body's rules, the ${object} it changes, its key, the mapped fields` +
      `${ordering ? ', the change time that orders deliveries' : ''}${event ? ` and where each field of ${event.apiName} comes from` : ''}.`,
    [['return', 'the configuration SwyCallIn applies']],
  );
  return `${apex`
    ${resourceDoc(ctx)}
    @RestResource(urlMapping=${str(ctx.urlMapping)})
    @SuppressWarnings('PMD.AvoidGlobalModifier')
    global with sharing class ${ctx.resource} {
      ${receiveDoc}
      @HttpPost
      global static void receive() {
        SwyCallIn.receive(config(), RestContext.request, RestContext.response);
      }

      ${configDoc}
      private static SwyCallIn.Config config() {
        SwyPayloadSchema body = ${payloadSchemaExpression(operation.request)};
        return new SwyCallIn.Config(${str(operation.source)}, ${object}.SObjectType, body)
          .key(${str(key.property)}, ${object}.${key.field})
          ${writes.map((w) => `.write(${str(w.property)}, ${object}.${w.field})`)}
          ${ordering && `.orderedBy(${str(ordering.property)})`}
          ${event && publishesCall(ctx, event)}
          ${ctx.eventValues};
      }
    }
  `}\n`;
}

/** `.publishes(Event__e.SObjectType, <sensitive fields>, Event__e.<record field>)`. */
function publishesCall(ctx: Context, event: PlatformEventModel): string {
  const related = ctx.eventRecordField ? `${event.apiName}.${ctx.eventRecordField}` : 'null';
  return `.publishes(${event.apiName}.SObjectType, ${stringSet(sensitiveFieldsOf(event))}, ${related})`;
}

/** What a developer who opens the resource needs: the body, the answers, and where the behaviour is. */
function resourceDoc(ctx: Context): string {
  const { operation, object, key, writes, event, ordering } = ctx;
  const endpoint = `/services/apexrest${ctx.urlMapping.replace(/\/\*$/, '')}`;
  return doc(
    `Apex REST endpoint of ${operation.name}: ${operation.description} ` +
      `${operation.source} posts JSON to ${endpoint}: {${operation.request.map(describeProperty).join(', ')}}. ` +
      `Answers: 200 with the ${object} as it now stands ({"recordId", ${[key, ...writes].map((b) => `"${b.property}"`).join(', ')}}); ` +
      'a duplicate delivery changes nothing, publishes nothing and gets the same 200 body. ' +
      (ordering
        ? `A stale delivery (${ordering.property} older than the stored ${ordering.field}) changes nothing either and gets the ${object} as it stands. `
        : '') +
      `400 with {"errors": [{"field", "message"}]} when the body is not a JSON object or breaks a declared rule (required, length, picklist value). ` +
      `404 when no ${object} has that ${key.field}: a call-in never creates ${/^[AEIOU]/.test(object) ? 'an' : 'a'} ${object}, because a record the other system knows and Salesforce does not is a data problem for a person, not something to invent from a status. ` +
      '422 when the save is refused (validation rule, restricted picklist). ' +
      `Runs in user mode: the ${operation.source} integration user's object and field permissions apply. ` +
      (event ? `Each applied change publishes one ${event.apiName}. ` : '') +
      "This class holds the declared values; the behaviour is SwyCallIn's. " +
      'The class is global because the platform requires it of an Apex REST resource (hence the PMD AvoidGlobalModifier suppression).',
    [
      ['group', 'Switchyard Generated'],
      ['see', 'SwyCallIn'],
    ],
  );
}

/** `"status": one of Received|Picking (required)`: a property as the ApexDoc describes the body. */
function describeProperty(field: FieldModel): string {
  const rules: string[] = [];
  if (field.required) rules.push('required');
  if (field.kind === 'Text' && field.length !== undefined) rules.push(`at most ${field.length} characters`);
  const types: Partial<Record<FieldModel['kind'], string>> = {
    Picklist: `one of ${(field.values ?? []).join('|')}`,
    DateTime: 'ISO 8601 date/time',
    Date: 'ISO 8601 date',
    Number: 'number',
    Checkbox: 'true|false',
  };
  return `"${field.name}": ${types[field.kind] ?? 'string'}${rules.length > 0 ? ` (${rules.join(', ')})` : ''}`;
}

/**
 * The resource's own wiring, not SwyCallIn's behaviour again: the deployed class carries the
 * declared URL mapping, a valid delivery updates the record (and publishes the event), and an
 * unknown key is 404.
 */
function resourceTest(model: Model, ctx: Context): string {
  // The inbound caller's set: the resource and the fields it writes, no callout credential.
  const test = testsAs(userWith(PERMISSION_SET_CALL_IN));
  const { resource, key, writes, event, object, urlMapping } = ctx;
  const checked = writes.find((w) => w.propertyField.kind === 'Text' || w.propertyField.kind === 'Picklist');
  const mapping = `@RestResource(urlMapping=${str(urlMapping)})`;
  const published = (count: number, why: string) =>
    event ? `Assert.areEqual(${count}, SwyEventPublisher.published.size(), ${str(why)});` : '';
  const methods = [
    test('isMappedToTheDeclaredUrl', [
      `ApexClass deployed = [SELECT Body FROM ApexClass WHERE Name = ${str(resource)} WITH SYSTEM_MODE];`,
      `Assert.isTrue(deployed.Body.contains(${str(mapping)}), ${str(`${resource} answers at ${urlMapping}`)});`,
    ]),
    test(
      'appliesADeliveryToTheRecord',
      [
        'createRecord();',
        'RestResponse response = post(validBody(KEY));',
        `Assert.areEqual(200, response.statusCode, 'The delivery is applied: ' + response.responseBody.toString());`,
        checked &&
          `Assert.areEqual(${sampleValue(checked.propertyField)}, [SELECT ${checked.field} FROM ${object} WHERE ${key.field} = :KEY WITH SYSTEM_MODE].${checked.field}, ${str(`${checked.property} is written to ${checked.field}`)});`,
        published(1, `The change publishes one ${event?.apiName}`),
      ].filter((line): line is string => typeof line === 'string' && line.length > 0),
    ),
    test(
      'answers404ForAnUnknownKey',
      [
        "RestResponse response = post(validBody('NO-SUCH-KEY'));",
        `Assert.areEqual(404, response.statusCode, ${str(`No ${object} has that ${key.field}`)});`,
        published(0, 'Nothing is published'),
      ].filter((line) => line.length > 0),
    ),
  ];
  return testClass(
    resource,
    `Wiring of ${resource}: the declared URL mapping, one delivery applied to its ${object}, 404 for an unknown key. SwyCallInTest covers the behaviour.`,
    apex`
      private static final String KEY = ${str(`${sampleText(key.propertyField)}-1`.slice(-(key.propertyField.length ?? 40)))};

      ${methods.join('\n\n')}

      // Made by the running user, so the test does not depend on the org-wide sharing defaults.
      private static void createRecord() {
        ${setupRecord(model, ctx)}
      }

      ${validBody(ctx)}

      private static RestResponse post(String body) {
        RestRequest request = new RestRequest();
        request.requestURI = ${str(`/services/apexrest${urlMapping.replace(/\/\*$/, '')}`)};
        request.httpMethod = 'POST';
        request.requestBody = Blob.valueOf(body);
        RestContext.request = request;
        RestContext.response = new RestResponse();
        ${resource}.receive();
        return RestContext.response;
      }
    `,
  );
}

/** A body that meets every declared rule, for the given key. */
function validBody(ctx: Context): string {
  const entries = ctx.operation.request.map(
    (f) => `${str(f.name)} => ${f.name === ctx.key.property ? 'key' : sampleValue(f)}`,
  );
  return apex`
    private static String validBody(String key) {
      return JSON.serialize(new Map<String, Object>{
        ${entries.join(',\n')}
      });
    }
  `;
}

/** The test record: what its object requires (testRecords.ts) and the key. */
function setupRecord(model: Model, ctx: Context): string[] {
  const { setup, fields } = testRecord(model, ctx.object, ctx.key.field);
  return [...setup, `insert as system new ${ctx.object}(${[...fields, `${ctx.key.field} = KEY`].join(', ')});`];
}
