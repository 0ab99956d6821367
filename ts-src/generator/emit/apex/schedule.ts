/**
 * A generated static `schedule()` method for a declared cron expression, one `System.schedule` per
 * minute mark (model/cron.ts says why).
 */
import { apexCronExpressions } from '../../model/cron';
import type { SourceLocation } from '../../model/types';
import { doc, indent, str, stringList } from './apex';
import { APEX_SCHEDULER_DOC } from './limits';

/**
 * Constants and a `schedule()` method that schedules `new <className>()` with the declared cron.
 * The job is named after the declaration, so a second call fails loudly instead of doubling runs.
 */
export function scheduleMembers(
  className: string,
  declarationName: string,
  cron: string,
  location: SourceLocation,
): { constants: string; method: string } {
  const expressions = apexCronExpressions(cron, location);
  const jobName = `Switchyard ${declarationName}`;
  if (expressions.length === 1) {
    return {
      constants: [
        `// Declared schedule: ${cron}`,
        '@TestVisible',
        `private static final String CRON_EXPRESSION = ${str(expressions[0])};`,
        `@TestVisible\nprivate static final String JOB_NAME = ${str(jobName)};`,
      ].join('\n'),
      method: [
        doc(`Schedules this class with the declared cron expression (${cron}), as the current user.`, [
          ['return', 'the CronTrigger id'],
          ['example', `${className}.schedule();`],
        ]),
        'public static Id schedule() {',
        indent(`return System.schedule(JOB_NAME, CRON_EXPRESSION, new ${className}());`),
        '}',
      ].join('\n'),
    };
  }
  return {
    constants: [
      `// Declared schedule: ${cron}. Apex cron takes one minute value, so it runs as one job per minute mark.`,
      `// ${APEX_SCHEDULER_DOC}`,
      `private static final List<String> CRON_EXPRESSIONS = ${stringList(expressions)};`,
      `@TestVisible\nprivate static final String JOB_NAME = ${str(jobName)};`,
    ].join('\n'),
    method: [
      doc(
        `Schedules this class with the declared cron expression (${cron}), one job per minute mark, as the current user. System.schedule runs in a loop of one pass per minute mark: a handful, bounded by the declaration, not by data.`,
        [
          ['return', 'the CronTrigger ids'],
          ['example', `${className}.schedule();`],
        ],
      ),
      "@SuppressWarnings('PMD.OperationWithLimitsInLoop')",
      'public static List<Id> schedule() {',
      indent(
        [
          'List<Id> jobIds = new List<Id>();',
          'for (String expression : CRON_EXPRESSIONS) {',
          indent(
            `jobIds.add(System.schedule(JOB_NAME + ' ' + expression.split(' ')[1], expression, new ${className}()));`,
          ),
          '}',
          'return jobIds;',
        ].join('\n'),
      ),
      '}',
    ].join('\n'),
  };
}
