/**
 * Inbound events: per operation, `<Op>Consumer.config()` (the declared event, object, key, field
 * mapping as field tokens, ordering and what to do with a missing record), the trigger
 * `<Op>Trigger` on the event that hands each batch to SwyInboundEvents, and a test of that wiring.
 * Grouping, the locked read, stale and duplicate events, the upsert, logging, checkpoints and
 * trigger retries live in SwyInboundEvents.
 */
import { apexClassName } from '../../model/naming';
import type { FieldModel, InboundEventModel, Model, PlatformEventModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { doc, members, str, stringSet } from './apex';
import { sensitiveFieldsOf } from './events';
import { eventFactory } from './eventFactory';
import { apexClassFiles, apexTriggerFiles, type DeclarationSource } from './files';
import { apex } from './template';
import { testRecord } from './testRecords';
import { INTEGRATION_USER, testClass, testsAs } from './tests';

interface Context {
  operation: InboundEventModel;
  event: PlatformEventModel;
  /** Event field carrying the key (validation made sure one mapping entry writes the key). */
  keyField: FieldModel;
  consumer: string;
  trigger: string;
  sources: DeclarationSource[];
}

export function emitInboundEvents(model: Model): GeneratedFile[] {
  return model.operations
    .filter((o): o is InboundEventModel => o.pattern === 'inbound-event')
    .flatMap((operation) => {
      const ctx = contextOf(model, operation);
      return [
        ...apexClassFiles(ctx.consumer, consumerClass(ctx), ctx.sources),
        ...apexTriggerFiles(ctx.trigger, `${triggerBody(ctx)}\n`, ctx.sources),
        ...apexClassFiles(apexClassName.test(ctx.consumer), consumerTest(model, ctx), ctx.sources),
      ];
    });
}

function contextOf(model: Model, operation: InboundEventModel): Context {
  const event = model.events.find((e) => e.apiName === operation.event);
  if (!event) throw new Error(`event ${operation.event} is not in the model`);
  const carrier = Object.keys(operation.mapping).find((f) => operation.mapping[f] === operation.idempotencyKey);
  const keyField = event.fields.find((f) => f.name === carrier);
  if (!keyField) throw new Error(`${operation.name}: no event field is mapped to ${operation.idempotencyKey}`);
  return {
    operation,
    event,
    keyField,
    consumer: apexClassName.consumer(operation.name),
    trigger: apexClassName.consumerTrigger(operation.name),
    sources: [
      { location: operation.location, name: operation.name },
      { location: event.location, name: event.apiName },
    ],
  };
}

/** `<Op>Consumer`: the declaration as one builder chain of field tokens. */
function consumerClass(ctx: Context): string {
  const { operation, event, keyField } = ctx;
  const { object, idempotencyKey, mapping, orderedBy } = operation;
  const calls = [
    `.key(${event.apiName}.${keyField.name}, ${object}.${idempotencyKey})`,
    ...Object.entries(mapping)
      .filter(([eventField]) => eventField !== keyField.name)
      .map(([eventField, field]) => `.field(${event.apiName}.${eventField}, ${object}.${field})`),
    orderedBy && `.orderedBy(${event.apiName}.${orderedBy})`,
    `.sensitive(${stringSet(sensitiveFieldsOf(event))})`,
    operation.onMissingRecord === 'log' && '.logsMissing()',
  ].filter((call): call is string => typeof call === 'string');
  const summary =
    `Configuration of ${operation.name}: ${operation.description} ${event.apiName} events that ${operation.source} publishes are applied to the ${object} ` +
    `whose ${idempotencyKey} equals the event's ${keyField.name}` +
    (operation.onMissingRecord === 'log' ? ' (an event naming no record is logged)' : ' (created when none has it)') +
    (orderedBy
      ? `; an event whose ${orderedBy} is older than the record's ${mapping[orderedBy]} changes nothing.`
      : '; the latest event wins.');
  return (
    apex`
    ${doc(summary, [
      ['group', 'Switchyard Generated'],
      ['see', 'SwyInboundEvents'],
    ])}
    public with sharing class ${ctx.consumer} {
      private static final String OPERATION_NAME = ${str(operation.name)};
      private static final String SOURCE = ${str(operation.source)};

      ${doc(`How SwyInboundEvents applies ${operation.name}: event field -> ${object} field, as declared.`, [
        ['return', `the configuration ${ctx.trigger} hands to SwyInboundEvents.handle`],
      ])}
      public static SwyInboundEvents.Config config() {
        return new SwyInboundEvents.Config(OPERATION_NAME, SOURCE, ${event.apiName}.SObjectType, ${object}.SObjectType)
          ${calls.join('\n')};
      }
    }
  ` + '\n'
  );
}

function triggerBody(ctx: Context): string {
  const { operation, event } = ctx;
  return apex`
    ${doc(
      `Applies every ${event.apiName} event ${operation.source} publishes to its ${operation.object} through SwyInboundEvents (${operation.name}).`,
      [['see', 'SwyInboundEvents']],
    )}
    trigger ${ctx.trigger} on ${event.apiName}(after insert) {
      SwyInboundEvents.handle(Trigger.new, ${ctx.consumer}.config());
    }
  `;
}

/** The key of the test record, valid for the event field and the object field. */
function keyLiteral(ctx: Context, model: Model): string {
  const target = objectField(model, ctx.operation.object, ctx.operation.idempotencyKey);
  if (ctx.keyField.kind === 'Number') return '424242';
  if (target?.kind === 'Email') return str('switchyard-key@example.com');
  const max = Math.min(ctx.keyField.length ?? 40, target?.length ?? 40);
  return str('SWY-TEST-KEY-1'.slice(0, max));
}

function objectField(model: Model, object: string, name: string): FieldModel | undefined {
  const declared = model.objects.find((o) => o.apiName === object)?.fields;
  const extended = model.extensions.find((e) => e.object === object)?.fields;
  return (declared ?? extended ?? []).find((f) => f.name === name);
}

/** A mapped text field whose value the test can compare exactly, if there is one. */
function checkedField(ctx: Context): [string, string] | undefined {
  return Object.entries(ctx.operation.mapping).find(
    ([eventField]) =>
      eventField !== ctx.keyField.name && ctx.event.fields.find((f) => f.name === eventField)?.kind === 'Text',
  );
}

const LOGS = `[SELECT Status__c FROM Integration_Error_Log__c WHERE Operation__c = :OPERATION WITH SYSTEM_MODE]`;

/** The record of KEY, with the field the test compares. */
function recordQuery(ctx: Context): string {
  const checked = checkedField(ctx);
  const { object, idempotencyKey } = ctx.operation;
  return `[SELECT Id${checked ? `, ${checked[1]}` : ''} FROM ${object} WHERE ${idempotencyKey} = :KEY WITH SYSTEM_MODE]`;
}

/** Statements that publish one event with the given key through the bus and let the trigger run. */
function deliver(ctx: Context, key: string): string {
  return apex`
    List<${ctx.event.apiName}> events = ${eventFactory(ctx.event).call('1')};
    events[0].${ctx.keyField.name} = ${key};
    Test.startTest();
    List<Database.SaveResult> published = EventBus.publish(events);
    Test.getEventBus().deliver();
    Test.stopTest();
  `;
}

/** An unknown key logged (`onMissingRecord: 'log'`), or an event without its key refused by the bus. */
function failureTest(ctx: Context): string {
  const test = testsAs(INTEGRATION_USER);
  const { object } = ctx.operation;
  if (ctx.operation.onMissingRecord === 'log') {
    return test('logsAnEventWhoseKeyNoRecordHas', [
      deliver(ctx, 'KEY'),
      apex`
        Assert.isTrue(published[0].isSuccess(), 'The event is published');
        List<Integration_Error_Log__c> rows = ${LOGS};
        Assert.areEqual(1, rows.size(), ${str(`An event naming no ${object} is logged, not lost`)});
        Assert.areEqual(SwyErrorLog.STATUS_FAILED, rows[0].Status__c, 'It waits for a person or a republish');
        Assert.areEqual(0, ${recordQuery(ctx)}.size(), ${str(`No ${object} is created`)});
      `,
    ]);
  }
  return test('refusesAnEventWithoutItsKey', [
    deliver(ctx, 'null'),
    apex`
      Assert.isFalse(published[0].isSuccess(), ${str(`${ctx.keyField.name} is required: the bus refuses the event`)});
      Assert.areEqual(0, ${LOGS}.size(), 'Nothing reached the consumer');
    `,
  ]);
}

/**
 * The consumer's own wiring, not SwyInboundEvents' behaviour again: the declared configuration, a
 * published event applied to its record through the trigger, and one failure path (failureTest).
 */
function consumerTest(model: Model, ctx: Context): string {
  const test = testsAs(INTEGRATION_USER);
  const { operation, event, keyField } = ctx;
  const { object } = operation;
  const checked = checkedField(ctx);
  const methods = [
    test('carriesTheDeclaredConfiguration', [configAssertions(ctx)]),
    test('appliesAPublishedEventToItsRecord', [
      'createRecord();',
      deliver(ctx, 'KEY'),
      apex`
        Assert.isTrue(published[0].isSuccess(), 'The event is published');
        List<${object}> records = ${recordQuery(ctx)};
        Assert.areEqual(1, records.size(), ${str(`The ${object} of the key is updated, not duplicated`)});
        ${checked && `Assert.areEqual(events[0].${checked[0]}, records[0].${checked[1]}, ${str(`${checked[0]} is written to ${checked[1]}`)});`}
        Assert.areEqual(0, ${LOGS}.size(), 'Nothing is logged');
      `,
    ]),
    failureTest(ctx),
  ];
  return testClass(
    ctx.consumer,
    `Wiring of ${ctx.consumer} and ${ctx.trigger}: the declared configuration, one published ${event.apiName} applied to its ${object}, and one refused. SwyInboundEventsTest covers the behaviour.`,
    members(
      apex`
        private static final String OPERATION = ${str(operation.name)};
        private static final ${keyField.kind === 'Number' ? 'Decimal' : 'String'} KEY = ${keyLiteral(ctx, model)};
      `,
      ...methods,
      apex`
        // Made in system mode, so the test does not depend on the org-wide sharing defaults.
        private static void createRecord() {
          ${setupRecord(model, ctx)}
        }
      `,
      eventFactory(event).method,
    ),
  );
}

function configAssertions(ctx: Context): string {
  const { operation, event, keyField } = ctx;
  const { object, idempotencyKey, orderedBy } = operation;
  return apex`
    SwyInboundEvents.Config config = ${ctx.consumer}.config();
    Assert.areEqual(OPERATION, config.operationName, 'The declared name');
    Assert.areEqual(${str(operation.source)}, config.source, 'The declared publisher');
    Assert.areEqual(${event.apiName}.SObjectType, config.eventType, 'The declared event');
    Assert.areEqual(${object}.SObjectType, config.objectType, 'The declared object');
    Assert.areEqual(${event.apiName}.${keyField.name}, config.eventKey, 'The event field carrying the key');
    Assert.areEqual(${object}.${idempotencyKey}, config.objectKey, 'The declared idempotency key');
    Assert.areEqual(${Object.keys(operation.mapping).length}, config.eventFields.size(), 'Every mapped field');
    ${orderedBy ? `Assert.areEqual(${event.apiName}.${orderedBy}, config.orderedByEvent, 'The declared order');` : "Assert.isNull(config.orderedByEvent, 'No order declared: the latest event wins');"}
    Assert.areEqual(${String(operation.onMissingRecord === 'create')}, config.createsMissing, ${str(`onMissingRecord: ${operation.onMissingRecord}`)});
  `;
}

/** The record an event is applied to, with what the platform and the declarations require on create. */
function setupRecord(model: Model, ctx: Context): string[] {
  const { object, idempotencyKey } = ctx.operation;
  const { setup, fields } = testRecord(model, object, idempotencyKey);
  return [...setup, `insert as system new ${object}(${[...fields, `${idempotencyKey} = KEY`].join(', ')});`];
}
