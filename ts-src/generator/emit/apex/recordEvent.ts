/**
 * Record events: per object with record-event operations, ONE trigger (`<Object>SwyRecordEvents`,
 * after insert/after update) that hands the save to SwyRecordEvents in one line, the configuration
 * class `<Object>RecordEvents` (one `SwyRecordEvents.Config` per operation: event type, saves,
 * conditions and the field-token mapping) and its test, which saves a record through the trigger
 * (built as testRecords.ts says the platform requires). Conditions, bulk publishing, the
 * once-per-change rule, the bypass and the error log live in SwyRecordEvents.
 */
import { apexClassName } from '../../model/naming';
import type { FieldModel, Model, PlatformEventModel, RecordEventModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { doc, members, str, stringSet } from './apex';
import { apexClassFiles, apexTriggerFiles, type DeclarationSource } from './files';
import { sampleValue } from './samples';
import { testRecord } from './testRecords';
import { apex } from './template';
import { INTEGRATION_USER, testClass, testsAs } from './tests';

export function emitRecordEvents(model: Model): GeneratedFile[] {
  const operations = model.operations.filter((o): o is RecordEventModel => o.pattern === 'record-event');
  const objects = [...new Set(operations.map((o) => o.object))].sort();
  return objects.flatMap((object) =>
    emitObject(
      model,
      object,
      operations.filter((o) => o.object === object),
    ),
  );
}

/** `PublishOrderActivated` -> `publishOrderActivatedConfig`. */
const configMethod = (operation: RecordEventModel) =>
  `${operation.name[0].toLowerCase()}${operation.name.slice(1)}Config`;

function eventOf(model: Model, apiName: string): PlatformEventModel {
  const event = model.events.find((e) => e.apiName === apiName);
  if (!event) throw new Error(`event ${apiName} is not in the model`);
  return event;
}

/** The declared custom fields of an object (custom object or extension of a standard one). */
function customFieldsOf(model: Model, object: string): readonly FieldModel[] {
  return (
    model.objects.find((o) => o.apiName === object)?.fields ??
    model.extensions.find((e) => e.object === object)?.fields ??
    []
  );
}

function emitObject(model: Model, object: string, operations: readonly RecordEventModel[]): GeneratedFile[] {
  const sources: DeclarationSource[] = operations.map((o) => ({ location: o.location, name: o.name }));
  const config = apexClassName.recordEvents(object);
  const trigger = apexClassName.recordEventTrigger(object);
  const contexts = ['insert', 'update'].filter((save) => operations.some((o) => o.on.includes(save as 'insert')));
  const body = apex`
    ${doc(
      `Hands every saved ${object} to SwyRecordEvents with the record-event operations ${operations.map((o) => o.name).join(', ')}. ` +
        `A trigger of its own beside any trigger of ${object} a team has: it only reads the saved records and assumes no trigger order. ` +
        `SwyRecordEvents.bypass('${object}') stops it for a transaction.`,
      [['see', 'SwyRecordEvents']],
    )}
    trigger ${trigger} on ${object}(${contexts.map((c) => `after ${c}`).join(', ')}) {
      SwyRecordEvents.handle(${config}.configs());
    }
  `;
  return [
    ...apexTriggerFiles(trigger, `${body}\n`, sources),
    ...apexClassFiles(config, configClass(model, object, config, operations), sources),
    ...apexClassFiles(apexClassName.test(config), configTest(model, object, config, trigger, operations), sources),
  ];
}

function configClass(model: Model, object: string, config: string, operations: readonly RecordEventModel[]): string {
  return apex`
    ${doc(
      `The record-event operations of ${object}, as SwyRecordEvents reads them: which saves publish which event, under which condition, with which record fields.`,
      [['see', 'SwyRecordEvents']],
    )}
    public with sharing class ${config} {
      ${doc('Names of the operations configured here.')}
      public static final Set<String> OPERATIONS = ${stringSet(operations.map((o) => o.name))};

      ${members(...operations.map((o) => configMember(model, o)))}

      ${doc(`Every record-event operation of ${object}, for its trigger.`, [['return', 'one configuration per operation']])}
      public static List<SwyRecordEvents.Config> configs() {
        return new List<SwyRecordEvents.Config>{ ${operations.map((o) => `${configMethod(o)}()`).join(', ')} };
      }
    }
  `;
}

/** An Apex literal of a condition value. */
function conditionLiteral(value: string | number | boolean): string {
  return typeof value === 'string' ? str(value) : String(value);
}

function configMember(model: Model, operation: RecordEventModel): string {
  const event = eventOf(model, operation.event);
  const type = event.apiName;
  const object = operation.object;
  const sensitive = event.fields.filter((f) => f.sensitive).map((f) => f.name);
  const calls = [
    operation.on.length < 2 && `.saves(${operation.on.includes('insert')}, ${operation.on.includes('update')})`,
    operation.whenChanged.length > 0 &&
      `.whenChanged(new List<Schema.SObjectField>{ ${operation.whenChanged.map((f) => `${object}.${f}`).join(', ')} })`,
    operation.when && `.whenEquals(${object}.${operation.when.field}, ${conditionLiteral(operation.when.equals)})`,
    ...Object.entries(operation.mapping).map(([to, from]) => `.copy(${type}.${to}, ${object}.${from})`),
    sensitive.length > 0 && `.sensitive(${stringSet(sensitive)})`,
  ].filter((call): call is string => typeof call === 'string');
  const condition = [
    `on ${operation.on.join(' and ')}`,
    operation.whenChanged.length > 0 && `when ${operation.whenChanged.join(' or ')} changed`,
    operation.when && `when ${operation.when.field} is ${JSON.stringify(operation.when.equals)}`,
  ].filter(Boolean);
  return apex`
    ${doc(`${operation.name}: ${operation.description} Publishes ${type} ${condition.join(', ')}.`, [
      ['return', 'its configuration'],
    ])}
    public static SwyRecordEvents.Config ${configMethod(operation)}() {
      return new SwyRecordEvents.Config(${str(operation.name)}, ${type}.SObjectType)
        ${calls.join('\n')};
    }
  `;
}

/** Statements that build `record`, a record of the object the platform lets a test insert (testRecords.ts). */
function insertableRecord(model: Model, object: string): string {
  const { setup, fields } = testRecord(model, object, '');
  return apex`
    ${setup}
    ${object} record = new ${object}(${fields.join(', ')});
  `;
}

function triggerTests(
  model: Model,
  object: string,
  trigger: string,
  operations: readonly RecordEventModel[],
): string[] {
  const record = insertableRecord(model, object);
  const onInsert = operations.some((o) => o.on.includes('insert'));
  const onUpdate = operations.some((o) => o.on.includes('update'));
  const test = testsAs(INTEGRATION_USER);
  return [
    test('triggerHandsEachSaveToTheRuntime', [
      apex`
        ${record}
        Test.startTest();
        insert record;
        Assert.areEqual(${onInsert ? 1 : 0}, SwyRecordEvents.recordsHandled, ${str(onInsert ? `${trigger} hands an insert to SwyRecordEvents` : `${trigger} does not run on insert`)});
        update record;
        Test.stopTest();
        Assert.areEqual(${(onInsert ? 1 : 0) + (onUpdate ? 1 : 0)}, SwyRecordEvents.recordsHandled, ${str(onUpdate ? `${trigger} hands an update to SwyRecordEvents` : `${trigger} does not run on update`)});
      `,
    ]),
    test('bypassOfTheObjectStopsItsEvents', [
      apex`
        ${record}
        SwyRecordEvents.bypass(${str(object)});
        insert record;
        update record;
        Assert.areEqual(0, SwyRecordEvents.recordsHandled, ${str(`SwyRecordEvents.bypass('${object}') stops ${trigger}`)});
        Assert.areEqual(0, SwyRecordEvents.published.size(), 'nothing is published');
      `,
    ]),
  ];
}

/** The mapping test of one operation: an in-memory record makes an event with its values. */
function mappingTest(model: Model, operation: RecordEventModel): string {
  const object = operation.object;
  const custom = new Map(customFieldsOf(model, object).map((f) => [f.name, f]));
  const mapped = Object.entries(operation.mapping).filter(([, from]) => from === 'Id' || custom.has(from));
  const values = mapped
    .filter(([, from]) => from !== 'Id')
    .map(([, from]) => `record.${from} = ${sampleValue(custom.get(from)!)};`);
  const asserts = mapped.map(([to, from]) =>
    from === 'Id'
      ? `Assert.areEqual(String.valueOf(record.Id), event.get(${str(to)}), ${str(`${to} carries the record Id`)});`
      : `Assert.areEqual(record.${from}, event.get(${str(to)}), ${str(`${to} carries ${from}`)});`,
  );
  return testsAs(INTEGRATION_USER)(`${configMethod(operation)}CopiesTheMappedFields`, [
    apex`
      SwyRecordEvents.Config config = ${apexClassName.recordEvents(object)}.${configMethod(operation)}();
      Assert.areEqual(${str(operation.name)}, config.operation, 'named after its declaration');
      Assert.areEqual(${operation.event}.SObjectType, config.eventType, ${str(`publishes ${operation.event}`)});
      ${object} record = new ${object}(Id = Id.valueOf(${object}.SObjectType.getDescribe(SObjectDescribeOptions.DEFERRED).getKeyPrefix() + '000000000001'));
      ${values}
      SObject event = config.eventOf(record);
      ${asserts}
    `,
  ]);
}

function configTest(
  model: Model,
  object: string,
  config: string,
  trigger: string,
  operations: readonly RecordEventModel[],
): string {
  return testClass(
    config,
    `Wiring of ${trigger} and ${config}: every save of ${object} reaches SwyRecordEvents with the declared operations, and each operation copies its declared fields. The runtime's behaviour is tested in SwyRecordEventsTest.`,
    members(
      `private static final List<SwyRecordEvents.Config> CONFIGS = ${config}.configs();`,
      testsAs(INTEGRATION_USER)('configsListEveryOperation', [
        apex`
          Set<String> names = new Set<String>();
          for (SwyRecordEvents.Config config : CONFIGS) {
            names.add(config.operation);
          }
          Assert.areEqual(${config}.OPERATIONS, names, 'one configuration per declared operation');
        `,
      ]),
      ...triggerTests(model, object, trigger, operations),
      ...operations.map((o) => mappingTest(model, o)),
    ),
  );
}
