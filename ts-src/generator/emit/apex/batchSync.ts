/**
 * Batch sync: a scheduled Batch Apex job that sends the records changed since the last successful
 * run, one callout per chunk, logs every record that failed (never all-or-nothing), and moves the
 * watermark only when no chunk failed as a whole.
 */
import { apexClassName } from '../../model/naming';
import type { BatchSyncModel, ExternalSystemModel, FieldModel, Model } from '../../model/types';
import type { GeneratedFile } from '../types';
import { doc, indent, members, str } from './apex';
import { apexClassFiles, type DeclarationSource } from './files';
import { BATCH_APEX_DOC, CALLOUT_TIME_DOC } from './limits';
import { emitOperationConfig, systemOf } from './operationConfig';
import { sampleValue } from './samples';
import { scheduleMembers } from './schedule';
import { INTEGRATION_USER, testClass, testsAs } from './tests';

export function emitBatchSync(model: Model, operation: BatchSyncModel): GeneratedFile[] {
  const system = systemOf(model, operation.system);
  const sources: DeclarationSource[] = [{ location: operation.location, name: operation.name }];
  const name = apexClassName.batch(operation.name);
  const objectFields = fieldsOf(model, operation.object);
  const sensitive = objectFields.filter((f) => f.sensitive && operation.fields.includes(f.name)).map((f) => f.name);
  return [
    ...emitOperationConfig({
      operation,
      system,
      sensitiveFields: sensitive,
      samplePayload: '\'[{"test":true}]\'',
      messageIs: `a JSON array holding one ${operation.object} record that a nightly run could not deliver, resent by the sweeper`,
      sources,
    }),
    ...apexClassFiles(name, batchClass(operation, system, name), sources),
    ...apexClassFiles(apexClassName.test(name), batchTest(model, operation, name), sources),
  ];
}

function fieldsOf(model: Model, object: string): readonly FieldModel[] {
  return [
    ...(model.objects.find((o) => o.apiName === object)?.fields ?? []),
    ...model.extensions.filter((e) => e.object === object).flatMap((e) => e.fields),
  ];
}

/** Id first, then the declared fields in declaration order, the key among them. */
function selectedFields(operation: BatchSyncModel): string[] {
  return ['Id', ...new Set([...operation.fields, operation.idempotencyKey])];
}

function batchClass(operation: BatchSyncModel, system: ExternalSystemModel, name: string): string {
  const { object, idempotencyKey: key } = operation;
  const operationClass = apexClassName.operation(operation.name);
  const fields = selectedFields(operation);
  const schedule = scheduleMembers(name, operation.name, operation.schedule, operation.location);
  const constants = [
    `private static final String OPERATION_NAME = ${str(operation.name)};`,
    [
      `// Records per execute(): each chunk is one callout of at most ${operation.timeoutSeconds} s, far inside the 120 s a transaction may spend.`,
      `// ${CALLOUT_TIME_DOC}`,
      `@TestVisible\nprivate static final Integer BATCH_SIZE = ${operation.batchSize};`,
    ].join('\n'),
    '// Watermark of a first run: every record, as a full initial load.\nprivate static final Datetime BEGINNING = Datetime.newInstanceGmt(1970, 1, 1);',
    schedule.constants,
  ].join('\n');

  const state = [
    "// Kept across chunks (Database.Stateful): the run's start becomes the next watermark.",
    'private Datetime runStartedAt;',
    'private Integer failedRecords = 0;',
    'private Boolean chunkFailed = false;',
  ].join('\n');

  const start = [
    doc(
      `Selects every ${object} whose ${key} is set and that changed at or after the watermark: the start of the last run without a failed chunk, or everything on the first run. ` +
        `A QueryLocator returns up to 50 million records (${BATCH_APEX_DOC}).`,
      [
        ['param', 'context the batch context'],
        ['return', 'the records to send'],
      ],
    ),
    'public Database.QueryLocator start(Database.BatchableContext context) {',
    indent(
      [
        'runStartedAt = Datetime.now();',
        'List<Integration_Sync_State__c> states = [SELECT Last_Success_At__c FROM Integration_Sync_State__c WHERE Operation__c = :OPERATION_NAME WITH USER_MODE LIMIT 1];',
        'Datetime since = states.isEmpty() || states[0].Last_Success_At__c == null ? BEGINNING : states[0].Last_Success_At__c;',
        `// At or after: a record changed in the same second as the last run started is sent again rather than missed; the ${key} makes a repeat harmless.`,
        `return Database.getQueryLocator([SELECT ${fields.join(', ')} FROM ${object} WHERE ${key} != NULL AND SystemModstamp >= :since WITH USER_MODE]);`,
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const execute = [
    doc(
      `Sends one chunk with ONE callout. Records the ${system.name} rejects are logged as Failed; a chunk that fails as a whole is logged record by record as Retrying (the sweeper resends each) and keeps the watermark. ` +
        'Breaker state and the log are written after the callout.',
      [
        ['param', 'context the batch context'],
        ['param', 'records the chunk'],
      ],
    ),
    `public void execute(Database.BatchableContext context, List<${object}> records) {`,
    indent(
      [
        `SwyOperationConfig config = new ${operationClass}().config();`,
        'SwyCircuitBreaker breaker = config.breaker();',
        "String runKey = OPERATION_NAME + ':' + context.getJobId();",
        'if (breaker.allowsRequest()) {',
        indent(
          [
            `SwyCalloutRequest request = new SwyCalloutRequest(config.namedCredential, config.method, config.path, config.timeoutSeconds);`,
            'request.body = JSON.serialize(payloadOf(records));',
            'request.correlationId = runKey;',
            "request.idempotencyKey = runKey + ':' + records[0].Id;",
            'SwyCalloutResult result = SwyCalloutClient.send(request);',
            'if (result.systemAnswered()) {',
            indent('breaker.recordSuccess();'),
            '} else {',
            indent('breaker.recordFailure();'),
            '}',
            'if (result.isSuccess()) {',
            indent('logRejected(records, config, runKey, result.body);'),
            '} else {',
            indent(
              'String category = result.isRetryable() ? SwyErrorLog.CATEGORY_RETRYABLE : SwyErrorLog.CATEGORY_PERMANENT;\nfailChunk(records, config, runKey, result, category, 1);',
            ),
            '}',
          ].join('\n'),
        ),
        '} else {',
        indent(
          `SwyCalloutResult notSent = new SwyCalloutResult(SwyCalloutResult.Outcome.RETRYABLE, null, null, 'Not sent: the circuit of ' + config.namedCredential + ' is open until ' + breaker.retryAfter());\nfailChunk(records, config, runKey, notSent, SwyErrorLog.CATEGORY_CIRCUIT_OPEN, 0);`,
        ),
        '}',
        '// No callout may follow uncommitted DML: the writes come last.',
        'SwyCircuitBreaker.flush();',
        'SwyErrorLog.flush();',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const finish = [
    doc(
      'Records the run on Integration_Sync_State__c: Last_Run_At__c and Last_Run_Failures__c always, and Last_Success_At__c (the next watermark) only when no chunk failed as a whole. ' +
        'The upsert does not throw (allOrNone=false); a failure is logged.',
      [['param', 'context the batch context']],
    ),
    'public void finish(Database.BatchableContext context) {',
    indent(
      [
        'Integration_Sync_State__c state = new Integration_Sync_State__c(',
        indent(
          'Name = OPERATION_NAME,\nOperation__c = OPERATION_NAME,\nLast_Run_At__c = runStartedAt,\nLast_Run_Failures__c = failedRecords',
        ),
        ');',
        'if (!chunkFailed) {',
        indent('state.Last_Success_At__c = runStartedAt;'),
        '}',
        'Database.UpsertResult result = Database.upsert(state, Integration_Sync_State__c.Operation__c, false, AccessLevel.USER_MODE);',
        'if (!result.isSuccess()) {',
        indent(
          [
            `SwyErrorLog.Entry entry = new ${operationClass}().config().logEntry(new SwyMessage(OPERATION_NAME, null, OPERATION_NAME + ':' + context.getJobId() + ':state'));`,
            'entry.status = SwyErrorLog.STATUS_FAILED;',
            'entry.category = SwyErrorLog.CATEGORY_PERMANENT;',
            "entry.errorMessage = 'Sync state not saved, the next run sends more than needed: ' + result.getErrors();",
            'SwyErrorLog.add(entry);',
            'SwyErrorLog.flush();',
          ].join('\n'),
        ),
        '}',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const schedulable = [
    doc(`Starts a run of ${operation.batchSize} records per chunk.`, [['param', 'context the schedulable context']]),
    'public void execute(SchedulableContext context) {',
    indent(`Database.executeBatch(new ${name}(), BATCH_SIZE);`),
    '}',
  ].join('\n');

  const logRejected = [
    doc(
      `Logs every record the answer rejects. Expected answer: {"results": [{"key": "<${key}>", "success": true|false, "message": "..."}]}; ` +
        'an answer without per-record results means the whole chunk was accepted.',
      [
        ['param', 'records the chunk'],
        ['param', 'config the operation settings'],
        ['param', 'runKey operation and job id'],
        ['param', 'body the answer'],
      ],
    ),
    `private void logRejected(List<${object}> records, SwyOperationConfig config, String runKey, String body) {`,
    indent(
      [
        'Map<String, String> rejections = rejectionsIn(body);',
        `for (${object} record : records) {`,
        indent(
          [
            `String message = rejections.get(record.${key});`,
            'if (message != null) {',
            indent(
              [
                'SwyErrorLog.Entry entry = config.logEntry(messageFor(record, runKey, 1));',
                'entry.status = SwyErrorLog.STATUS_FAILED;',
                'entry.category = SwyErrorLog.CATEGORY_PERMANENT;',
                'entry.errorMessage = message;',
                'SwyErrorLog.add(entry);',
                'failedRecords++;',
              ].join('\n'),
            ),
            '}',
          ].join('\n'),
        ),
        '}',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const rejectionsIn = [
    doc('Reads the per-record results of an answer.', [
      ['param', 'body the answer'],
      ['return', 'key to message of every rejected record; empty when the answer has no per-record results'],
    ]),
    'private static Map<String, String> rejectionsIn(String body) {',
    indent(
      [
        'Map<String, String> rejections = new Map<String, String>();',
        'SyncAnswer answer;',
        'try {',
        indent('answer = String.isBlank(body) ? null : (SyncAnswer) JSON.deserialize(body, SyncAnswer.class);'),
        '} catch (JSONException e) {',
        indent('// Not the documented shape: the 2xx still says the chunk was accepted.\nanswer = null;'),
        '}',
        'if (answer == null || answer.results == null) {',
        indent('return rejections;'),
        '}',
        'for (RecordResult result : answer.results) {',
        indent(
          [
            'if (result != null && result.success == false && result.key != null) {',
            indent(
              "rejections.put(result.key, String.isBlank(result.message) ? 'Rejected without a message' : result.message);",
            ),
            '}',
          ].join('\n'),
        ),
        '}',
        'return rejections;',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const failChunk = [
    doc(
      "Logs every record of a chunk that failed as a whole: Retrying with the policy's first delay when another try may help (the sweeper resends each record), Failed otherwise. Either way the watermark stays.",
      [
        ['param', 'records the chunk'],
        ['param', 'config the operation settings'],
        ['param', 'runKey operation and job id'],
        ['param', 'result what the callout returned, or why it was not made'],
        ['param', 'category Error_Category__c value'],
        ['param', 'attempts attempts made: 1, or 0 when the circuit refused the call'],
      ],
    ),
    `private void failChunk(List<${object}> records, SwyOperationConfig config, String runKey, SwyCalloutResult result, String category, Integer attempts) {`,
    indent(
      [
        'chunkFailed = true;',
        'Boolean retry = result.isRetryable() && config.retry.hasAttemptsLeft(attempts);',
        'Datetime nextAttemptAt = Datetime.now().addSeconds(config.retry.delaySecondsFor(Math.max(attempts, 1)));',
        `for (${object} record : records) {`,
        indent(
          [
            'SwyErrorLog.Entry entry = config.logEntry(messageFor(record, runKey, attempts));',
            'entry.status = retry ? SwyErrorLog.STATUS_RETRYING : SwyErrorLog.STATUS_FAILED;',
            'entry.category = category;',
            'entry.nextAttemptAt = retry ? nextAttemptAt : null;',
            'entry.errorMessage = result.errorMessage;',
            'entry.httpStatus = result.statusCode;',
            'entry.response = result.body;',
            'SwyErrorLog.add(entry);',
          ].join('\n'),
        ),
        '}',
        'failedRecords += records.size();',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const messageFor = [
    doc('One record as a message of its own, so the sweeper can resend it alone.', [
      ['param', 'record the record'],
      ['param', 'runKey operation and job id'],
      ['param', 'attempts attempts made so far'],
      ['return', 'a message keyed by run and record'],
    ]),
    `private static SwyMessage messageFor(${object} record, String runKey, Integer attempts) {`,
    indent(
      [
        `SwyMessage message = new SwyMessage(OPERATION_NAME, JSON.serialize(payloadOf(new List<${object}>{ record })), runKey + ':' + record.${key});`,
        'message.correlationId = runKey;',
        'message.relatedRecordId = record.Id;',
        'message.attempts = attempts;',
        'return message;',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const payloadOf = [
    doc(
      `The request body: a JSON array with one object per record, keyed by field API name, each carrying its ${key}.`,
      [
        ['param', 'records the records'],
        ['return', 'the list to serialize'],
      ],
    ),
    `private static List<Map<String, Object>> payloadOf(List<${object}> records) {`,
    indent(
      [
        'List<Map<String, Object>> payload = new List<Map<String, Object>>();',
        `for (${object} record : records) {`,
        indent(
          [
            'payload.add(new Map<String, Object>{',
            indent(
              fields
                .filter((f) => f !== 'Id')
                .map((f) => `${str(f)} => record.${f}`)
                .join(',\n'),
            ),
            '});',
          ].join('\n'),
        ),
        '}',
        'return payload;',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const shapes = [
    doc('The documented answer shape.'),
    'private class SyncAnswer {',
    indent('List<RecordResult> results;'),
    '}',
    '',
    doc('The result of one record.'),
    'private class RecordResult {',
    indent('String key;\nBoolean success;\nString message;'),
    '}',
  ].join('\n');

  return [
    doc(
      `Batch sync of ${operation.name}: ${operation.description} Scheduled with ${operation.schedule}. Each run sends the ${object} records whose SystemModstamp is at or after the watermark ` +
        `(Integration_Sync_State__c.Last_Success_At__c of ${operation.name}; the first run sends every record whose ${key} is set), ${operation.batchSize} per chunk, ` +
        `with ONE ${operation.method} ${operation.path} per chunk through ${system.name} (${operation.timeoutSeconds} s timeout). ` +
        `The body is a JSON array of records keyed by field API name, each carrying ${key}. Failures are logged record by record (never all-or-nothing); ` +
        'the watermark moves only when no chunk failed as a whole, so such a chunk is sent again by the next run as well as retried by the sweeper.',
      [
        ['group', 'Switchyard Generated'],
        ['see', operationClass],
        ['example', `${name}.schedule();`],
      ],
    ),
    `public with sharing class ${name} implements Database.Batchable<SObject>, Database.AllowsCallouts, Database.Stateful, Schedulable {`,
    indent(
      members(
        constants,
        state,
        schedule.method,
        start,
        execute,
        finish,
        schedulable,
        logRejected,
        rejectionsIn,
        failChunk,
        messageFor,
        payloadOf,
        shapes,
      ),
    ),
    '}',
    '',
  ].join('\n');
}

function batchTest(model: Model, operation: BatchSyncModel, name: string): string {
  const test = testsAs(INTEGRATION_USER);
  const { object, idempotencyKey: key } = operation;
  const setup =
    object === 'Order'
      ? [
          "Account account = new Account(Name = 'Switchyard Test Account');",
          'insert as system account;',
          'insert as system new List<Order>{',
          indent(
            [
              `new Order(AccountId = account.Id, EffectiveDate = Date.today(), Status = 'Draft', ${key} = ACCEPTED),`,
              `new Order(AccountId = account.Id, EffectiveDate = Date.today(), Status = 'Draft', ${key} = REJECTED)`,
            ].join('\n'),
          ),
          '};',
        ]
      : [
          `insert as system new List<${object}>{`,
          indent(
            [`${customRecord(model, operation, 'ACCEPTED')},`, customRecord(model, operation, 'REJECTED')].join('\n'),
          ),
          '};',
        ];
  const stateQuery = `[SELECT Last_Success_At__c, Last_Run_At__c, Last_Run_Failures__c FROM Integration_Sync_State__c WHERE Operation__c = :OPERATION WITH SYSTEM_MODE]`;
  const logQuery = `[SELECT Status__c, Error_Category__c, Error_Message__c, Related_Record_Id__c, Idempotency_Key__c FROM Integration_Error_Log__c WHERE Operation__c = :OPERATION WITH SYSTEM_MODE]`;
  const run = [
    'createRecords();',
    'Test.startTest();',
    `Database.executeBatch(new ${name}(), ${name}.BATCH_SIZE);`,
    'Test.stopTest();',
  ];
  const methods = [
    test('sendsOneCalloutPerChunkAndLogsRejectedRecords', [
      'SwyHttpCalloutMock mock = new SwyHttpCalloutMock().ok(\'{"results":[{"key":"\' + ACCEPTED + \'","success":true},{"key":"\' + REJECTED + \'","success":false,"message":"Unknown customer"}]}\');',
      'Test.setMock(HttpCalloutMock.class, mock);',
      ...run,
      `Assert.areEqual(1, mock.requests.size(), 'One callout for the chunk, not one per record');`,
      `List<Object> sent = (List<Object>) JSON.deserializeUntyped(mock.requests[0].getBody());`,
      `Assert.areEqual(2, sent.size(), 'Both records are in the body');`,
      `List<Integration_Error_Log__c> rows = ${logQuery};`,
      `Assert.areEqual(1, rows.size(), 'Only the rejected record is logged');`,
      `Assert.isTrue(rows[0].Idempotency_Key__c.endsWith(REJECTED), 'The row is keyed by run and record');`,
      `Assert.areEqual(SwyErrorLog.STATUS_FAILED, rows[0].Status__c, 'A rejected record waits for a person');`,
      `Assert.areEqual('Unknown customer', rows[0].Error_Message__c, 'The system\\'s reason is kept');`,
      `Integration_Sync_State__c state = ${stateQuery};`,
      `Assert.isNotNull(state.Last_Success_At__c, 'A run without a failed chunk moves the watermark');`,
      `Assert.areEqual(1, state.Last_Run_Failures__c, 'The rejected record is counted');`,
    ]),
    test('keepsTheWatermarkWhenTheChunkFails', [
      'Datetime previous = Datetime.now().addDays(-3);',
      'insert as system new Integration_Sync_State__c(Name = OPERATION, Operation__c = OPERATION, Last_Success_At__c = previous);',
      "Test.setMock(HttpCalloutMock.class, new SwyHttpCalloutMock().status(500, 'down'));",
      ...run,
      `List<Integration_Error_Log__c> rows = ${logQuery};`,
      `Assert.areEqual(2, rows.size(), 'Every record of the failed chunk is logged');`,
      'for (Integration_Error_Log__c row : rows) {',
      indent(
        operation.retry.maxAttempts > 1
          ? `Assert.areEqual(SwyErrorLog.STATUS_RETRYING, row.Status__c, 'A 500 is retried by the sweeper');`
          : `Assert.areEqual(SwyErrorLog.STATUS_FAILED, row.Status__c, 'No retry is declared');`,
      ),
      '}',
      `Integration_Sync_State__c state = ${stateQuery};`,
      `Assert.areEqual(previous.getTime() / 1000, state.Last_Success_At__c.getTime() / 1000, 'The watermark stays, so the next run sends the chunk again');`,
      `Assert.areEqual(2, state.Last_Run_Failures__c, 'Both records are counted as failed');`,
      `Assert.isNotNull(state.Last_Run_At__c, 'The run itself is recorded');`,
    ]),
    test('keepsTheWatermarkOnATimeout', [
      'Test.setMock(HttpCalloutMock.class, new SwyHttpCalloutMock().timeout());',
      ...run,
      `Assert.isNull(${stateQuery}.Last_Success_At__c, 'No watermark after a run whose chunk timed out');`,
      `Assert.areEqual(SwyErrorLog.CATEGORY_RETRYABLE, ${logQuery}[0].Error_Category__c, 'A timeout is retryable');`,
    ]),
    test('schedulesWithTheDeclaredCron', [
      "Test.setMock(HttpCalloutMock.class, new SwyHttpCalloutMock().ok('{}'));",
      'Test.startTest();',
      `${name}.schedule();`,
      'Test.stopTest();',
      `CronTrigger scheduled = [SELECT CronExpression FROM CronTrigger WHERE CronJobDetail.Name = :${name}.JOB_NAME WITH SYSTEM_MODE];`,
      `Assert.areEqual(${name}.CRON_EXPRESSION, scheduled.CronExpression, 'The declared schedule');`,
    ]),
  ];
  return testClass(
    name,
    `Behaviour of ${name}: one callout per chunk, rejected records logged one by one, the watermark kept when a chunk fails.`,
    members(
      [
        `private static final String OPERATION = ${str(operation.name)};`,
        "private static final String ACCEPTED = 'SYNC-ACCEPTED-1';",
        "private static final String REJECTED = 'SYNC-REJECTED-2';",
      ].join('\n'),
      [
        '// Made by the running user, so the test does not depend on the org-wide sharing defaults.',
        'private static void createRecords() {',
        indent(setup.join('\n')),
        '}',
      ].join('\n'),
      ...methods,
    ),
  );
}

function customRecord(model: Model, operation: BatchSyncModel, keyConstant: string): string {
  const object = model.objects.find((o) => o.apiName === operation.object);
  const required = (object?.fields ?? [])
    .filter((f) => f.required && f.name !== operation.idempotencyKey)
    .map((f) => `${f.name} = ${sampleValue(f)}`);
  const name = object?.nameField.type === 'Text' ? ["Name = 'Switchyard Test'"] : [];
  return `new ${operation.object}(${[...name, ...required, `${operation.idempotencyKey} = ${keyConstant}`].join(', ')})`;
}
