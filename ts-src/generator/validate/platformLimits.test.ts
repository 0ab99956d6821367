/**
 * Every platform limit and naming rule the declarations must respect, each broken once in one
 * project that is built once (so the suite stays fast): each test asserts the rule, the message,
 * the file:line:col of the offending property and a fix; one asserts force-app was left as it was.
 * The TypeScript-level rules (an unknown property, a folder without declarations) need builds of
 * their own, because a type error stops the build before the rules run.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { assertError, buildRefused, type Expectation, type RefusedBuild } from './testProject';

const X = (n: number, c = 'x') => c.repeat(n);
const FILE = 'ts-src/integrations/limits.ts';

const system = (name: string, extra: string) => `export const sys${name} = externalSystem({
  name: '${name}',
  label: 'System',
  baseUrl: 'https://${name.toLowerCase()}.example.com',
  auth: { type: 'none' },
  timeoutSeconds: 20,
  circuitBreaker: { failureThreshold: 5, coolDownSeconds: 300 },
  ${extra}
});
`;
const monitor = (name: string, schedule: string, email = 'ops@example.com') => `export const mon${name} = monitoring({
  name: '${name}',
  failureRateThreshold: 0.2,
  windowMinutes: 60,
  minimumVolume: 20,
  alertEmail: '${email}',
  schedule: '${schedule}',
});
`;
const callIn = (name: string, body: string) => `export const op${name} = operation({
  name: '${name}',
  description: 'Call-in.',
  pattern: 'remote-call-in',
  source: 'WMS',
  object: 'Shipment__c',
  ${body}
});
`;
const send = (name: string, extra: string) => `export const op${name} = operation({
  name: '${name}',
  description: 'Delivery.',
  pattern: 'fire-and-forget',
  event: 'Shipped__e',
  messageKey: 'Shipment_Id__c',
  system: 'ERP_API',
  method: 'POST',
  retry: { maxAttempts: 3, baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'none' },
  ${extra}
});
`;
const ask = (name: string, extra: string) => `export const op${name} = operation({
  name: '${name}',
  description: 'Question.',
  pattern: 'request-reply',
  system: 'ERP_API',
  method: 'POST',
  path: '/ask',
  request: { accountId: field.text({ length: 18 }) },
  response: { decision: field.text({ length: 20 }), limit: field.number({ precision: 10, scale: 0 }) },
  ${extra}
});
`;
const sync = (name: string, extra: string) => `export const op${name} = operation({
  name: '${name}',
  description: 'Sync.',
  pattern: 'batch-sync',
  object: 'Shipment__c',
  system: 'ERP_API',
  path: '/shipments',
  schedule: '0 0 2 * * ?',
  batchSize: 200,
  retry: { maxAttempts: 3, baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'none' },
  ${extra}
});
`;
const manyFields = (count: number, options: string) =>
  Array.from({ length: count }, (_, i) => `    F${i + 1}__c: field.text({ length: 10${options} }),`).join('\n');

const TEXT = `import { customObject, externalSystem, field, monitoring, objectExtension, operation, platformEvent } from '../dsl';

${system('ERP_API', '')}
export const shipped = platformEvent({
  apiName: 'Shipped__e',
  label: 'Shipped',
  eventType: 'HighVolume',
  publishBehavior: 'PublishAfterCommit',
  fields: {
    Shipment_Id__c: field.text({ length: 18 }),
    Weight__c: field.number({ precision: 9, scale: 2 }),
  },
});

export const shipment = customObject({
  apiName: 'Shipment__c',
  label: 'Shipment',
  pluralLabel: 'Shipments',
  nameField: { type: 'AutoNumber', label: 'Number', displayFormat: 'SH-{0}-{0}' },
  sharingModel: 'ReadWrite',
  tab: { motif: 'Gears' },
  fields: {
    Tracking__c: field.text({ length: 40, externalId: true, unique: true }),
    Carrier__c: field.text({ length: 40, description: '${X(1001, 'd')}' }),
    carrier__c: field.text({ length: 40 }),
    Notes__c: field.longTextArea({ length: 4000, visibleLines: 60, helpText: '${X(511, 'h')}' }),
    Stage__c: field.picklist({ values: ['New', 'Sent', '${X(256, 'v')}'] }),
    Big__c: field.picklist({ values: [${Array.from({ length: 1001 }, (_, i) => `'V${i}'`).join(', ')}] }),
    Weight__c: field.number({ precision: 9, scale: 2 }),
    Catégorie__c: field.text({ length: 20 }),
    Dup__c: field.picklist({ values: ['A', 'a'] }),
    Def__c: field.picklist({ values: ['A'], defaultValue: 'B' }),
  },
  listViews: [{ name: 'All Records', label: 'All', columns: ['Name', 'Nope__c'] }],
});

export const tooLong = customObject({
  apiName: 'Long_Labels__c',
  label: '${X(41, 'l')}',
  pluralLabel: '${X(41, 'p')}',
  nameField: { type: 'Text', label: 'Name' },
  sharingModel: 'ReadWrite',
  fields: {
${manyFields(501, '')}
  },
});

export const keys = objectExtension({
  object: 'Order',
  fields: {
${manyFields(26, ', externalId: true')}
  },
});

${system('Query_API', '').replace("'https://query_api.example.com'", "'https://q.example.com/api?key=1'")}
${system('Slash_API', '').replace("'https://slash_api.example.com'", "'https://s.example.com/api/'")}
${system('Plain_API', '').replace("'https://plain_api.example.com'", "'http://p.example.com'")}
${system('Secret_API', '').replace("'https://secret_api.example.com'", "'https://user:pw@c.example.com'")}
${system('Token_API', '').replace("auth: { type: 'none' }", "auth: { type: 'oauthClientCredentials', tokenUrl: 'http://t.example.com/token' }")}
${system('Header_API', '').replace("auth: { type: 'none' }", "auth: { type: 'apiKeyHeader', headerName: 'X Api Key' }")}
${system(`L${X(75, 'n')}`, '')}
${system('Merge_API', '').replace("'https://merge_api.example.com'", "'https://m.example.com/{!$Credential.Path}'")}
${system('Breaker_API', '').replace('failureThreshold: 5', 'failureThreshold: 0')}
${system('Label_API', '').replace("label: 'System'", `label: '${X(81, 'b')}'`)}

${send('NoSlash', "path: 'orders',")}
${send('Merged', "path: '/x/{!$Credential.Username}',")}
${send('SwyThing', "path: '/swy',")}
${send('Related', "path: '/r',\n  relatedRecordField: 'Weight__c',")}
${send(X(41, 'N'), "path: '/n',")}

const retryWithTypo = { maxAttempts: 3, baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'none' as const, maxAtempts: 4 };
export const opSpread = operation({
  name: 'Spread',
  description: 'Retry from a const.',
  pattern: 'fire-and-forget',
  event: 'Shipped__e',
  messageKey: 'Shipment_Id__c',
  system: 'ERP_API',
  method: 'POST',
  path: '/spread',
  retry: retryWithTypo,
});

${callIn('NoLead', "urlMapping: 'status',\n  idempotencyKey: 'Tracking__c',\n  request: { t: field.text({ length: 40 }) },\n  mapping: { t: 'Tracking__c' },")}
${callIn('Star', "urlMapping: '/a*b',\n  idempotencyKey: 'Tracking__c',\n  request: { t: field.text({ length: 40 }) },\n  mapping: { t: 'Tracking__c' },")}
${callIn('Reserved', "urlMapping: '/services/data',\n  idempotencyKey: 'Tracking__c',\n  request: { t: field.text({ length: 40 }) },\n  mapping: { t: 'Tracking__c' },")}
${callIn('DupOne', "urlMapping: '/dup',\n  idempotencyKey: 'Tracking__c',\n  request: { t: field.text({ length: 40 }) },\n  mapping: { t: 'Tracking__c' },")}
${callIn('DupTwo', "urlMapping: '/dup/',\n  idempotencyKey: 'Tracking__c',\n  request: { t: field.text({ length: 40 }) },\n  mapping: { t: 'Tracking__c' },")}
${callIn('LongMap', `urlMapping: '/${X(260, 'm')}',\n  idempotencyKey: 'Tracking__c',\n  request: { t: field.text({ length: 40 }) },\n  mapping: { t: 'Tracking__c' },`)}
${callIn('Types', "urlMapping: '/types',\n  idempotencyKey: 'Tracking__c',\n  request: { t: field.text({ length: 40 }), w: field.text({ length: 10 }), c: field.text({ length: 100 }), s: field.picklist({ values: ['New', 'Lost'] }), orderId: field.text({ length: 18 }), OrderId: field.text({ length: 18 }) },\n  mapping: { t: 'Tracking__c', w: 'Weight__c', c: 'Carrier__c', s: 'Stage__c' },")}
export const opStandardKey = operation({
  name: 'StandardKey',
  description: 'Keyed on a standard field.',
  pattern: 'remote-call-in',
  source: 'WMS',
  object: 'Order',
  urlMapping: '/standard',
  idempotencyKey: 'OrderNumber',
  request: { n: field.text({ length: 30 }) },
  mapping: { n: 'OrderNumber' },
});

${ask(X(30, 'A'), 'fallback: {},')}
${ask('Http', 'fallback: {},')}
${ask('Fallback', "fallback: { decision: 'REVIEW', limit: 'none' },")}

${sync('PicklistKey', "method: 'POST',\n  fields: ['Tracking__c'],\n  idempotencyKey: 'Stage__c',")}
${sync('BigBatch', "method: 'POST',\n  fields: ['Tracking__c'],\n  idempotencyKey: 'Tracking__c',").replace('batchSize: 200', 'batchSize: 5000')}
${callIn('NoObject', "urlMapping: '/invoice',\n  idempotencyKey: 'Tracking__c',\n  request: { t: field.text({ length: 40 }) },\n  mapping: { t: 'Tracking__c' },").replace("object: 'Shipment__c'", "object: 'Invoice__c'")}
${sync('GetSync', "method: 'GET',\n  fields: ['Tracking__c', 'Tracking__c'],\n  idempotencyKey: 'Tracking__c',")}

export const shippedTwin = platformEvent({
  apiName: 'Shipped_Twin__e',
  label: 'Shipped twin',
  eventType: 'HighVolume',
  publishBehavior: 'PublishAfterCommit',
  fields: { Id__c: field.text({ length: 18 }) },
});
export const shippedTwin2 = platformEvent({
  apiName: 'ShippedTwin__e',
  label: 'Shipped twin 2',
  eventType: 'HighVolume',
  publishBehavior: 'PublishAfterCommit',
  fields: { Id__c: field.text({ length: 18 }) },
});
export const feedOne = operation({ name: 'FeedOne', description: 'f', pattern: 'publish-subscribe', event: 'Shipped_Twin__e', subscribers: ['a'] });
export const twinOne = operation({ name: 'TwinOne', description: 'd', pattern: 'fire-and-forget', event: 'Shipped_Twin__e', messageKey: 'Id__c', system: 'ERP_API', method: 'POST', path: '/twins', retry: { maxAttempts: 3, baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'none' } });
export const twinTwo = operation({ name: 'TwinTwo', description: 'd', pattern: 'fire-and-forget', event: 'ShippedTwin__e', messageKey: 'Id__c', system: 'ERP_API', method: 'POST', path: '/twins', retry: { maxAttempts: 3, baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'none' } });
export const live = operation({
  name: 'Live',
  description: 'Live shipment.',
  pattern: 'ui-update',
  event: 'Shipped__e',
  object: 'Shipment__c',
  recordIdField: 'Shipment_Id__c',
  component: 'shipment-tracker',
});
export const feedTwo = operation({ name: 'FeedTwo', description: 'f', pattern: 'publish-subscribe', event: 'ShippedTwin__e', subscribers: [] });

export const straße = operation({
  name: 'Strasse',
  description: 'Unicode property.',
  pattern: 'request-reply',
  system: 'ERP_API',
  method: 'POST',
  path: '/strasse',
  request: { straße: field.text({ length: 18 }) },
  response: { ok: field.checkbox() },
  fallback: { ok: false },
});

${monitor('Email', '0 0 2 * * ?', 'ops at example')}
${monitor('Rate', '0 0 2 * * ?').replace('failureRateThreshold: 0.2', 'failureRateThreshold: 1.5')}
${monitor('Window', '0 0 2 * * ?').replace('windowMinutes: 60', 'windowMinutes: 0')}
${monitor('CronFields', '0 0 2 * *')}
${monitor('CronSeconds', '*/5 0 2 * * ?')}
${monitor('CronMinutes', '0 75 2 * * ?')}
${monitor('CronHours', '0 0 25 * * ?')}
${monitor('CronDom', '0 0 2 32 * ?')}
${monitor('CronMonth', '0 0 2 * 13 ?')}
${monitor('CronDow', '0 0 2 ? * 8')}
${monitor('CronYear', '0 0 2 * * ? 2100')}
${monitor('CronBoth', '0 0 2 * * *')}
${monitor('CronLast', '0 0 2 L,15 * ?')}
${monitor('CronW', '0 0 2 1W,15 * ?')}
${monitor('CronNth', '0 0 2 ? * 6#6')}
${monitor('CronRange', '0 0 18-8 * * ?')}
${monitor('CronStep', '0 0 */0 * * ?')}
${monitor('CronJobs', '0 */2 * * * ?')}
`;

const files = { [FILE]: TEXT };
const cases: (Omit<Expectation, 'file'> & { name: string })[] = [
  {
    name: 'object label past 40',
    rule: 'label-length',
    message: /Custom object label "l+\.\.\." is 41 characters long; Salesforce allows 40/,
    at: `label: |'${X(41, 'l')}'`,
  },
  {
    name: 'plural label past 40',
    rule: 'plural-label-length',
    message: /plural label .* is 41 characters long/,
    at: `pluralLabel: |'${X(41, 'p')}'`,
  },
  {
    name: 'field description past 1000',
    rule: 'description-length',
    message: /Description of field "Carrier__c" is 1001 characters long; Salesforce allows 1000/,
    at: `description: |'d`,
  },
  {
    name: 'help text past 510',
    rule: 'help-text-length',
    message: /Help text of field "Notes__c" is 511 characters long; Salesforce allows 510/,
    at: `helpText: |'h`,
  },
  {
    name: 'visible lines past 50',
    rule: 'visible-lines',
    message: /shows 60 visible lines; Salesforce allows 2-50/,
    at: 'visibleLines: |60',
  },
  {
    name: 'picklist value past 255',
    rule: 'picklist-value-length',
    message: /is 256 characters long; a value holds at most 255/,
    at: `'Sent', |'v`,
  },
  {
    name: 'picklist of 1001 values',
    rule: 'picklist-count',
    message: /lists 1001 values; a custom picklist holds at most 1000/,
    at: "|'V1000'",
  },
  {
    name: 'fields that differ only in case',
    rule: 'duplicate-name',
    message: /Field "carrier__c" is the same name as "Carrier__c"/,
    at: '|carrier__c: field',
  },
  {
    name: 'a non-ASCII letter in an API name',
    rule: 'ascii-name',
    message: /"Catégorie__c" holds "é".*a letter such as é is not one of them/,
    at: '|Catégorie__c: field',
  },
  {
    name: 'a non-ASCII letter that has no plain form',
    rule: 'ascii-name',
    message: /Property "straße" holds "ß"/,
    at: '|straße: field',
  },
  {
    name: 'custom fields past 500',
    rule: 'field-count',
    message: /501 custom fields are declared here; .* allow 500 per object/,
    at: 'F501__c: |field',
  },
  {
    name: 'external IDs past 25 on one object',
    rule: 'external-id-count',
    message: /Order has 26 External ID fields declared; an object holds at most 25/,
    at: 'F26__c: |field.text({ length: 10, externalId: true })',
  },
  {
    name: 'auto number with two placeholders',
    rule: 'auto-number-format',
    message: /displayFormat "SH-\{0\}-\{0\}" has 2 \{0\.\.\.\} number placeholders/,
    at: "displayFormat: |'SH-",
  },
  {
    name: 'tab motif not a platform style',
    rule: 'tab-motif',
    message: /Tab motif "Gears" is not one of the platform's custom tab styles/,
    at: "motif: |'Gears'",
  },
  {
    name: 'list view developer name',
    rule: 'list-view-name',
    message: /List view name "All Records" is not a developer name/,
    at: "name: |'All Records'",
  },
  {
    name: 'list view column that is no field',
    rule: 'unknown-field',
    message: /List view column names "Nope__c"/,
    at: "|'Nope__c'",
  },
  {
    name: 'base URL with a query',
    rule: 'base-url-query',
    message: /baseUrl "https:\/\/q\.example\.com\/api\?key=1" has a query/,
    at: "|'https://q.example.com",
  },
  {
    name: 'base URL with a trailing slash',
    rule: 'base-url-trailing-slash',
    message: /ends in \/, and every operation path starts with \//,
    at: "|'https://s.example.com",
  },
  {
    name: 'base URL over http',
    rule: 'base-url',
    message: /baseUrl "http:\/\/p\.example\.com" is not an https:\/\/ URL/,
    at: "|'http://p.example.com'",
  },
  {
    name: 'base URL with credentials',
    rule: 'base-url-credentials',
    message: /holds credentials; secrets never live in declarations/,
    at: "|'https://user:pw",
  },
  {
    name: 'token URL over http',
    rule: 'token-url',
    message: /tokenUrl "http:\/\/t\.example\.com\/token" is not an https:\/\/ URL/,
    at: "tokenUrl: |'http",
  },
  {
    name: 'API key header with spaces',
    rule: 'header-name',
    message: /headerName "X Api Key" is not an HTTP header name/,
    at: "headerName: |'X Api Key'",
  },
  {
    name: 'system name past the developer-name limit once suffixed',
    rule: 'developer-name-length',
    message: /makes the developer name "L n+_Principal" \(86 characters.*stop at 80/.source
      ? /makes the developer name "Ln+_Principal" \(86 characters; also "Ln+_Auth"\); Salesforce developer names stop at 80/
      : /x/,
    at: `name: |'L${X(75, 'n')}'`,
  },
  {
    name: 'Named Credential label past 80',
    rule: 'label-length',
    message: /External system label is 81 characters long; a Named Credential label holds 80/,
    at: `label: |'${X(81, 'b')}'`,
  },
  {
    name: 'callout path without a leading slash',
    rule: 'callout-path',
    message: /path "orders" does not start with \//,
    at: "path: |'orders'",
  },
  {
    name: 'callout path with a merge field',
    rule: 'callout-path',
    message: /holds a merge field/,
    at: "path: |'/x/{!",
  },
  {
    name: 'URL mapping without a leading slash',
    rule: 'url-mapping',
    message: /urlMapping "status" does not start with \//,
    at: "urlMapping: |'status'",
  },
  {
    name: 'URL mapping with a * inside a segment',
    rule: 'url-mapping',
    message: /has a \* that is not a whole path segment/,
    at: "urlMapping: |'/a*b'",
  },
  {
    name: 'URL mapping under a reserved prefix',
    rule: 'url-mapping-reserved',
    message: /starts with \/services, which Switchyard reserves/,
    at: "urlMapping: |'/services/data'",
  },
  {
    name: 'URL mapping used twice',
    rule: 'url-mapping-duplicate',
    message: /resolves to "\/dup\/\*", which another call-in already maps/,
    at: "urlMapping: |'/dup/'",
  },
  {
    name: 'URL mapping past 255',
    rule: 'url-mapping-length',
    message: /of 263 characters; a URL mapping holds at most 255/,
    at: "urlMapping: |'/mmm",
  },
  {
    name: 'request property written to a field of another kind',
    rule: 'mapping-type',
    message: /writes request property "w" \(Text\) to Shipment__c\.Weight__c \(Number\), which cannot hold it/,
    at: "w: |'Weight__c'",
  },
  {
    name: 'request text longer than its field',
    rule: 'mapping-length',
    message: /"c" \(up to 100 characters\) to Shipment__c\.Carrier__c, which holds 40/,
    at: "c: |'Carrier__c'",
  },
  {
    name: 'request picklist value the field does not list',
    rule: 'mapping-picklist',
    message: /allows "Lost", which the restricted picklist Shipment__c\.Stage__c does not list/,
    at: "|'Lost'",
  },
  {
    name: 'request properties that differ only in case',
    rule: 'duplicate-property',
    message: /Property "OrderId" is the same name as "orderId" \(Apex names ignore case\)/,
    at: '|OrderId: field',
  },
  {
    name: 'idempotency key on a standard field: the fix declares a custom one',
    rule: 'idempotency-key',
    message:
      /"OrderNumber" of Order is not a unique External ID field[\s\S]*fix: OrderNumber is a standard field of Order, which a declaration cannot make an External ID/,
    at: "idempotencyKey: |'OrderNumber'",
  },
  {
    name: 'idempotency key on a picklist: the fix names a kind that can be one',
    rule: 'idempotency-key',
    message: /fix: Stage__c is a Picklist field, which cannot be an External ID: use a field\.text/,
    at: "idempotencyKey: |'Stage__c'",
  },
  {
    name: 'batch sync over GET',
    rule: 'http-method',
    message: /sends each chunk of records as a request body, and GET sends none/,
    at: "method: |'GET'",
  },
  {
    name: 'batch sync listing a field twice',
    rule: 'batch-fields',
    message: /Field "Tracking__c" is listed twice/,
    at: "fields: ['Tracking__c', |'Tracking__c']",
  },
  {
    name: 'fallback value of the wrong type',
    rule: 'fallback-type',
    message: /fallback sets "limit" to a string, but the response declares it as Number/,
    at: "limit: |'none'",
  },
  {
    name: 'record id field that cannot hold an id',
    rule: 'record-id-field',
    message: /"Weight__c" of Shipped__e cannot hold a Salesforce record id/,
    at: "relatedRecordField: |'Weight__c'",
  },
  {
    name: 'publish-subscribe without subscribers',
    rule: 'subscribers',
    message: /Operation FeedTwo names no subscribers/,
    at: 'subscribers: |[] })',
  },
  {
    name: 'a derived Apex class name past 40 characters',
    rule: 'apex-name-length',
    message:
      /operation "A{30}" would generate the Apex class "A{30}ResponseTest" \(42 characters\); Apex class names stop at 40[\s\S]*fix: shorten the name by 2 character\(s\): "A{30}" may be 28 characters long at most/,
    at: `name: |'${X(30, 'A')}'`,
  },
  {
    name: 'an operation name past 40 characters',
    rule: 'identifier',
    message: /Operation name "N{41}" is 41 characters long; Apex identifiers stop at 40/,
    at: `name: |'${X(41, 'N')}'`,
  },
  {
    name: 'a name in the runtime prefix',
    rule: 'runtime-prefix',
    message:
      /operation "SwyThing" would generate "SwyThingOperation", in the Swy prefix that belongs to Switchyard's runtime library/,
    at: "name: |'SwyThing'",
  },
  {
    name: 'a name that would shadow a system class',
    rule: 'system-class',
    message: /operation "Http" would generate "HttpRequest", which would shadow the Apex system class/,
    at: "name: |'Http'",
  },
  {
    name: 'two declarations generating one class',
    rule: 'generated-name-collision',
    message:
      /event "ShippedTwin__e" would generate the Apex class "ShippedTwinTrigger", which event "Shipped_Twin__e" \(ts-src\/integrations\/limits\.ts:\d+\) generates too/,
    at: "apiName: |'ShippedTwin__e'",
  },
  {
    name: 'a property spread in from a const',
    rule: 'unknown-property',
    message: /retry has no property "maxAtempts"; did you mean "maxAttempts"\?/,
    at: '|maxAtempts: 4',
  },
  {
    name: 'a component name that is no LWC bundle name',
    rule: 'component-name',
    message:
      /component "shipment-tracker" is not a Lightning web component bundle name[\s\S]*fix: name the bundle in camelCase, such as "shipmentTracker"/,
    at: "component: |'shipment-tracker'",
  },
  {
    name: 'a picklist value listed twice',
    rule: 'picklist-duplicate',
    message: /Picklist field "Dup__c" lists "a" twice/,
    at: "'A', |'a'",
  },
  {
    name: 'a picklist default that is not a value',
    rule: 'picklist-default',
    message: /defaults to "B", which is not one of its values/,
    at: "defaultValue: |'B'",
  },
  {
    name: 'a merge field in a base URL',
    rule: 'merge-field',
    message: /holds a merge field; the platform resolves merge fields only in headers and bodies/,
    at: "|'https://m.example.com",
  },
  {
    name: 'a circuit that never lets a call through',
    rule: 'circuit-breaker',
    message: /failureThreshold 0 would never let a call through/,
    at: 'failureThreshold: |0',
  },
  {
    name: 'a batch past 2000 records',
    rule: 'batch-size',
    message: /batchSize 5000 is outside 1-2000/,
    at: 'batchSize: |5000',
  },
  {
    name: 'an operation on an undeclared object',
    rule: 'unknown-object',
    message: /Operation NoObject names object "Invoice__c", which is not declared/,
    at: "object: |'Invoice__c'",
  },
  {
    name: 'a failure rate that is no share',
    rule: 'failure-rate',
    message: /failureRateThreshold 1\.5 is not a share between 0 and 1/,
    at: 'failureRateThreshold: |1.5',
  },
  {
    name: 'a monitoring window of 0 minutes',
    rule: 'monitoring',
    message: /windowMinutes 0 must be a whole number of at least 1/,
    at: 'windowMinutes: |0',
  },
  {
    name: 'an alert e-mail that is no address',
    rule: 'alert-email',
    message: /alertEmail "ops at example" is not one e-mail address/,
    at: "alertEmail: |'ops at example'",
  },
  {
    name: 'cron with five fields',
    rule: 'cron-fields',
    message: /schedule "0 0 2 \* \*" has 5 field\(s\); Salesforce cron takes 6 or 7/,
    at: "schedule: |'0 0 2 * *'",
  },
  {
    name: 'cron with several seconds',
    rule: 'cron-seconds',
    message: /has "\*\/5" in its seconds field; Apex takes a single second there/,
    at: "schedule: '|*/5 0 2",
  },
  {
    name: 'cron minute past 59',
    rule: 'cron-minutes',
    message: /has 75 in its minutes field, outside 0-59/,
    at: "schedule: '0 |75 2",
  },
  {
    name: 'cron hour past 23',
    rule: 'cron-hours',
    message: /has 25 in its hours field, outside 0-23/,
    at: "schedule: '0 0 |25",
  },
  {
    name: 'cron day of month past 31',
    rule: 'cron-day-of-month',
    message: /has 32 in its day-of-month field, outside 1-31/,
    at: "schedule: '0 0 2 |32",
  },
  {
    name: 'cron month past 12',
    rule: 'cron-month',
    message: /has 13 in its month field, outside 1-12/,
    at: "schedule: '0 0 2 * |13",
  },
  {
    name: 'cron weekday past 7',
    rule: 'cron-day-of-week',
    message: /has 8 in its day-of-week field, outside 1-7[\s\S]*fix: use 1 \(Sunday\) to 7 \(Saturday\)/,
    at: "schedule: '0 0 2 ? * |8'",
  },
  {
    name: 'cron year past 2099',
    rule: 'cron-year',
    message: /has 2100 in its year field, outside 1970-2099/,
    at: "schedule: '0 0 2 * * ? |2100'",
  },
  {
    name: 'cron with both day fields set',
    rule: 'cron-no-specific-value',
    message: /sets both day-of-month \(\*\) and day-of-week \(\*\); Salesforce needs \? in one of them/,
    at: "schedule: '0 0 2 * * |*'",
  },
  {
    name: 'cron L in a list',
    rule: 'cron-last',
    message: /"L,15" in its day-of-month field; L \(last\) stands alone/,
    at: "schedule: '0 0 2 |L,15",
  },
  {
    name: 'cron W in a list',
    rule: 'cron-weekday',
    message: /"1W,15" in its day-of-month field; W \(nearest weekday\)/,
    at: "schedule: '0 0 2 |1W,15",
  },
  {
    name: 'cron # past the fifth occurrence',
    rule: 'cron-nth',
    message: /"6#6" in its day-of-week field; # takes a weekday 1-7 \(or SUN-SAT\) and an occurrence 1-5/,
    at: "schedule: '0 0 2 ? * |6#6'",
  },
  {
    name: 'cron range that runs backwards',
    rule: 'cron-range',
    message: /the range "18-8" in its hours field, which runs backwards/,
    at: "schedule: '0 0 |18-8",
  },
  {
    name: 'cron step of 0',
    rule: 'cron-step',
    message: /the step "\/0" in its hours field/,
    at: "schedule: '0 0 |*/0",
  },
  {
    name: 'cron needing more than 12 jobs',
    rule: 'cron-jobs',
    message: /schedule "0 \*\/2 \* \* \* \?" would need 30 scheduled jobs/,
    at: "schedule: |'0 */2 * * * ?'",
  },
];

describe('every platform limit is refused at the property that breaks it, in one build', () => {
  let result: RefusedBuild;
  before(async () => {
    result = await buildRefused(files);
  });
  after(() => fs.rmSync(result.root, { recursive: true, force: true }));

  test('the build fails, writes nothing and leaves force-app exactly as it was', () => {
    assert.equal(result.code, 1, result.errors.join('\n'));
    assert.ok(result.unchanged, 'force-app must be left exactly as it was');
    assert.ok(result.errors.at(-1)?.includes('nothing was written'), result.errors.at(-1));
  });

  for (const { name, ...expected } of cases) {
    test(`${expected.rule}: ${name}`, () => assertError(files, result, { ...expected, file: FILE }));
  }

  test('the rule kinds listed here are distinct enough to cover every limit family', () => {
    assert.ok(new Set(cases.map((c) => c.rule)).size >= 50);
  });
});

describe('rules that stop the build before the others', () => {
  test('a property the pattern does not define is refused by tsc at its place, with did you mean', async () => {
    const text = `import { operation } from '../dsl';

export const feed = operation({
  name: 'Feed',
  description: 'Feed.',
  pattern: 'publish-subscribe',
  event: 'Order_Confirmed__e',
  subscribers: ['someone'],
  onPermanentFailure: { notify: true },
});

export const feed2 = operation({
  name: 'Feed2',
  description: 'Feed.',
  pattern: 'publish-subscribe',
  event: 'Order_Confirmed__e',
  subscriber: ['typo'],
});
`;
    const input = { 'ts-src/integrations/app.ts': text };
    const result = await buildRefused(input);
    try {
      assert.equal(result.code, 1);
      assert.ok(result.unchanged, 'force-app must be left exactly as it was');
      const file = 'ts-src/integrations/app.ts';
      assertError(input, result, {
        file,
        rule: 'unknown-property',
        message:
          /'onPermanentFailure' does not exist in type 'PublishSubscribeOperation'[\s\S]*fix: remove it or use a property the declaration API defines here: (.*subscribers.*description|.*description.*subscribers)/,
        at: '|onPermanentFailure',
      });
      assertError(input, result, {
        file,
        rule: 'unknown-property',
        message: /'subscriber' does not exist.*Did you mean (to write )?'subscribers'\?/,
        at: '|subscriber:',
      });
    } finally {
      fs.rmSync(result.root, { recursive: true, force: true });
    }
  });

  test('a declaration folder without declarations says so plainly', async () => {
    const input = { 'ts-src/integrations/readme.ts': 'export const note = "declarations go here";\n' };
    const result = await buildRefused(input);
    try {
      assert.equal(result.code, 1);
      assert.ok(result.unchanged);
      const match = result.errors.find((e) => e.startsWith('ts-src/integrations:1:1: error [no-declarations] '));
      assert.ok(match, result.errors.join('\n'));
      assert.match(match, /ts-src\/integrations holds no declarations[\s\S]*fix: add a declaration file/);
    } finally {
      fs.rmSync(result.root, { recursive: true, force: true });
    }
  });
});
