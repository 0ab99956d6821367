/**
 * Remote call-in: an Apex REST resource that validates the body against the declared shape,
 * finds the record by its external id, writes the mapped fields only when something changes (so a
 * duplicate delivery changes nothing and gets the same answer) and then publishes the declared
 * event, all in the integration user's own permissions (user mode).
 */
import { BuildFailure } from '../../model/errors';
import { apexClassName, apexStem, restResourceClassName } from '../../model/naming';
import type { FieldModel, Model, PlatformEventModel, RemoteCallInModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { apexType, camel, doc, indent, members, str } from './apex';
import { apexClassFiles, type DeclarationSource } from './files';
import { sampleText, sampleValue } from './samples';
import { shapeClass } from './shapes';
import { INTEGRATION_USER, isolatedTest, testClass, testsAs } from './tests';

export function emitRemoteCallIn(model: Model, operation: RemoteCallInModel): GeneratedFile[] {
  const source: DeclarationSource[] = [{ location: operation.location, name: operation.name }];
  const ctx = context(model, operation);
  const request = shapeClass({
    className: ctx.request,
    summary: `Body that ${operation.source} posts to ${ctx.resource} (${operation.name}): ${operation.description}`,
    fields: operation.request,
  });
  return [
    ...apexClassFiles(ctx.request, request, source),
    ...apexClassFiles(apexClassName.test(ctx.request), requestTest(ctx), source),
    ...apexClassFiles(ctx.resource, resourceClass(ctx), source),
    ...apexClassFiles(apexClassName.test(ctx.resource), resourceTest(model, ctx), source),
  ];
}

interface Binding {
  /** Request property. */
  property: string;
  field: string;
  /** Apex type of the object field, or undefined for a standard field the model does not type. */
  fieldType?: string;
  propertyField: FieldModel;
}

interface Context {
  operation: RemoteCallInModel;
  object: string;
  resource: string;
  request: string;
  /** The binding of the idempotency key. */
  key: Binding;
  /** Every other mapped property: these are compared and written. */
  writes: Binding[];
  /** The write holding when the change happened (`orderedBy`): an older delivery is stale. */
  ordering?: Binding;
  event?: PlatformEventModel;
  /** Event field -> Apex expression, built before the record changes. */
  eventValues: [string, string][];
  urlMapping: string;
}

function context(model: Model, operation: RemoteCallInModel): Context {
  const objectFields = fieldsOf(model, operation.object);
  const bindings: Binding[] = Object.entries(operation.mapping).map(([property, field]) => {
    const propertyField = operation.request.find((f) => f.name === property);
    if (!propertyField) throw new Error(`mapping of ${operation.name} names unknown property ${property}`);
    const declared = objectFields.find((f) => f.name === field);
    return { property, field, propertyField, ...(declared && { fieldType: apexType(declared) }) };
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
    request: apexClassName.request(operation.name),
    key,
    writes,
    ordering: writes.find((w) => w.property === operation.orderedBy),
    event,
    eventValues: event ? eventValues(operation, event, bindings) : [],
    urlMapping: operation.urlMapping.endsWith('*')
      ? operation.urlMapping
      : `${operation.urlMapping.replace(/\/$/, '')}/*`,
  };
}

function fieldsOf(model: Model, object: string): readonly FieldModel[] {
  return [
    ...(model.objects.find((o) => o.apiName === object)?.fields ?? []),
    ...model.extensions.filter((e) => e.object === object).flatMap((e) => e.fields),
  ];
}

/**
 * Fills the published event by naming convention, so the declaration needs no second mapping:
 * `<Object>_Id__c` or `Record_Id__c` gets the record id, `Source_System__c` the declared source,
 * a field named like a mapped object field or like a request property (`Changed_At__c` <-
 * `changedAt`) gets the request value, and `Previous_<X>__c` the value the record held before.
 */
function eventValues(
  operation: RemoteCallInModel,
  event: PlatformEventModel,
  bindings: readonly Binding[],
): [string, string][] {
  const values: [string, string][] = [];
  const byProperty = new Map(operation.request.map((f) => [f.name.toLowerCase(), f]));
  const mappedByProperty = new Map(bindings.map((b) => [b.property.toLowerCase(), b]));
  const recordIdNames = new Set([`${apexStem(operation.object)}_Id__c`.toLowerCase(), 'record_id__c']);
  for (const field of event.fields) {
    const name = field.name.toLowerCase();
    const stemProperty = camel(field.name).toLowerCase();
    const previous = /^previous_(.+)__c$/i.exec(field.name);
    const mapped = bindings.find((b) => b.field.toLowerCase() === name);
    let value: { expr: string; type: string } | undefined;
    if (recordIdNames.has(name)) value = { expr: 'record.Id', type: 'Id' };
    else if (name === 'source_system__c' || name === 'source__c') value = { expr: 'SOURCE_SYSTEM', type: 'String' };
    else if (mapped) value = { expr: `request.${mapped.property}`, type: apexType(mapped.propertyField) };
    else if (previous && mappedByProperty.has(camel(`${previous[1]}__c`).toLowerCase())) {
      const binding = mappedByProperty.get(camel(`${previous[1]}__c`).toLowerCase())!;
      value = { expr: `record.${binding.field}`, type: binding.fieldType ?? apexType(binding.propertyField) };
    } else if (byProperty.has(stemProperty)) {
      const property = byProperty.get(stemProperty)!;
      value = { expr: `request.${property.name}`, type: apexType(property) };
    }
    if (!value) {
      if (field.required) {
        throw new BuildFailure([
          {
            location: operation.location,
            rule: 'call-in-event',
            message: `${operation.name} publishes ${event.apiName}, whose required field ${field.name} matches nothing in the request or the record`,
            fix: `name the field after a request property (${operation.request.map((f) => f.name).join(', ')}), ${apexStem(operation.object)}_Id__c, Source_System__c or Previous_<Property>__c, or make it optional`,
          },
        ]);
      }
      continue;
    }
    const targetType = apexType(field);
    const expr =
      targetType === 'String' && value.type !== 'String' && value.type !== 'Id'
        ? `String.valueOf(${value.expr})`
        : value.expr;
    values.push([field.name, expr]);
  }
  return values;
}

function resourceClass(ctx: Context): string {
  const { operation, object, request, key, writes, event, ordering } = ctx;
  const publisher = event ? apexClassName.publisher(event.apiName) : undefined;
  const selected = ['Id', key.field, ...writes.map((w) => w.field)];
  const hasDatetime = writes.some((w) => apexType(w.propertyField) === 'Datetime');
  const hasText = writes.some((w) => apexType(w.propertyField) === 'String');
  const endpoint = `/services/apexrest${ctx.urlMapping.replace(/\/\*$/, '')}`;

  const constants = [
    `private static final String SOURCE_SYSTEM = ${str(operation.source)};`,
    'private static final Integer HTTP_OK = 200;',
    'private static final Integer HTTP_BAD_REQUEST = 400;',
    'private static final Integer HTTP_NOT_FOUND = 404;',
    'private static final Integer HTTP_UNPROCESSABLE = 422;',
  ].join('\n');

  const receive = [
    doc(`Applies one ${operation.name} call; the status code and JSON body are set on RestContext.response.`),
    '@HttpPost',
    'global static void receive() {',
    indent(
      [
        'Reply reply = process(RestContext.request.requestBody);',
        'RestResponse response = RestContext.response;',
        "response.addHeader('Content-Type', 'application/json');",
        'response.statusCode = reply.statusCode;',
        'response.responseBody = Blob.valueOf(JSON.serialize(reply.body));',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const event_ = event
    ? [
        `${event.apiName} event = new ${event.apiName}(`,
        indent(ctx.eventValues.map(([field, expr]) => `${field} = ${expr}`).join(',\n')),
        ');',
      ].join('\n')
    : '';

  const process = [
    doc('Validates, finds the record, applies the change if there is one, publishes only what was applied.', [
      ['param', 'body the request body'],
      ['return', 'the status code and body to answer with'],
    ]),
    'private static Reply process(Blob body) {',
    indent(
      [
        `${request} request;`,
        'try {',
        indent(`request = body == null ? null : (${request}) JSON.deserialize(body.toString(), ${request}.class);`),
        '} catch (JSONException e) {',
        indent(
          `return failure(HTTP_BAD_REQUEST, null, 'The body is not JSON of the declared shape: ' + e.getMessage());`,
        ),
        '}',
        'if (request == null) {',
        indent(`return failure(HTTP_BAD_REQUEST, null, 'The body is empty');`),
        '}',
        `List<${request}.FieldError> errors = request.validate();`,
        'if (!errors.isEmpty()) {',
        indent(`return new Reply(HTTP_BAD_REQUEST, new Map<String, Object>{ 'errors' => errors });`),
        '}',
        ...writes
          .filter((w) => apexType(w.propertyField) === 'Datetime')
          .map((w) => `request.${w.property} = wholeSeconds(request.${w.property});`),
        `Set<String> keys = new Set<String>{ request.${key.property} };`,
        '// FOR UPDATE: two deliveries of the same change at once must not both see it as new and publish twice.',
        `List<${object}> records = [SELECT ${selected.join(', ')} FROM ${object} WHERE ${key.field} IN :keys WITH USER_MODE FOR UPDATE];`,
        'if (records.isEmpty()) {',
        indent(
          `return failure(HTTP_NOT_FOUND, ${str(key.property)}, ${str(`No ${object} has ${key.field} `)} + request.${key.property});`,
        ),
        '}',
        `${object} record = records[0];`,
        ...(ordering
          ? [
              '// Retries and parallel senders deliver out of order: a change older than the stored one is stale.',
              `if (record.${ordering.field} != null && request.${ordering.property} < record.${ordering.field}) {`,
              indent('return new Reply(HTTP_OK, answer(record));'),
              '}',
            ]
          : []),
        'if (changes(record, request)) {',
        indent(
          [
            ...(event ? ['// Built before the change, so it can carry the previous values.', event_] : []),
            ...writes.map((w) => `record.${w.field} = request.${w.property};`),
            'try {',
            indent('update as user records;'),
            '} catch (DmlException e) {',
            indent(`return failure(HTTP_UNPROCESSABLE, null, e.getDmlMessage(0));`),
            '}',
            ...(event ? [`${publisher}.publish(new List<${event.apiName}>{ event });`] : []),
          ].join('\n'),
        ),
        '}',
        'return new Reply(HTTP_OK, answer(record));',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const changes = [
    doc('Whether the request would change a mapped field: a duplicate delivery changes nothing.', [
      ['param', 'record the record as it is'],
      ['param', 'request the valid request'],
      ['return', 'true when at least one mapped field differs'],
    ]),
    `private static Boolean changes(${object} record, ${request} request) {`,
    indent(
      writes.length === 0
        ? 'return false;'
        : `return ${writes
            .map((w) =>
              apexType(w.propertyField) === 'String'
                ? `textDiffers(record.${w.field}, request.${w.property})`
                : `record.${w.field} != request.${w.property}`,
            )
            .join(' ||\n    ')};`,
    ),
    '}',
  ].join('\n');

  const textDiffers = hasText
    ? [
        doc('Case-sensitive comparison (Apex == ignores case, and a status "shipped" is not "Shipped").', [
          ['param', 'current the stored value'],
          ['param', 'incoming the requested value'],
          ['return', 'true when they differ'],
        ]),
        'private static Boolean textDiffers(String current, String incoming) {',
        indent('return current == null ? incoming != null : !current.equals(incoming);'),
        '}',
      ].join('\n')
    : '';

  const wholeSeconds = hasDatetime
    ? [
        doc('Date/time fields keep whole seconds: comparing with milliseconds would see a change in every duplicate.', [
          ['param', 'value a requested date/time'],
          ['return', 'the value without its milliseconds'],
        ]),
        'private static Datetime wholeSeconds(Datetime value) {',
        indent(
          'return value == null ? null : Datetime.newInstance(value.getTime() - Math.mod(value.getTime(), 1000));',
        ),
        '}',
      ].join('\n')
    : '';

  const answer = [
    doc("The record as it now stands, in the request's terms: the same body for a first and a duplicate delivery.", [
      ['param', 'record the record'],
      ['return', 'recordId and every mapped property'],
    ]),
    `private static Map<String, Object> answer(${object} record) {`,
    indent(
      [
        'return new Map<String, Object>{',
        indent(
          ["'recordId' => record.Id", ...[key, ...writes].map((b) => `${str(b.property)} => record.${b.field}`)].join(
            ',\n',
          ),
        ),
        '};',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const failure = [
    doc('An error answer with one field error.', [
      ['param', 'statusCode the HTTP status'],
      ['param', 'field the JSON property concerned, or null'],
      ['param', 'message what is wrong'],
      ['return', 'the reply'],
    ]),
    'private static Reply failure(Integer statusCode, String field, String message) {',
    indent(
      `return new Reply(statusCode, new Map<String, Object>{ 'errors' => new List<${request}.FieldError>{ new ${request}.FieldError(field, message) } });`,
    ),
    '}',
  ].join('\n');

  const reply = [
    doc('A status code and the body to serialize.'),
    'private class Reply {',
    indent(
      [
        'final Integer statusCode;',
        'final Object body;',
        'Reply(Integer statusCode, Object body) {',
        indent('this.statusCode = statusCode;\nthis.body = body;'),
        '}',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  return [
    doc(
      `Apex REST endpoint of ${operation.name}: ${operation.description} ` +
        `${operation.source} posts JSON to ${endpoint}: {${operation.request.map(describeProperty).join(', ')}}. ` +
        `Answers: 200 with the ${object} as it now stands ({"recordId", ${[key, ...writes].map((b) => `"${b.property}"`).join(', ')}}); ` +
        'a duplicate delivery changes nothing, publishes nothing and gets the same 200 body. ' +
        (ordering
          ? `A stale delivery (${ordering.property} older than the stored ${ordering.field}) changes nothing either and gets the ${object} as it stands. `
          : '') +
        `400 with {"errors": [{"field", "message"}]} when the body is not JSON of the declared shape or breaks a declared rule (required, length, picklist value). ` +
        `404 when no ${object} has that ${key.field}: a status push never creates an ${object}, because a record the other system knows and Salesforce does not is a data problem for a person, not something to invent from a status. ` +
        '422 when the save is refused (validation rule, restricted picklist). ' +
        `Runs in user mode: the ${operation.source} integration user's object and field permissions apply. ` +
        'The class is global because the platform requires it of an Apex REST resource (hence the PMD AvoidGlobalModifier suppression).' +
        (event ? ` Each applied change publishes one ${event.apiName}.` : ''),
      [['group', 'Switchyard Generated']],
    ),
    `@RestResource(urlMapping=${str(ctx.urlMapping)})`,
    "@SuppressWarnings('PMD.AvoidGlobalModifier')",
    `global with sharing class ${ctx.resource} {`,
    indent(members(constants, receive, process, changes, textDiffers, wholeSeconds, answer, failure, reply)),
    '}',
    '',
  ].join('\n');
}

/** `"status": one of Received|Picking (required)`: a property as the ApexDoc describes the body. */
function describeProperty(field: FieldModel): string {
  const rules: string[] = [];
  if (field.required) rules.push('required');
  if (field.kind === 'Text' && field.length !== undefined) rules.push(`at most ${field.length} characters`);
  const type =
    field.kind === 'Picklist'
      ? `one of ${(field.values ?? []).join('|')}`
      : field.kind === 'DateTime'
        ? 'ISO 8601 date/time'
        : field.kind === 'Date'
          ? 'ISO 8601 date'
          : field.kind === 'Number'
            ? 'number'
            : field.kind === 'Checkbox'
              ? 'true|false'
              : 'string';
  return `"${field.name}": ${type}${rules.length > 0 ? ` (${rules.join(', ')})` : ''}`;
}

function requestTest(ctx: Context): string {
  const { operation, request } = ctx;
  const required = operation.request.filter((f) => f.required);
  const methods = [
    isolatedTest('validBodyHasNoErrors', [
      `${request} request = (${request}) JSON.deserialize(validBody(), ${request}.class);`,
      `Assert.areEqual(0, request.validate().size(), 'A body that meets every declared rule is valid');`,
    ]),
    required.length > 0 &&
      isolatedTest('reportsEveryMissingRequiredProperty', [
        `List<${request}.FieldError> errors = new ${request}().validate();`,
        `Assert.areEqual(${required.length}, errors.size(), 'One error per required property');`,
      ]),
  ];
  return testClass(
    request,
    `Checks the declared rules of ${request}.`,
    members(...methods, validBody(ctx, false)),
    true,
  );
}

/** A body that meets every rule; the resource test uses its KEY and a fixed CHANGED_AT so a repeat is a duplicate. */
function validBody(ctx: Context, fixed: boolean): string {
  const entries = ctx.operation.request.map((f) => {
    let value = sampleValue(f);
    if (fixed && f.name === ctx.key.property) value = 'KEY';
    else if (fixed && f.kind === 'DateTime') value = 'CHANGED_AT';
    return `${str(f.name)} => ${value}`;
  });
  return [
    'private static String validBody() {',
    indent(['return JSON.serialize(new Map<String, Object>{', indent(entries.join(',\n')), '});'].join('\n')),
    '}',
  ].join('\n');
}

/** Test records: an Order needs an Account, an effective date and the Draft status; a custom object its required fields. */
function setupRecord(model: Model, ctx: Context): string[] {
  if (ctx.object === 'Order') {
    return [
      "Account account = new Account(Name = 'Switchyard Test Account');",
      'insert as system account;',
      `insert as system new Order(AccountId = account.Id, EffectiveDate = Date.today(), Status = 'Draft', ${ctx.key.field} = KEY);`,
    ];
  }
  const object = model.objects.find((o) => o.apiName === ctx.object);
  const required = (object?.fields ?? [])
    .filter((f) => f.required && f.name !== ctx.key.field)
    .map((f) => `${f.name} = ${sampleValue(f)}`);
  const name = object?.nameField.type === 'Text' ? ["Name = 'Switchyard Test'"] : [];
  return [`insert as system new ${ctx.object}(${[...name, ...required, `${ctx.key.field} = KEY`].join(', ')});`];
}

/** A valid value other than the sample one, for a change that must not be applied. */
function otherValue(field: FieldModel): string {
  const sample = sampleValue(field);
  const other = field.values?.map((value) => str(value)).find((value) => value !== sample);
  return other ?? str('an older change');
}

function resourceTest(model: Model, ctx: Context): string {
  const test = testsAs(INTEGRATION_USER);
  const { request, resource, key, writes, event, object, ordering } = ctx;
  const publisher = event ? apexClassName.publisher(event.apiName) : undefined;
  const picklist = ctx.operation.request.find((f) => f.kind === 'Picklist');
  const bounded = ctx.operation.request.find(
    (f) => f.kind === 'Text' && f.length !== undefined && f.name !== key.property,
  );
  const published = (count: number, why: string) =>
    publisher ? [`Assert.areEqual(${count}, ${publisher}.publishedCount, ${str(why)});`] : [];
  const withProperty = (property: string, value: string) =>
    `Map<String, Object> body = (Map<String, Object>) JSON.deserializeUntyped(validBody());\nbody.put(${str(property)}, ${value});`;
  const checked = writes.find((w) => apexType(w.propertyField) === 'String');
  const methods = [
    test('appliesTheChangeAndPublishesOnce', [
      'createRecord();',
      'Test.startTest();',
      'RestResponse first = post(validBody());',
      'RestResponse duplicate = post(validBody());',
      'Test.stopTest();',
      `Assert.areEqual(200, first.statusCode, 'The change is applied');`,
      `Assert.areEqual(200, duplicate.statusCode, 'A duplicate delivery is answered the same way');`,
      `Assert.areEqual(first.responseBody.toString(), duplicate.responseBody.toString(), 'A duplicate delivery gets the same body');`,
      ...published(1, 'Only the applied change is published'),
      ...(checked
        ? [
            `${object} record = [SELECT ${checked.field} FROM ${object} WHERE ${key.field} = :KEY WITH SYSTEM_MODE];`,
            `Assert.areEqual(${sampleValue(checked.propertyField)}, record.${checked.field}, ${str(`${checked.field} holds the requested value`)});`,
          ]
        : []),
    ]),
    ordering &&
      test('ignoresAStaleDelivery', [
        'createRecord();',
        'Test.startTest();',
        'RestResponse current = post(validBody());',
        withProperty(ordering.property, 'CHANGED_AT.addHours(-1)'),
        ...(checked ? [`body.put(${str(checked.property)}, ${otherValue(checked.propertyField)});`] : []),
        'RestResponse stale = post(JSON.serialize(body));',
        'Test.stopTest();',
        `Assert.areEqual(200, stale.statusCode, 'A stale delivery is answered, not refused');`,
        `Assert.areEqual(current.responseBody.toString(), stale.responseBody.toString(), 'It gets the record as it stands');`,
        ...published(1, 'Only the current change is published'),
        ...(checked
          ? [
              `${object} record = [SELECT ${checked.field} FROM ${object} WHERE ${key.field} = :KEY WITH SYSTEM_MODE];`,
              `Assert.areEqual(${sampleValue(checked.propertyField)}, record.${checked.field}, ${str(`The older change did not overwrite ${checked.field}`)});`,
            ]
          : []),
      ]),
    test('answers404ForAnUnknownKey', [
      withProperty(key.property, "'NO-SUCH-KEY'"),
      'Test.startTest();',
      'RestResponse response = post(JSON.serialize(body));',
      'Test.stopTest();',
      `Assert.areEqual(404, response.statusCode, 'An unknown key creates nothing');`,
      ...published(0, 'Nothing is published'),
    ]),
    test('answers400ForABodyThatIsNotJson', [
      "RestResponse response = post('not json');",
      `Assert.areEqual(400, response.statusCode, 'Not JSON');`,
      `Assert.isTrue(response.responseBody.toString().contains('errors'), 'The body lists the errors');`,
    ]),
    test('answers400WithTheMissingFields', [
      "RestResponse response = post('{}');",
      `Assert.areEqual(400, response.statusCode, 'Required properties are missing');`,
      'Map<String, Object> answer = (Map<String, Object>) JSON.deserializeUntyped(response.responseBody.toString());',
      `Assert.areEqual(${ctx.operation.request.filter((f) => f.required).length}, ((List<Object>) answer.get('errors')).size(), 'One error per missing required property');`,
      ...published(0, 'Nothing is published'),
    ]),
    picklist &&
      test('answers400ForAnUnknownPicklistValue', [
        withProperty(picklist.name, "'NOT_A_VALUE'"),
        'RestResponse response = post(JSON.serialize(body));',
        `Assert.areEqual(400, response.statusCode, 'A value outside the declared list is refused');`,
        `Assert.isTrue(response.responseBody.toString().contains(${str(picklist.name)}), 'The error names the property');`,
      ]),
    bounded &&
      test('answers400ForTooLongText', [
        withProperty(bounded.name, `'x'.repeat(${(bounded.length ?? 0) + 1})`),
        'RestResponse response = post(JSON.serialize(body));',
        `Assert.areEqual(400, response.statusCode, 'Text longer than declared is refused');`,
      ]),
  ];
  const post = [
    'private static RestResponse post(String body) {',
    indent(
      [
        'RestRequest request = new RestRequest();',
        `request.requestURI = ${str(`/services/apexrest${ctx.urlMapping.replace(/\/\*$/, '')}`)};`,
        "request.httpMethod = 'POST';",
        'request.requestBody = Blob.valueOf(body);',
        'RestContext.request = request;',
        'RestContext.response = new RestResponse();',
        `${resource}.receive();`,
        'return RestContext.response;',
      ].join('\n'),
    ),
    '}',
  ].join('\n');
  return testClass(
    resource,
    `Behaviour of ${resource}: applied once and published once, the same answer for a duplicate, 404 for an unknown key, 400 for a bad body.`,
    members(
      [
        `private static final String KEY = ${str(`${sampleText(ctx.key.propertyField)}-1`.slice(-(ctx.key.propertyField.length ?? 40)))};`,
        'private static final Datetime CHANGED_AT = Datetime.newInstanceGmt(2026, 1, 15, 10, 30, 0);',
      ].join('\n'),
      [
        '// Made by the running user, so the test does not depend on the org-wide sharing defaults.',
        'private static void createRecord() {',
        indent(setupRecord(model, ctx).join('\n')),
        '}',
      ].join('\n'),
      ...methods,
      validBody(ctx, true),
      post,
    ),
  );
}
