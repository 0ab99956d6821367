/**
 * A generated static `schedule()` method for a declared cron expression, one `System.schedule` per
 * minute mark (model/cron.ts says why), and the test statements that prove it.
 */
import { apexCronExpressions } from '../../model/cron';
import type { SourceLocation } from '../../model/types';
import { doc, str, stringList } from './apex';
import { APEX_SCHEDULER_DOC } from './limits';
import { apex } from './template';

/** What a class is scheduled with: its name, the declaration's name and cron, where declared. */
export interface ScheduleSpec {
  className: string;
  declarationName: string;
  cron: string;
  location: SourceLocation;
}

const jobName = (spec: ScheduleSpec) => `Switchyard ${spec.declarationName}`;

/**
 * Constants and a `schedule()` method that schedules `new <className>()` with the declared cron.
 * The job is named after the declaration, so a second call fails loudly instead of doubling runs.
 */
export function scheduleMembers(spec: ScheduleSpec): { constants: string; method: string } {
  const expressions = apexCronExpressions(spec.cron, spec.location);
  return expressions.length === 1 ? singleSchedule(spec, expressions[0]) : perMinuteMark(spec, expressions);
}

function singleSchedule(spec: ScheduleSpec, expression: string): { constants: string; method: string } {
  const { className, cron } = spec;
  return {
    constants: apex`
      // Declared schedule: ${cron}
      @TestVisible
      private static final String CRON_EXPRESSION = ${str(expression)};
      @TestVisible
      private static final String JOB_NAME = ${str(jobName(spec))};
    `,
    method: apex`
      ${doc(`Schedules this class with the declared cron expression (${cron}), as the current user.`, [
        ['return', 'the CronTrigger id'],
        ['example', `${className}.schedule();`],
      ])}
      public static Id schedule() {
        return System.schedule(JOB_NAME, CRON_EXPRESSION, new ${className}());
      }
    `,
  };
}

function perMinuteMark(spec: ScheduleSpec, expressions: readonly string[]): { constants: string; method: string } {
  const { className, cron } = spec;
  const description =
    `Schedules this class with the declared cron expression (${cron}), one job per minute mark, as the current user. ` +
    'System.schedule runs in a loop of one pass per minute mark: a handful, bounded by the declaration, not by data.';
  return {
    constants: apex`
      // Declared schedule: ${cron}. Apex cron takes one minute value, so it runs as one job per minute mark.
      // ${APEX_SCHEDULER_DOC}
      private static final List<String> CRON_EXPRESSIONS = ${stringList(expressions)};
      @TestVisible
      private static final String JOB_NAME = ${str(jobName(spec))};
    `,
    method: apex`
      ${doc(description, [
        ['return', 'the CronTrigger ids'],
        ['example', `${className}.schedule();`],
      ])}
      @SuppressWarnings('PMD.OperationWithLimitsInLoop')
      public static List<Id> schedule() {
        List<Id> jobIds = new List<Id>();
        for (String expression : CRON_EXPRESSIONS) {
          jobIds.add(System.schedule(JOB_NAME + ' ' + expression.split(' ')[1], expression, new ${className}()));
        }
        return jobIds;
      }
    `,
  };
}

/**
 * Statements of a test that `schedule()` schedules the class with the declared cron: the one
 * expression itself, or one job per minute mark.
 */
export function scheduleTestLines(spec: ScheduleSpec): string[] {
  const { className, cron } = spec;
  const jobs = apexCronExpressions(cron, spec.location).length;
  const run = ['Test.startTest();', `${className}.schedule();`, 'Test.stopTest();'];
  if (jobs === 1) {
    return [
      ...run,
      `CronTrigger scheduled = [SELECT CronExpression FROM CronTrigger WHERE CronJobDetail.Name = :${className}.JOB_NAME WITH SYSTEM_MODE];`,
      `Assert.areEqual(${className}.CRON_EXPRESSION, scheduled.CronExpression, 'The declared schedule');`,
    ];
  }
  return [
    `String jobNames = ${className}.JOB_NAME + '%';`,
    ...run,
    `Assert.areEqual(${jobs}, [SELECT COUNT() FROM CronTrigger WHERE CronJobDetail.Name LIKE :jobNames WITH SYSTEM_MODE], ${str(`One scheduled job per minute mark of ${cron}`)});`,
  ];
}
