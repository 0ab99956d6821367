/**
 * Turns a declared cron expression into what `System.schedule` accepts and a generated static
 * `schedule()` method. Apex cron expressions take a single value in the seconds and minutes
 * fields, so `0 0,15,30,45 * * * ?` becomes four jobs, one per minute mark.
 */
import { BuildFailure } from '../../model/errors';
import type { SourceLocation } from '../../model/types';
import { doc, indent, str, stringList } from './apex';
import { APEX_SCHEDULER_DOC } from './limits';

/** More jobs than this for one schedule would crowd the org's 100 scheduled Apex jobs. */
const MAX_JOBS_PER_SCHEDULE = 12;

export function apexCronExpressions(cron: string, location: SourceLocation): string[] {
  const fields = cron.trim().split(/\s+/);
  const fail = (message: string, fix: string): never => {
    throw new BuildFailure([{ location, rule: 'cron', message: `schedule "${cron}" ${message}`, fix }]);
  };
  if (fields.length < 6 || fields.length > 7)
    fail(
      'is not a cron expression of 6 or 7 fields (seconds first)',
      "write it as 'seconds minutes hours day month weekday', such as '0 0 2 * * ?'",
    );
  if (!/^\d+$/.test(fields[0]))
    fail('has more than one value in its seconds field, which Apex does not allow', 'use a single second, such as 0');
  const minutes =
    expandMinutes(fields[1]) ??
    fail('has a minutes field Apex cannot run', 'use minute values 0-59 such as 0,15,30,45 or */15');
  if (minutes.length > MAX_JOBS_PER_SCHEDULE) {
    fail(
      `would need ${minutes.length} scheduled jobs (Apex takes one minute value per job)`,
      `run it at most ${MAX_JOBS_PER_SCHEDULE} times an hour`,
    );
  }
  return minutes.map((minute) => [fields[0], String(minute), ...fields.slice(2)].join(' '));
}

/** `0,15` / `*\/15` / `0-5` / `7` -> the minute values, or undefined when the field cannot be read. */
function expandMinutes(field: string): number[] | undefined {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const step = /^(\*|\d+)(?:-(\d+))?(?:\/(\d+))?$/.exec(part);
    if (!step) return undefined;
    const start = step[1] === '*' ? 0 : Number(step[1]);
    const end = step[2] !== undefined ? Number(step[2]) : step[1] === '*' || step[3] !== undefined ? 59 : start;
    const by = step[3] !== undefined ? Number(step[3]) : 1;
    if (start > 59 || end > 59 || by < 1 || end < start) return undefined;
    for (let minute = start; minute <= end; minute += by) values.add(minute);
  }
  return [...values].sort((a, b) => a - b);
}

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
