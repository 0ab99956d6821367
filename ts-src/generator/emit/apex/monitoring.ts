/**
 * Monitoring: a Schedulable that runs the runtime health check with the declared threshold,
 * window, minimum volume and alert address, and a static `schedule()` with the declared cron.
 */
import { apexClassName } from '../../model/naming';
import type { MonitoringModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { doc, indent, members, str } from './apex';
import { apexClassFiles, type DeclarationSource } from './files';
import { apexCronExpressions } from '../../model/cron';
import { scheduleMembers } from './schedule';
import { INTEGRATION_USER, testClass, testsAs } from './tests';

export function emitMonitoring(monitor: MonitoringModel): GeneratedFile[] {
  const name = apexClassName.monitor(monitor.name);
  const sources: DeclarationSource[] = [{ location: monitor.location, name: monitor.name }];
  return [
    ...apexClassFiles(name, monitorClass(monitor, name), sources),
    ...apexClassFiles(apexClassName.test(name), monitorTest(monitor, name), sources),
  ];
}

function monitorClass(monitor: MonitoringModel, name: string): string {
  const percent = `${Math.round(monitor.failureRateThreshold * 1000) / 10} %`;
  const schedule = scheduleMembers(name, monitor.name, monitor.schedule, monitor.location);
  const constants = [
    `@TestVisible\nprivate static final Decimal FAILURE_RATE_THRESHOLD = ${monitor.failureRateThreshold};`,
    `private static final Integer WINDOW_MINUTES = ${monitor.windowMinutes};`,
    `@TestVisible\nprivate static final Integer MINIMUM_VOLUME = ${monitor.minimumVolume};`,
    `private static final String ALERT_EMAIL = ${str(monitor.alertEmail)};`,
    schedule.constants,
  ].join('\n');
  const execute = [
    doc('Runs the health check.', [['param', 'context the schedulable context']]),
    'public void execute(SchedulableContext context) {',
    indent('check();'),
    '}',
  ].join('\n');
  const check = [
    doc(
      `Evaluates every integration over the last ${monitor.windowMinutes} minutes and alerts (Integration_Alert__e and an email to ${monitor.alertEmail}) on each whose failure rate reaches ${percent} with at least ${monitor.minimumVolume} messages.`,
      [
        ['return', 'the integrations over the threshold'],
        ['example', `List<SwyHealthCheck.Result> breaches = new ${name}().check();`],
      ],
    ),
    'public List<SwyHealthCheck.Result> check() {',
    indent('return SwyHealthCheck.run(FAILURE_RATE_THRESHOLD, WINDOW_MINUTES, MINIMUM_VOLUME, ALERT_EMAIL);'),
    '}',
  ].join('\n');
  return [
    doc(
      `Health check ${monitor.name}: alerts when an integration's failure rate over ${monitor.windowMinutes} minutes reaches ${percent} (at least ${monitor.minimumVolume} messages). Scheduled with ${monitor.schedule}.`,
      [
        ['group', 'Switchyard Generated'],
        ['see', 'SwyHealthCheck'],
      ],
    ),
    `public with sharing class ${name} implements Schedulable {`,
    indent(members(constants, schedule.method, execute, check)),
    '}',
    '',
  ].join('\n');
}

function monitorTest(monitor: MonitoringModel, name: string): string {
  const test = testsAs(INTEGRATION_USER);
  const jobs = apexCronExpressions(monitor.schedule, monitor.location).length;
  const logRows = (status: string, count: string) => [
    `for (Integer i = 0; i < ${count}; i++) {`,
    indent(
      `rows.add(new Integration_Error_Log__c(Integration__c = INTEGRATION, Operation__c = 'HealthCheckTest', Status__c = ${status}, Last_Attempt_At__c = Datetime.now(), Idempotency_Key__c = 'health-' + rows.size()));`,
    ),
    '}',
  ];
  const methods = [
    test('alertsWhenTheFailureRateReachesTheThreshold', [
      'List<Integration_Error_Log__c> rows = new List<Integration_Error_Log__c>();',
      ...logRows('SwyErrorLog.STATUS_FAILED', `${name}.MINIMUM_VOLUME`),
      'insert as system rows;',
      'Test.startTest();',
      `List<SwyHealthCheck.Result> breaches = new ${name}().check();`,
      'Test.stopTest();',
      `Assert.areEqual(1, breaches.size(), 'The failing integration breaches the threshold');`,
      `Assert.areEqual(INTEGRATION, breaches[0].integration, 'The alert names the integration');`,
      `Assert.areEqual(${name}.FAILURE_RATE_THRESHOLD, breaches[0].threshold, 'Measured against the declared threshold');`,
    ]),
    test('staysQuietBelowTheMinimumVolume', [
      'List<Integration_Error_Log__c> rows = new List<Integration_Error_Log__c>();',
      ...logRows('SwyErrorLog.STATUS_FAILED', `${name}.MINIMUM_VOLUME - 1`),
      'insert as system rows;',
      `Assert.areEqual(0, new ${name}().check().size(), 'Too few messages never alert');`,
    ]),
    test('schedulesWithTheDeclaredCron', [
      `String jobNames = ${name}.JOB_NAME + '%';`,
      'Test.startTest();',
      `${name}.schedule();`,
      'Test.stopTest();',
      `Assert.areEqual(${jobs}, [SELECT COUNT() FROM CronTrigger WHERE CronJobDetail.Name LIKE :jobNames WITH SYSTEM_MODE], ${str(jobs === 1 ? 'One scheduled job' : `One scheduled job per minute mark of ${monitor.schedule}`)});`,
    ]),
  ];
  return testClass(
    name,
    `Behaviour of ${name}: it alerts at the declared threshold, stays quiet below the minimum volume, and schedules with the declared cron.`,
    members("private static final String INTEGRATION = 'Health_Test_API';", ...methods),
  );
}
