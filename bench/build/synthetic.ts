/**
 * Writes a synthetic Switchyard project for the build benchmark: the example app (its declarations,
 * platform objects and components, which the components need) plus generated declarations up to a
 * target size, every one of them valid under the generator's rules, spread over several files as a
 * team would write them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadModel } from '../../ts-src/generator/load';

export interface SyntheticSize {
  /** Totals, the example app's own declarations included. */
  systems: number;
  events: number;
  operations: number;
  /** Custom objects that batch-sync, remote call-in and UI-update operations target. */
  objects: number;
  operationsPerFile: number;
}

export const BENCHMARK_SIZE: SyntheticSize = {
  systems: 50,
  events: 100,
  operations: 500,
  objects: 10,
  operationsPerFile: 50,
};

/**
 * A project of `operations` operations in the benchmark's proportions (one system per 10 operations,
 * one event per 5, one custom object per 50, at least 10), so 100, 500 and 1,000 operations differ
 * only in size; `syntheticSize(500)` is BENCHMARK_SIZE.
 */
export function syntheticSize(operations: number, base: DeclarationCounts = exampleCounts(REPO_ROOT)): SyntheticSize {
  return {
    systems: Math.max(base.systems + 1, Math.round(operations / 10)),
    events: Math.max(base.events + 1, Math.round(operations / 5)),
    operations,
    objects: Math.max(10, Math.round(operations / 50)),
    operationsPerFile: 50,
  };
}

export interface DeclarationCounts {
  systems: number;
  events: number;
  operations: number;
}

const REPO_ROOT = path.resolve(__dirname, '../..');
const counted = new Map<string, DeclarationCounts>();

/**
 * What a project's declarations already hold (ts-src/integrations and ts-src/platform), read from
 * its model, so the example app can change without the synthetic totals going wrong.
 */
export function exampleCounts(projectRoot: string): DeclarationCounts {
  const key = path.resolve(projectRoot);
  let counts = counted.get(key);
  if (!counts) {
    const model = loadModel(key);
    counts = { systems: model.systems.length, events: model.events.length, operations: model.operations.length };
    counted.set(key, counts);
  }
  return counts;
}

/** Files and folders copied from the real project; node_modules is linked (prettier resolves plugins from the project). */
const COPIED = [
  'ts-src/dsl',
  'ts-src/platform',
  'ts-src/integrations',
  'ts-src/lwc',
  // The runtime Apex: the build checks its SOQL and callout names (verify.ts), as in the repository.
  'ts-src/apex',
  '.prettierrc',
  'sfdx-project.json',
  'tsconfig.json',
];
/** Tests are not build input; `ts-src/lwc/generated` is build output (the build refuses to overwrite a copy it did not write). */
const SKIPPED_IN_COPY = new Set(['__tests__', 'node_modules', 'generated']);

const pad = (n: number, width = 3) => String(n).padStart(width, '0');
const systemName = (i: number) => `Syn${pad(i, 2)}_API`;
const eventName = (i: number) => `SynEvent${pad(i)}__e`;
const objectName = (i: number) => `SynRecord${pad(i, 2)}__c`;
const STATUSES = ['Received', 'Processing', 'Done', 'Rejected'];

/** A copy of the project's build inputs (no generated output), ready to build on its own. */
export function writeProjectCopy(sourceRoot: string, targetRoot: string): void {
  for (const entry of COPIED) copy(path.join(sourceRoot, entry), path.join(targetRoot, entry));
  fs.symlinkSync(path.join(sourceRoot, 'node_modules'), path.join(targetRoot, 'node_modules'), 'dir');
}

export function writeSyntheticProject(sourceRoot: string, targetRoot: string, size: SyntheticSize): void {
  writeProjectCopy(sourceRoot, targetRoot);
  const folder = path.join(targetRoot, 'ts-src/integrations');
  const base = exampleCounts(sourceRoot);
  const systems = size.systems - base.systems;
  const events = size.events - base.events;
  const operations = size.operations - base.operations;
  if (systems < 1 || events < 1 || operations < 0) {
    throw new Error(
      `a synthetic project of ${size.systems} systems, ${size.events} events and ${size.operations} operations is smaller than ` +
        `the example app it starts from (${base.systems}, ${base.events}, ${base.operations}): ask for more`,
    );
  }
  fs.writeFileSync(path.join(folder, 'syntheticSystems.ts'), systemsFile(systems));
  fs.writeFileSync(path.join(folder, 'syntheticEvents.ts'), eventsFile(events));
  fs.writeFileSync(path.join(folder, 'syntheticObjects.ts'), objectsFile(size.objects));
  for (let first = 0, file = 1; first < operations; first += size.operationsPerFile, file++) {
    const last = Math.min(operations, first + size.operationsPerFile);
    const body = Array.from({ length: last - first }, (_, k) =>
      operationDeclaration(first + k, { systems, events, objects: size.objects }),
    );
    fs.writeFileSync(
      path.join(folder, `syntheticOperations${pad(file, 2)}.ts`),
      `import { field, operation } from '../dsl';\n\n${body.join('\n\n')}\n`,
    );
  }
}

function copy(from: string, to: string): void {
  const stat = fs.statSync(from);
  if (stat.isDirectory()) {
    fs.mkdirSync(to, { recursive: true });
    for (const name of fs.readdirSync(from)) {
      if (!SKIPPED_IN_COPY.has(name)) copy(path.join(from, name), path.join(to, name));
    }
  } else {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
  }
}

const AUTHS = [
  (i: number) =>
    `{ type: 'oauthClientCredentials', tokenUrl: 'https://syn${i}.example.com/oauth/token', scope: 'api' }`,
  () => `{ type: 'apiKeyHeader', headerName: 'X-Api-Key' }`,
  (i: number) =>
    `{ type: 'jwtBearer', tokenUrl: 'https://syn${i}.example.com/oauth/token', issuer: 'switchyard', subject: 'integration@example.com', audience: 'https://syn${i}.example.com', signingCertificate: 'Switchyard_Signing' }`,
  () => `{ type: 'none' }`,
];
const TIMEOUTS = [5, 10, 20, 30, 60];

function systemsFile(count: number): string {
  const declarations = Array.from({ length: count }, (_, k) => {
    const i = k + 1;
    return [
      `export const synSystem${pad(i, 2)} = externalSystem({`,
      `  name: '${systemName(i)}',`,
      `  label: 'Synthetic system ${i}',`,
      `  baseUrl: 'https://syn${i}.example.com/api',`,
      `  auth: ${AUTHS[k % AUTHS.length](i)},`,
      `  timeoutSeconds: ${TIMEOUTS[k % TIMEOUTS.length]},`,
      `  circuitBreaker: { failureThreshold: ${3 + (k % 5)}, coolDownSeconds: ${60 * (1 + (k % 5))} },`,
      `});`,
    ].join('\n');
  });
  return `import { externalSystem } from '../dsl';\n\n${declarations.join('\n\n')}\n`;
}

function eventsFile(count: number): string {
  const declarations = Array.from({ length: count }, (_, k) => {
    const i = k + 1;
    return [
      `export const synEvent${pad(i)} = platformEvent({`,
      `  apiName: '${eventName(i)}',`,
      `  label: 'Synthetic Event ${i}',`,
      `  pluralLabel: 'Synthetic Events ${i}',`,
      `  eventType: 'HighVolume',`,
      `  publishBehavior: '${k % 4 === 3 ? 'PublishImmediately' : 'PublishAfterCommit'}',`,
      `  fields: {`,
      `    Record_Id__c: field.text({ length: 18, required: true }),`,
      `    Message_Key__c: field.text({ length: 64, required: true }),`,
      `    Amount__c: field.number({ precision: 16, scale: 2 }),`,
      `    Status__c: field.text({ length: 40 }),`,
      `    Contact_Email__c: field.text({ length: 80, sensitive: true }),`,
      `    Changed_At__c: field.dateTime(),`,
      `  },`,
      `});`,
    ].join('\n');
  });
  return `import { field, platformEvent } from '../dsl';\n\n${declarations.join('\n\n')}\n`;
}

function objectsFile(count: number): string {
  const declarations = Array.from({ length: count }, (_, k) => {
    const i = k + 1;
    return [
      `export const synRecord${pad(i, 2)} = customObject({`,
      `  apiName: '${objectName(i)}',`,
      `  label: 'Synthetic Record ${i}',`,
      `  pluralLabel: 'Synthetic Records ${i}',`,
      `  nameField: { type: 'Text', label: 'Name' },`,
      `  sharingModel: 'ReadWrite',`,
      `  fields: {`,
      `    External_Key__c: field.text({ length: 64, externalId: true, unique: true }),`,
      `    Status__c: field.picklist({ values: ${JSON.stringify(STATUSES).replaceAll('"', "'")} }),`,
      `    Amount__c: field.number({ precision: 16, scale: 2 }),`,
      `    Changed_At__c: field.dateTime(),`,
      `    Note__c: field.text({ length: 255 }),`,
      `  },`,
      `});`,
    ].join('\n');
  });
  return `import { customObject, field } from '../dsl';\n\n${declarations.join('\n\n')}\n`;
}

interface Counts {
  systems: number;
  events: number;
  objects: number;
}

/**
 * Patterns in the proportions an org might have: mostly outbound, some of everything else. Volumes
 * are sized so the 500-operation project fits an Enterprise Edition org under the 80 % warning line
 * (`npm run plan` on it): Platform Event deliveries are the tight one, the example app alone takes
 * 76 % of the 25,000 a day, so the synthetic feeds and pages carry little.
 */
function operationDeclaration(k: number, counts: Counts): string {
  const n = pad(k + 1, 4);
  const system = systemName((k % counts.systems) + 1);
  const event = eventName((k % counts.events) + 1);
  const object = objectName((k % counts.objects) + 1);
  const head = (name: string, pattern: string) => [
    `export const synOperation${n} = operation({`,
    `  name: '${name}',`,
    `  description: 'Synthetic operation ${n}.',`,
    `  pattern: '${pattern}',`,
  ];
  const lines = (() => {
    switch (k % 10) {
      case 0:
      case 1:
      case 2:
      case 3:
        return [
          ...head(`SynSend${n}`, 'fire-and-forget'),
          `  volume: { messagesPerDay: 300, peakPerHour: 60, payloadBytes: 1500 },`,
          `  event: '${event}',`,
          `  messageKey: 'Message_Key__c',`,
          `  relatedRecordField: 'Record_Id__c',`,
          `  system: '${system}',`,
          `  method: 'POST',`,
          `  path: '/things/${n}',`,
          `  retry: { maxAttempts: ${3 + (k % 6)}, baseDelaySeconds: 30, maxDelaySeconds: 600, jitter: '${k % 2 ? 'full' : 'equal'}' },`,
        ];
      case 4:
      case 5:
        return [
          ...head(`SynAsk${n}`, 'request-reply'),
          `  volume: { messagesPerDay: 200, peakPerHour: 40, payloadBytes: 400 },`,
          `  system: '${system}',`,
          `  method: 'POST',`,
          `  path: '/decide/${n}',`,
          `  timeoutSeconds: 10,`,
          `  request: {`,
          `    recordId: field.text({ length: 18, required: true }),`,
          `    amount: field.number({ precision: 16, scale: 2, required: true }),`,
          `    taxId: field.text({ length: 20, sensitive: true }),`,
          `  },`,
          `  response: {`,
          `    decision: field.picklist({ values: ['APPROVED', 'DECLINED', 'REVIEW'], required: true }),`,
          `    creditLimit: field.number({ precision: 16, scale: 2 }),`,
          `    reason: field.text({ length: 255 }),`,
          `  },`,
          `  fallback: { decision: 'REVIEW', reason: 'System unavailable.' },`,
        ];
      case 6:
        return [
          ...head(`SynSync${n}`, 'batch-sync'),
          `  volume: { messagesPerDay: 2000, payloadBytes: 500 },`,
          `  object: '${object}',`,
          `  fields: ['Name', 'Status__c', 'Amount__c', 'External_Key__c'],`,
          `  idempotencyKey: 'External_Key__c',`,
          `  system: '${system}',`,
          `  method: 'POST',`,
          `  path: '/bulk/${n}',`,
          `  timeoutSeconds: 60,`,
          `  schedule: '0 0 2 * * ?',`,
          `  batchSize: 200,`,
          `  retry: { maxAttempts: 3, baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'full' },`,
        ];
      case 7:
        return [
          ...head(`SynReceive${n}`, 'remote-call-in'),
          `  volume: { messagesPerDay: 500, peakPerHour: 100, payloadBytes: 300 },`,
          `  source: 'Synthetic partner',`,
          `  object: '${object}',`,
          `  urlMapping: '/switchyard/v1/synthetic-${n}',`,
          `  idempotencyKey: 'External_Key__c',`,
          `  request: {`,
          `    externalKey: field.text({ length: 64, required: true }),`,
          `    status: field.picklist({ values: ${JSON.stringify(STATUSES).replaceAll('"', "'")}, required: true }),`,
          `    changedAt: field.dateTime({ required: true }),`,
          `  },`,
          `  mapping: { externalKey: 'External_Key__c', status: 'Status__c', changedAt: 'Changed_At__c' },`,
        ];
      case 8:
        return [
          ...head(`SynFeed${n}`, 'publish-subscribe'),
          `  volume: { messagesPerDay: 10 },`,
          `  event: '${event}',`,
          `  subscribers: ['Synthetic consumer ${n}'],`,
        ];
      default:
        return [
          ...head(`SynLive${n}`, 'ui-update'),
          `  volume: { messagesPerDay: 2 },`,
          `  event: '${event}',`,
          `  object: '${object}',`,
          `  recordIdField: 'Record_Id__c',`,
          `  component: 'orderStatusTracker',`,
        ];
    }
  })();
  return [...lines, '});'].join('\n');
}
