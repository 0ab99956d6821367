/**
 * Change capture: per operation, its delivery settings with its capture (object, fields sent,
 * change types) in the generated operation class; per captured object, a change-event trigger
 * (`<Object>ChangeEvent`, after insert) that hands its batch to the runtime's SwyChangeCapture with
 * the captures of every operation of that object, and its wiring test. Re-reads, gap and overflow
 * handling live in SwyChangeCapture; chunking, checkpoints and parking in SwyEventDelivery; the
 * callouts, retries and log in SwyDeliveryJob.
 */
import type { ChangeType } from '../../../dsl';
import { ALL_CHANGE_TYPES, changeEventName, changeEventTriggerName } from '../../model/changeEvents';
import { apexClassName } from '../../model/naming';
import type { ChangeCaptureModel, Model } from '../../model/types';
import type { GeneratedFile } from '../types';
import { doc, members, str, stringList, stringSet } from './apex';
import { apexClassFiles, apexTriggerFiles, type DeclarationSource } from './files';
import { emitOperationConfig, systemOf } from './operationConfig';
import { apex } from './template';
import { testRecord } from './testRecords';
import { INTEGRATION_USER, testClass, testsAs } from './tests';

export function emitChangeCapture(model: Model): GeneratedFile[] {
  const operations = model.operations.filter((o): o is ChangeCaptureModel => o.pattern === 'change-capture');
  const files: GeneratedFile[] = [];
  for (const operation of operations) {
    files.push(
      ...emitOperationConfig({
        operation,
        system: systemOf(model, operation.system),
        sensitiveFields: sensitiveFieldsOf(model, operation),
        samplePayload: '\'{"test":true}\'',
        messageIs: `one changed ${operation.object} record as JSON (Id, changeType, commitTimestamp and the declared fields), keyed by operation, record id and the change's transaction`,
        sources: [{ location: operation.location, name: operation.name }],
        extraMembers: [captureMember(operation)],
        extraTestMembers: [captureTest(operation)],
        see: ['SwyChangeCapture'],
      }),
    );
  }
  const objects = [...new Set(operations.map((o) => o.object))].sort();
  for (const object of objects) {
    files.push(
      ...emitChangeEventTrigger(
        model,
        object,
        operations.filter((o) => o.object === object),
      ),
    );
  }
  return files;
}

/** Fields of the object that a declaration marks sensitive, among those sent. */
function sensitiveFieldsOf(model: Model, operation: ChangeCaptureModel): string[] {
  const declared = [
    ...(model.objects.find((o) => o.apiName === operation.object)?.fields ?? []),
    ...(model.extensions.find((e) => e.object === operation.object)?.fields ?? []),
  ];
  return declared.filter((f) => f.sensitive && operation.fields.includes(f.name)).map((f) => f.name);
}

/** `<Operation>Operation.capture()`: the declared object, fields and change types as tokens. */
function captureMember(operation: ChangeCaptureModel): string {
  const { object } = operation;
  const fields = operation.fields.map((f) => `${object}.${f}`).join(', ');
  return apex`
    ${doc(
      `What SwyChangeCapture sends of each ${changeEventName(object)} for ${operation.name}: the record's ${operation.fields.join(', ')} ` +
        `for ${operation.changeTypes.join(', ')} changes (gap events follow their type).`,
      [
        ['return', 'the capture the change-event trigger hands to SwyChangeCapture.handle'],
        ['see', 'SwyChangeCapture'],
      ],
    )}
    public static SwyChangeCapture.Config capture() {
      return new SwyChangeCapture.Config(new ${apexClassName.operation(operation.name)}().config(), ${object}.SObjectType)
        .fields(new List<SObjectField>{ ${fields} })
        .changeTypes(${stringSet(operation.changeTypes)});
    }
  `;
}

/** The operation test's proof of its capture: the declared object, fields and change types. */
function captureTest(operation: ChangeCaptureModel): string {
  return testsAs(INTEGRATION_USER)('captureCarriesTheDeclaredFields', [
    apex`
      SwyChangeCapture.Config capture = ${apexClassName.operation(operation.name)}.capture();
      Assert.areEqual(${operation.object}.SObjectType, capture.objectType, 'The declared object');
      Assert.areEqual(${stringList(operation.fields)}, capture.fieldNames(), 'The declared fields, in order');
      Assert.areEqual(${stringSet(operation.changeTypes)}, capture.capturedTypes, 'The declared change types');
    `,
  ]);
}

function emitChangeEventTrigger(
  model: Model,
  object: string,
  operations: readonly ChangeCaptureModel[],
): GeneratedFile[] {
  const sources: DeclarationSource[] = operations.map((o) => ({ location: o.location, name: o.name }));
  const trigger = changeEventTriggerName(object);
  const event = changeEventName(object);
  const captures = operations.map((o) => `${apexClassName.operation(o.name)}.capture()`).join(', ');
  const description =
    `Hands every ${event} to ${operations.map((o) => o.name).join(', ')} through SwyChangeCapture, which makes one message per changed record ` +
    '(re-reading what an update or a gap event does not carry) and hands them to SwyDeliveryJob as fire-and-forget does; a change-event trigger may not call out itself.';
  const body = apex`
    ${doc(description, [['see', 'SwyChangeCapture']])}
    trigger ${trigger} on ${event}(after insert) {
      SwyChangeCapture.handle(Trigger.new, new List<SwyChangeCapture.Config>{ ${captures} });
    }
  `;
  return [
    ...apexTriggerFiles(trigger, `${body}\n`, sources),
    ...apexClassFiles(apexClassName.test(trigger), triggerTest(model, object, operations, trigger), sources),
  ];
}

/** A record of the object with what it requires, saved, and its change delivered to the trigger. */
/** The statements that make a change of each type to the saved `record`, delivering what came before. */
const CHANGES: Readonly<Record<ChangeType, string>> = {
  CREATE: '',
  UPDATE: 'Test.getEventBus().deliver();\nupdate as system record;',
  DELETE: 'Test.getEventBus().deliver();\ndelete as system record;',
  UNDELETE: 'delete as system record;\nTest.getEventBus().deliver();\nundelete as system record;',
};

function saveAndDeliver(model: Model, object: string, mock: string, change: ChangeType): string {
  return apex`
    SwyHttpCalloutMock mock = new SwyHttpCalloutMock()${mock};
    Test.setMock(HttpCalloutMock.class, mock);
    // Enabled first, then the change, then the delivery to the trigger, inside startTest/stopTest:
    // https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_trigger_testing.htm
    Test.enableChangeDataCapture();
    Test.startTest();
    ${recordSetup(model, object)}
    ${CHANGES[change]}
    Test.getEventBus().deliver();
    Test.stopTest();
  `;
}

/** `record`: a new record of the object with what the platform and the declarations require, inserted. */
function recordSetup(model: Model, object: string): string {
  const { setup, fields } = testRecord(model, object, '');
  return [...setup, `${object} record = new ${object}(${fields.join(', ')});`, 'insert as system record;'].join('\n');
}

/** The wiring of one object's trigger: a change reaches every operation, and a refusal is logged. */
function triggerTest(model: Model, object: string, operations: readonly ChangeCaptureModel[], trigger: string): string {
  const test = testsAs(INTEGRATION_USER);
  // A create when an operation sends creates, else an update of a saved record.
  // The first change type, in the platform's order, that an operation of the object sends.
  const change = ALL_CHANGE_TYPES.find((type) => operations.some((o) => o.changeTypes.includes(type))) ?? 'CREATE';
  const served = operations.filter((o) => o.changeTypes.includes(change));
  const logs = `[SELECT Status__c, Idempotency_Key__c FROM Integration_Error_Log__c WHERE Operation__c IN :OPERATIONS WITH SYSTEM_MODE]`;
  const delivers = test('deliversAChangeToEveryOperation', [
    saveAndDeliver(model, object, ".ok('{}')", change),
    apex`
      Assert.areEqual(OPERATIONS.size(), mock.requests.size(), ${str(`One ${change} is sent once per operation that captures it`)});
      for (HttpRequest request : mock.requests) {
        Map<String, Object> body = (Map<String, Object>) JSON.deserializeUntyped(request.getBody());
        Assert.areEqual(String.valueOf(record.Id), body.get('Id'), 'The changed record');
        Assert.areEqual(${str(change)}, body.get('changeType'), 'The change type');
        String key = request.getHeader(SwyCalloutClient.IDEMPOTENCY_HEADER);
        Assert.isTrue(OPERATIONS.contains(key.substringBefore(':')) && key.contains(':' + record.Id + ':'), 'Keyed by operation and record: ' + key);
      }
      Assert.areEqual(0, ${logs}.size(), 'Nothing is logged when every delivery succeeds');
    `,
  ]);
  const logsFailures = test('logsAChangeTheSystemRefuses', [
    saveAndDeliver(model, object, '.status(400, \'{"error":"bad request"}\')', change),
    apex`
      List<Integration_Error_Log__c> rows = ${logs};
      Assert.areEqual(OPERATIONS.size(), rows.size(), 'One row per operation: the change is not lost');
      for (Integration_Error_Log__c row : rows) {
        Assert.areEqual(SwyErrorLog.STATUS_FAILED, row.Status__c, 'A 400 waits for a person');
      }
    `,
  ]);
  return testClass(
    trigger,
    `Wiring of ${trigger}: a ${change} of an ${object} record reaches ${served.map((o) => o.name).join(', ')} through SwyChangeCapture (Test.enableChangeDataCapture, then the event bus delivers the change). The runtime's behaviour is tested in SwyChangeCaptureTest.`,
    members(
      `private static final Set<String> OPERATIONS = ${stringSet(served.map((o) => o.name))};`,
      delivers,
      logsFailures,
    ),
  );
}
