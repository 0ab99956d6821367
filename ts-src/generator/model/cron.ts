/**
 * Apex cron expressions take a single value in the seconds and minutes fields, so a declared
 * `0 0,15,30,45 * * * ?` is scheduled as four jobs, one per minute mark. Read once by validation
 * (a schedule Apex cannot run is a declaration error at its place) and by the Apex emitter.
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_scheduler.htm
 */
import { BuildFailure } from './errors';
import type { SourceLocation } from './types';

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
