/**
 * Monitoring: a Schedulable that runs the runtime health check (`SwyHealthCheck`) with the declared
 * threshold, window, minimum volume and alert address, and a static `schedule()` with the declared
 * cron. The behaviour is the runtime's; the class holds the declared values and the entry point.
 */
import { apexClassName } from '../../model/naming';
import type { MonitoringModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { doc, str } from './apex';
import { apexClassFiles, type DeclarationSource } from './files';
import { scheduleMembers, scheduleTestLines, type ScheduleSpec } from './schedule';
import { apex } from './template';
import { INTEGRATION_USER, testClass, testsAs } from './tests';

export function emitMonitoring(monitor: MonitoringModel): GeneratedFile[] {
  const name = apexClassName.monitor(monitor.name);
  const sources: DeclarationSource[] = [{ location: monitor.location, name: monitor.name }];
  const schedule: ScheduleSpec = {
    className: name,
    declarationName: monitor.name,
    cron: monitor.schedule,
    location: monitor.location,
  };
  return [
    ...apexClassFiles(name, monitorClass(monitor, name, schedule), sources),
    ...apexClassFiles(apexClassName.test(name), monitorTest(name, schedule), sources),
  ];
}

function monitorClass(monitor: MonitoringModel, name: string, spec: ScheduleSpec): string {
  const percent = `${Math.round(monitor.failureRateThreshold * 1000) / 10} %`;
  const schedule = scheduleMembers(spec);
  const summary = `Health check ${monitor.name}: alerts when an integration's failure rate over ${monitor.windowMinutes} minutes reaches ${percent} (at least ${monitor.minimumVolume} messages). Scheduled with ${monitor.schedule}.`;
  const check =
    `Evaluates every integration over the last ${monitor.windowMinutes} minutes and alerts (Integration_Alert__e and an email to ${monitor.alertEmail}) ` +
    `on each whose failure rate reaches ${percent} with at least ${monitor.minimumVolume} messages.`;
  return apex`
    ${doc(summary, [
      ['group', 'Switchyard Generated'],
      ['see', 'SwyHealthCheck'],
    ])}
    public with sharing class ${name} implements Schedulable {
      @TestVisible
      private static final Decimal FAILURE_RATE_THRESHOLD = ${monitor.failureRateThreshold};
      private static final Integer WINDOW_MINUTES = ${monitor.windowMinutes};
      @TestVisible
      private static final Integer MINIMUM_VOLUME = ${monitor.minimumVolume};
      private static final String ALERT_EMAIL = ${str(monitor.alertEmail)};
      ${schedule.constants}

      ${schedule.method}

      ${doc('Runs the health check.', [['param', 'context the schedulable context']])}
      public void execute(SchedulableContext context) {
        check();
      }

      ${doc(check, [
        ['return', 'the integrations over the threshold'],
        ['example', `List<SwyHealthCheck.Result> breaches = new ${name}().check();`],
      ])}
      public List<SwyHealthCheck.Result> check() {
        return SwyHealthCheck.run(FAILURE_RATE_THRESHOLD, WINDOW_MINUTES, MINIMUM_VOLUME, ALERT_EMAIL);
      }
    }
  `.concat('\n');
}

function monitorTest(name: string, schedule: ScheduleSpec): string {
  const test = testsAs(INTEGRATION_USER);
  const logRows = (status: string, count: string) => apex`
    List<Integration_Error_Log__c> rows = new List<Integration_Error_Log__c>();
    for (Integer i = 0; i < ${count}; i++) {
      rows.add(new Integration_Error_Log__c(Integration__c = INTEGRATION, Operation__c = 'HealthCheckTest', Status__c = ${status}, Last_Attempt_At__c = Datetime.now(), Idempotency_Key__c = 'health-' + rows.size()));
    }
    insert as system rows;
  `;
  const methods = [
    test('alertsWhenTheFailureRateReachesTheThreshold', [
      logRows('SwyErrorLog.STATUS_FAILED', `${name}.MINIMUM_VOLUME`),
      'Test.startTest();',
      `List<SwyHealthCheck.Result> breaches = new ${name}().check();`,
      'Test.stopTest();',
      `Assert.areEqual(1, breaches.size(), 'The failing integration breaches the threshold');`,
      `Assert.areEqual(INTEGRATION, breaches[0].integration, 'The alert names the integration');`,
      `Assert.areEqual(${name}.FAILURE_RATE_THRESHOLD, breaches[0].threshold, 'Measured against the declared threshold');`,
    ]),
    test('staysQuietBelowTheMinimumVolume', [
      logRows('SwyErrorLog.STATUS_FAILED', `${name}.MINIMUM_VOLUME - 1`),
      `Assert.areEqual(0, new ${name}().check().size(), 'Too few messages never alert');`,
    ]),
    test('schedulesWithTheDeclaredCron', scheduleTestLines(schedule)),
  ];
  return testClass(
    name,
    `Behaviour of ${name}: it alerts at the declared threshold, stays quiet below the minimum volume, and schedules with the declared cron.`,
    apex`
      private static final String INTEGRATION = 'Health_Test_API';

      ${methods.join('\n\n')}
    `,
  );
}
