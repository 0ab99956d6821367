/**
 * A typed publisher for each Platform Event that a fire-and-forget operation consumes: the event's
 * declared sensitive fields and the field naming its record, handed to the runtime's
 * SwyEventPublisher (bulk publish, every SaveResult checked, refused events logged), and the event's
 * JSON form (`payloadOf`), which the generated trigger handler sends. Events that only a call-in
 * publishes need no class of their own: SwyCallIn publishes them through SwyEventPublisher.
 */
import { apexClassName } from '../../model/naming';
import type { Model, PlatformEventModel } from '../../model/types';
import { doc, str, stringSet } from './apex';
import { eventFactory } from './eventFactory';
import { apexClassFiles, type DeclarationSource } from './files';
import { apex } from './template';
import { INTEGRATION_USER, testClass, testsAs } from './tests';
import type { GeneratedFile } from '../types';

/** Events that get a typed publisher: those a fire-and-forget operation consumes. */
export function publishedEvents(model: Model): PlatformEventModel[] {
  const names = new Set(model.operations.flatMap((o) => (o.pattern === 'fire-and-forget' ? [o.event] : [])));
  return model.events.filter((event) => names.has(event.apiName));
}

/** The event field that holds the Salesforce record an event is about, if an operation names one. */
export function recordIdField(model: Model, event: PlatformEventModel): string | undefined {
  for (const operation of model.operations) {
    if (operation.pattern === 'fire-and-forget' && operation.event === event.apiName && operation.relatedRecordField) {
      return operation.relatedRecordField;
    }
    if (operation.pattern === 'ui-update' && operation.event === event.apiName) return operation.recordIdField;
  }
  return undefined;
}

/** Declared names of the fields redacted wherever the event's JSON is logged. */
export function sensitiveFieldsOf(event: PlatformEventModel): string[] {
  return event.fields.filter((f) => f.sensitive).map((f) => f.name);
}

export function emitPublisher(model: Model, event: PlatformEventModel): GeneratedFile[] {
  const name = apexClassName.publisher(event.apiName);
  const source: DeclarationSource[] = [{ location: event.location, name: event.apiName }];
  return [
    ...apexClassFiles(name, publisherClass(model, event, name), source),
    ...apexClassFiles(apexClassName.test(name), publisherTest(model, event, name), source),
  ];
}

function publisherClass(model: Model, event: PlatformEventModel, name: string): string {
  const type = event.apiName;
  const recordField = recordIdField(model, event);
  const after =
    event.publishBehavior === 'PublishAfterCommit'
      ? `${type} is published after commit: nothing goes out if the publishing transaction rolls back.`
      : `${type} is published immediately, even if the publishing transaction rolls back.`;
  const classDoc = doc(
    `Typed publisher of ${type}: ${event.description ?? event.label} ${after} The declared values are here; publishing and the logging of refused events are SwyEventPublisher's.`,
    [
      ['group', 'Switchyard Generated'],
      ['see', 'SwyEventPublisher'],
    ],
  );
  const publishDoc = doc(
    `Publishes the events with one EventBus.publish; each refused event becomes a Failed / Publish_Failed error-log row${recordField ? ` related to its ${recordField}` : ''}.`,
    [
      ['param', 'events the events to publish'],
      ['return', 'one SaveResult per event, in order'],
      ['example', `${name}.publish(new List<${type}>{ event });`],
    ],
  );
  const payloadDoc = doc(
    "The event's fields keyed by API name: the JSON body its consumers send and the error log stores.",
    [
      ['param', 'event the event'],
      ['return', 'field API name to value'],
    ],
  );
  const related = recordField ? `${type}.${recordField}` : 'null';
  return `${apex`
    ${classDoc}
    public with sharing class ${name} {
      ${doc('Fields redacted wherever the JSON form of an event is logged.')}
      public static final Set<String> SENSITIVE_FIELDS = ${stringSet(sensitiveFieldsOf(event))};

      ${publishDoc}
      public static List<Database.SaveResult> publish(List<${type}> events) {
        return SwyEventPublisher.publish(events, SENSITIVE_FIELDS, ${related});
      }

      ${payloadDoc}
      public static Map<String, Object> payloadOf(${type} event) {
        return SwyEventPublisher.payloadOf(event);
      }
    }
  `}\n`;
}

function publisherTest(model: Model, event: PlatformEventModel, name: string): string {
  const test = testsAs(INTEGRATION_USER);
  const type = event.apiName;
  const required = event.fields.find((f) => f.required);
  const sensitive = event.fields.find((f) => f.sensitive);
  const recordField = recordIdField(model, event);
  const factory = eventFactory(event);
  const logged = `[SELECT Status__c, Error_Category__c, Payload__c, Related_Record_Id__c FROM Integration_Error_Log__c WHERE Integration__c = ${str(type)} WITH SYSTEM_MODE]`;
  const published = test('publishesThroughTheRuntime', [
    `List<Database.SaveResult> results = ${name}.publish(${factory.call('2')});`,
    `Assert.isTrue(results[0].isSuccess() && results[1].isSuccess(), 'Valid events are accepted: ' + results);`,
    `Assert.areEqual(2, SwyEventPublisher.published.size(), 'Both went through SwyEventPublisher');`,
    `Assert.areEqual(${stringSet(sensitiveFieldsOf(event))}, ${name}.SENSITIVE_FIELDS, 'The declared sensitive fields');`,
    `Assert.areEqual(${event.fields.length}, ${name}.payloadOf(${factory.call('1')}[0]).size(), 'One payload entry per declared field');`,
  ]);
  const refused =
    required &&
    test(
      'logsARefusedEventWithTheDeclaredFields',
      [
        `List<${type}> events = ${factory.call('1')};`,
        ...(recordField && recordField !== required.name ? [`events[0].${recordField} = UserInfo.getUserId();`] : []),
        `events[0].${required.name} = null;`,
        `Assert.isFalse(${name}.publish(events)[0].isSuccess(), 'An event without its required ${required.name} is refused');`,
        `List<Integration_Error_Log__c> rows = ${logged};`,
        `Assert.areEqual(SwyErrorLog.CATEGORY_PUBLISH_FAILED, rows[0].Error_Category__c, 'The refused event is logged');`,
        sensitive &&
          `Assert.isFalse(rows[0].Payload__c.contains(events[0].${sensitive.name}), ${str(`${sensitive.name} is redacted`)});`,
        recordField &&
          recordField !== required.name &&
          `Assert.areEqual(UserInfo.getUserId(), rows[0].Related_Record_Id__c, ${str(`${recordField} names the related record`)});`,
      ].filter((line): line is string => typeof line === 'string'),
    );
  return testClass(
    name,
    `Wiring of ${name}: its events go through SwyEventPublisher with the declared sensitive fields and related-record field.`,
    apex`
      ${published}

      ${refused}

      ${factory.method}
    `,
  );
}
