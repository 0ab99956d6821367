/**
 * Batch sync: the named entry point the platform requires (`<Op>Batch`: Batchable, AllowsCallouts,
 * Stateful, Schedulable) delegating to the runtime's `SwyBatchSync`, and the declared object,
 * fields, key and batch size as a `SwyBatchSync.Config` built by the generated operation class.
 */
import { apexClassName } from '../../model/naming';
import type { BatchSyncModel, ExternalSystemModel, FieldModel, Model } from '../../model/types';
import type { GeneratedFile } from '../types';
import { doc, str } from './apex';
import { apexClassFiles, type DeclarationSource } from './files';
import { CALLOUT_TIME_DOC } from './limits';
import { emitOperationConfig, systemOf } from './operationConfig';
import { testRecord } from './testRecords';
import { scheduleMembers, scheduleTestLines, type ScheduleSpec } from './schedule';
import { apex } from './template';
import { INTEGRATION_USER, testClass, testsAs } from './tests';

export function emitBatchSync(model: Model, operation: BatchSyncModel): GeneratedFile[] {
  const system = systemOf(model, operation.system);
  const sources: DeclarationSource[] = [{ location: operation.location, name: operation.name }];
  const name = apexClassName.batch(operation.name);
  const declared = new Set(operation.fields);
  const sensitive = fieldsOf(model, operation.object).filter((f) => f.sensitive && declared.has(f.name));
  const schedule: ScheduleSpec = {
    className: name,
    declarationName: operation.name,
    cron: operation.schedule,
    location: operation.location,
  };
  return [
    ...emitOperationConfig({
      operation,
      system,
      sensitiveFields: sensitive.map((f) => f.name),
      samplePayload: '\'[{"test":true}]\'',
      messageIs: `a JSON array holding one ${operation.object} record that a nightly run could not deliver, resent by the sweeper`,
      sources,
      extraMembers: syncConfigMembers(operation),
    }),
    ...apexClassFiles(name, batchClass(operation, system, name, schedule), sources),
    ...apexClassFiles(apexClassName.test(name), batchTest(model, operation, name, schedule), sources),
  ];
}

function fieldsOf(model: Model, object: string): readonly FieldModel[] {
  return [
    ...(model.objects.find((o) => o.apiName === object)?.fields ?? []),
    ...model.extensions.filter((e) => e.object === object).flatMap((e) => e.fields),
  ];
}

/** The fields each record carries, keyed by API name: the declared ones, then the key if not among them. */
function sentFields(operation: BatchSyncModel): string[] {
  return [...new Set([...operation.fields, operation.idempotencyKey])];
}

/** `BATCH_SIZE` and `batchConfig()`, members of the generated operation class. */
function syncConfigMembers(operation: BatchSyncModel): string[] {
  const { object, idempotencyKey: key } = operation;
  const sends = sentFields(operation).map((f) => `.send(${str(f)}, ${object}.${f})`);
  const description =
    `What ${operation.name} reads and sends: the ${object} records whose ${key} is set and whose SystemModstamp is at or after the watermark, ` +
    `${operation.batchSize} per chunk, each as a JSON object of these fields keyed by API name.`;
  return [
    apex`
      // Records per execute(), one callout each of at most ${operation.timeoutSeconds} s, far inside the 120 s a transaction may spend.
      // ${CALLOUT_TIME_DOC}
      private static final Integer BATCH_SIZE = ${operation.batchSize};
    `,
    apex`
      ${doc(description, [['return', 'the sync settings SwyBatchSync runs with']])}
      public SwyBatchSync.Config batchConfig() {
        return new SwyBatchSync.Config(${object}.SObjectType, ${object}.${key}, ${object}.SystemModstamp, BATCH_SIZE)
          ${sends};
      }
    `,
  ];
}

function batchClass(operation: BatchSyncModel, system: ExternalSystemModel, name: string, spec: ScheduleSpec): string {
  const operationClass = apexClassName.operation(operation.name);
  const schedule = scheduleMembers(spec);
  const description =
    `Batch sync of ${operation.name}: ${operation.description} Scheduled with ${operation.schedule}; each run sends the ${operation.object} records changed since the last run without a failed chunk, ` +
    `${operation.batchSize} per chunk, with ONE ${operation.method} ${operation.path} per chunk through ${system.name}. ` +
    `What is sent is ${operationClass}.batchConfig(); how (query, callout, per-record log, watermark) is SwyBatchSync.`;
  const tags: [string, string][] = [
    ['group', 'Switchyard Generated'],
    ['see', 'SwyBatchSync'],
    ['see', operationClass],
    ['example', `${name}.schedule();`],
  ];
  return apex`
    ${doc(description, tags)}
    public with sharing class ${name} implements Database.Batchable<SObject>, Database.AllowsCallouts, Database.Stateful, Schedulable {
      ${schedule.constants}

      // Kept across start(), every execute() and finish() by Database.Stateful.
      private SwyBatchSync.Run run = new SwyBatchSync.Run();

      ${schedule.method}

      ${doc('Starts the run.', [
        ['param', 'context the batch context'],
        ['return', 'the records changed since the watermark'],
      ])}
      public Database.QueryLocator start(Database.BatchableContext context) {
        return sync().start();
      }

      ${doc('Sends one chunk with one callout and logs what failed.', [
        ['param', 'context the batch context'],
        ['param', 'records the chunk'],
      ])}
      public void execute(Database.BatchableContext context, List<SObject> records) {
        sync().execute(context.getJobId(), records);
      }

      ${doc('Records the run and, after a run without a failed chunk, the new watermark.', [['param', 'context the batch context']])}
      public void finish(Database.BatchableContext context) {
        sync().finish(context.getJobId());
      }

      ${doc('Starts a run with the declared batch size.', [['param', 'context the schedulable context']])}
      public void execute(SchedulableContext context) {
        Database.executeBatch(new ${name}(), new ${operationClass}().batchConfig().batchSize);
      }

      private SwyBatchSync sync() {
        ${operationClass} operation = new ${operationClass}();
        return new SwyBatchSync(operation.config(), operation.batchConfig(), run);
      }
    }
  `.concat('\n');
}

function batchTest(model: Model, operation: BatchSyncModel, name: string, schedule: ScheduleSpec): string {
  return testClass(
    name,
    `Wiring of ${name}: the declared settings, the query, one delivered and one failed chunk through Database.executeBatch, the declared schedule. SwyBatchSyncTest covers the behaviour.`,
    apex`
      private static final String OPERATION = ${str(operation.name)};

      // Made by the running user, so the test does not depend on the org-wide sharing defaults.
      private static void createRecords() {
        ${recordSetup(model, operation)}
      }

      ${wiringTests(operation, name, schedule).join('\n\n')}
    `,
  );
}

/** One test method each: settings, start() query, a delivered chunk, a failed chunk, the schedule. */
function wiringTests(operation: BatchSyncModel, name: string, schedule: ScheduleSpec): string[] {
  const test = testsAs(INTEGRATION_USER);
  const operationClass = apexClassName.operation(operation.name);
  const retried = operation.retry.maxAttempts > 1;
  const logQuery = `[SELECT Status__c FROM Integration_Error_Log__c WHERE Operation__c = :OPERATION WITH SYSTEM_MODE]`;
  const stateQuery = `[SELECT Last_Success_At__c FROM Integration_Sync_State__c WHERE Operation__c = :OPERATION WITH SYSTEM_MODE]`;
  const run = (mock: string) => [
    `SwyHttpCalloutMock mock = new SwyHttpCalloutMock()${mock};`,
    'createRecords();',
    'Test.startTest();',
    'Test.setMock(HttpCalloutMock.class, mock);',
    `Database.executeBatch(new ${name}(), ${operation.batchSize});`,
    'Test.stopTest();',
  ];
  return [
    test('carriesTheDeclaredSyncSettings', [
      `SwyBatchSync.Config config = new ${operationClass}().batchConfig();`,
      `Assert.areEqual(${operation.object}.SObjectType, config.objectType, 'The declared object');`,
      `Assert.areEqual(${operation.object}.${operation.idempotencyKey}, config.keyField, 'The declared key');`,
      `Assert.areEqual(${operation.batchSize}, config.batchSize, 'The declared batch size');`,
      `Assert.areEqual(new List<String>{ ${sentFields(operation).map(str).join(', ')} }, config.payloadKeys, 'The declared fields, by API name');`,
    ]),
    test('startSelectsEveryKeyedRecordOnTheFirstRun', [
      'createRecords();',
      `Database.QueryLocatorIterator records = new ${name}().start(null).iterator();`,
      'Integer count = 0;',
      'while (records.hasNext()) {',
      '    records.next();',
      '    count++;',
      '}',
      `Assert.areEqual(2, count, 'The declared query runs and finds both records');`,
    ]),
    test('deliversAChunkInOneCalloutAndMovesTheWatermark', [
      ...run(".ok('{}')"),
      `Assert.areEqual(1, mock.requests.size(), 'One callout for the chunk');`,
      `Assert.areEqual(${str(`callout:${operation.system}${operation.path}`)}, mock.requests[0].getEndpoint(), 'The declared endpoint');`,
      `Assert.areEqual(2, ((List<Object>) JSON.deserializeUntyped(mock.requests[0].getBody())).size(), 'Both records in the body');`,
      `Assert.areEqual(0, ${logQuery}.size(), 'Nothing to log');`,
      `Assert.isNotNull(${stateQuery}.Last_Success_At__c, 'A clean run sets the watermark');`,
    ]),
    test('logsEveryRecordOfAFailedChunk', [
      ...run(".status(500, 'down')"),
      `List<Integration_Error_Log__c> rows = ${logQuery};`,
      `Assert.areEqual(2, rows.size(), 'Every record of the failed chunk is logged');`,
      `Assert.areEqual(SwyErrorLog.${retried ? 'STATUS_RETRYING' : 'STATUS_FAILED'}, rows[0].Status__c, ${str(retried ? 'A 500 is retried by the sweeper' : 'No retry is declared')});`,
      `Assert.isNull(${stateQuery}.Last_Success_At__c, 'A failed chunk sets no watermark');`,
    ]),
    test('schedulesWithTheDeclaredCron', [
      "Test.setMock(HttpCalloutMock.class, new SwyHttpCalloutMock().ok('{}'));",
      ...scheduleTestLines(schedule),
    ]),
  ];
}

/** Two records of the synced object, keyed SYNC-1 and SYNC-2, with what the object requires. */
function recordSetup(model: Model, operation: BatchSyncModel): string {
  const { object, idempotencyKey: key } = operation;
  const { setup, fields } = testRecord(model, object, key);
  const record = (k: string) => `new ${object}(${[...fields, `${key} = '${k}'`].join(', ')})`;
  return [...setup, `insert as system new List<${object}>{ ${record('SYNC-1')}, ${record('SYNC-2')} };`].join('\n');
}
