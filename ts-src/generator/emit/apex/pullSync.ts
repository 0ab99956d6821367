/**
 * Pull sync: `<Op>PullSync`, the Schedulable the platform requires as a named class, which is also
 * the `SwyPullSync.Source` of its configuration (system, path, timeout, retry, breaker, object,
 * key, mapping as field tokens, paging). It has no state, so the runtime's page job (SwyPullSync,
 * itself the Queueable) carries it from page to page: no generated Queueable is needed. Its test
 * proves the wiring: the declared values, one page imported and one failed page, the schedule.
 */
import { apexClassName } from '../../model/naming';
import type { ExternalSystemModel, Model, PullSyncModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { doc, members, str, stringList } from './apex';
import { apexClassFiles, type DeclarationSource } from './files';
import { operationConfigStatements, operationConstants, systemOf } from './operationConfig';
import { sampleJson } from './samples';
import { scheduleMembers, scheduleTestLines, type ScheduleSpec } from './schedule';
import { apex } from './template';
import { INTEGRATION_USER, testClass, testsAs } from './tests';

export function emitPullSync(model: Model, operation: PullSyncModel): GeneratedFile[] {
  const system = systemOf(model, operation.system);
  const sources: DeclarationSource[] = [{ location: operation.location, name: operation.name }];
  const name = apexClassName.pullSync(operation.name);
  const schedule: ScheduleSpec = {
    className: name,
    declarationName: operation.name,
    cron: operation.schedule,
    location: operation.location,
  };
  return [
    ...apexClassFiles(name, pullClass(operation, system, name, schedule), sources),
    ...apexClassFiles(apexClassName.test(name), pullTest(operation, system, name, schedule), sources),
  ];
}

/** `.cursor('cursor', 'next')` or `.since('updatedSince', 'updatedAt')`. */
function pagingCall(operation: PullSyncModel): string {
  const { paging } = operation;
  return 'cursor' in paging
    ? `.cursor(${str(paging.cursor.param)}, ${str(paging.cursor.next)})`
    : `.since(${str(paging.since.param)}, ${str(paging.since.field)})`;
}

function pagingSummary(operation: PullSyncModel): string {
  const { paging } = operation;
  return 'cursor' in paging
    ? `each page names the next in "${paging.cursor.next}", sent back as ?${paging.cursor.param}=; a run ends at a page without one`
    : `each page asks for records changed since the greatest "${paging.since.field}" applied so far (?${paging.since.param}=), kept across runs`;
}

function pullClass(operation: PullSyncModel, system: ExternalSystemModel, name: string, spec: ScheduleSpec): string {
  const schedule = scheduleMembers(spec);
  const description =
    `Pull sync of ${operation.name}: ${operation.description} Scheduled with ${operation.schedule}; each run GETs ${operation.path} through ${system.name}, ` +
    `${operation.pageSize} records a page (?${operation.pageSizeParam}=), one Queueable per page, and upserts the "${operation.records}" of each page into ${operation.object} by ${operation.idempotencyKey}; ` +
    `${pagingSummary(operation)}. What is read and written is this class; how (one run at a time, callout, upsert, per-record log, position) is SwyPullSync.`;
  const tags: [string, string][] = [
    ['group', 'Switchyard Generated'],
    ['see', 'SwyPullSync'],
    ['example', `${name}.schedule();`],
  ];
  return apex`
    ${doc(description, tags)}
    public with sharing class ${name} implements Schedulable, SwyPullSync.Source {
      ${configConstants(operation, system)}
      ${schedule.constants}

      ${members(
        schedule.method,
        apex`
          ${doc('Starts a run unless one is in progress.', [['param', 'context the schedulable context']])}
          public void execute(SchedulableContext context) {
            SwyPullSync.start(this);
          }
        `,
        operationMember(operation),
        pullConfigMember(operation),
      )}
    }
  `.concat('\n');
}

function configConstants(operation: PullSyncModel, system: ExternalSystemModel): string {
  return apex`
    ${operationConstants(operation, system)}
    // One page is one transaction: its answer, the parsed records and the upsert (validate/pullSync.ts).
    // MAX_CHAIN_DEPTH bounds a run's pages and retries (Developer and scratch orgs stop a chain at 5).
    private static final Integer PAGE_SIZE = ${operation.pageSize};
  `;
}

function operationMember(operation: PullSyncModel): string {
  const sensitive = operation.record.filter((f) => f.sensitive).map((f) => f.name);
  return apex`
    ${doc(`How the runtime calls ${operation.name}: always GET.`, [['return', 'the declared callout, retry and breaker settings']])}
    public SwyOperationConfig operation() {
      ${operationConfigStatements(sensitive)}
    }
  `;
}

function pullConfigMember(operation: PullSyncModel): string {
  const { object } = operation;
  const maps = Object.entries(operation.mapping).map(
    ([property, field]) => `.mapTo(${str(property)}, ${object}.${field})`,
  );
  return apex`
    ${doc(`What ${operation.name} reads and writes: record property -> ${object} field, the key and the paging.`, [['return', 'the pull settings SwyPullSync runs with']])}
    public SwyPullSync.Config pullConfig() {
      return new SwyPullSync.Config(${object}.SObjectType, ${object}.${operation.idempotencyKey}, ${str(operation.records)}, PAGE_SIZE, ${str(operation.pageSizeParam)})
        ${maps}
        ${pagingCall(operation)};
    }
  `;
}

function pullTest(operation: PullSyncModel, system: ExternalSystemModel, name: string, spec: ScheduleSpec): string {
  return testClass(
    name,
    `Wiring of ${name}: the declared settings, one page imported and one refused page through SwyPullSync.start, the declared schedule. SwyPullSyncTest covers the behaviour.`,
    members(
      apex`
        private static final String OPERATION = ${str(operation.name)};
      `,
      ...wiringTests(operation, system, name, spec),
    ),
  );
}

/** A one-record last page, as the system would answer it. */
function samplePage(operation: PullSyncModel): string {
  const page: Record<string, unknown> = { [operation.records]: [sampleJson(operation.record)] };
  if ('cursor' in operation.paging) page[operation.paging.cursor.next] = null;
  return JSON.stringify(page);
}

function wiringTests(
  operation: PullSyncModel,
  system: ExternalSystemModel,
  name: string,
  spec: ScheduleSpec,
): string[] {
  const test = testsAs(INTEGRATION_USER);
  const { object, idempotencyKey: key } = operation;
  const count = `[SELECT COUNT() FROM ${object} WHERE ${key} != NULL WITH SYSTEM_MODE]`;
  const state = `[SELECT Pull_Run_Token__c, Pull_Cursor__c, Pull_Since__c, Last_Success_At__c FROM Integration_Sync_State__c WHERE Operation__c = :OPERATION WITH SYSTEM_MODE]`;
  const run = (mock: string) => [
    `SwyHttpCalloutMock mock = new SwyHttpCalloutMock()${mock};`,
    'Test.startTest();',
    'Test.setMock(HttpCalloutMock.class, mock);',
    `SwyPullSync.start(new ${name}());`,
    'Test.stopTest();',
  ];
  const endpoint = `callout:${system.name}${operation.path}${operation.path.includes('?') ? '&' : '?'}${operation.pageSizeParam}=${operation.pageSize}`;
  return [
    test('carriesTheDeclaredSettings', [
      `SwyOperationConfig config = new ${name}().operation();`,
      `Assert.areEqual(${str(system.name)}, config.namedCredential, 'The declared system');`,
      `Assert.areEqual('GET', config.method, 'A pull is a GET');`,
      `Assert.areEqual(${operation.timeoutSeconds}, config.timeoutSeconds, 'The declared timeout');`,
      `Assert.areEqual(${operation.retry.maxAttempts}, config.retry.maxAttempts, 'The declared attempts');`,
      `SwyPullSync.Config pull = new ${name}().pullConfig();`,
      `Assert.areEqual(${object}.SObjectType, pull.objectType, 'The declared object');`,
      `Assert.areEqual(${object}.${key}, pull.keyField, 'The declared key');`,
      `Assert.areEqual(${operation.pageSize}, pull.pageSize, 'The declared page size');`,
      `Assert.areEqual(${stringList(Object.keys(operation.mapping))}, pull.properties, 'The mapped record properties');`,
    ]),
    test('importsAPageAndEndsTheRun', [
      ...run(`.ok(${str(samplePage(operation))})`),
      `Assert.areEqual(1, mock.requests.size(), 'One callout for the one page');`,
      `Assert.areEqual(${str(endpoint)}, mock.requests[0].getEndpoint(), 'The declared path and page size');`,
      `Assert.areEqual(1, ${count}, 'The record is upserted by its key');`,
      `Assert.isNull(${state}.Pull_Run_Token__c, 'The last page ends the run');`,
    ]),
    test('leavesThePositionWhenAPageIsRefused', [
      ...run(`.status(400, '{"error":"bad request"}')`),
      `Assert.areEqual(0, ${count}, 'Nothing is imported');`,
      `Integration_Sync_State__c saved = ${state};`,
      `Assert.isNull(saved.Pull_Cursor__c, 'The cursor holds');`,
      `Assert.isNull(saved.Pull_Since__c, 'The since time holds');`,
      `Assert.areEqual(SwyErrorLog.STATUS_FAILED, [SELECT Status__c FROM Integration_Error_Log__c WHERE Operation__c = :OPERATION WITH SYSTEM_MODE].Status__c, 'The refused page is logged');`,
    ]),
    test('schedulesWithTheDeclaredCron', [
      `Test.setMock(HttpCalloutMock.class, new SwyHttpCalloutMock().ok(${str(samplePage(operation))}));`,
      ...scheduleTestLines(spec),
    ]),
  ];
}
