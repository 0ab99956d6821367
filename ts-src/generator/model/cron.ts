/**
 * Salesforce cron expressions (`System.schedule`): `Seconds Minutes Hours Day_of_month Month
 * Day_of_week [optional_year]`, each field with its range and the special characters the platform
 * allows there. The whole syntax is checked here, once, by validation (a schedule Apex cannot run
 * is a declaration error pointing at the offending field inside the string), and read again by the
 * Apex emitter, which schedules one job per minute mark: Apex takes a single value in the seconds
 * and minutes fields, so a declared `0 0,15,30,45 * * * ?` becomes four jobs.
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_scheduler.htm
 */
import { BuildFailure, type DeclarationError } from './errors';
import type { SourceLocation } from './types';

/** More jobs than this for one schedule would crowd the org's 100 scheduled Apex jobs. */
export const MAX_JOBS_PER_SCHEDULE = 12;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface CronField {
  name: string;
  rule: string;
  min: number;
  max: number;
  /** Names accepted for the values, first one = `min` (JAN = 1, SUN = 1). */
  names?: readonly string[];
  /** Special characters beyond `, - * /`. */
  noSpecificValue?: boolean;
  last?: boolean;
  weekday?: boolean;
  nth?: boolean;
}

/** The fields and what each may hold (the table in apex_scheduler.htm). */
const FIELDS: readonly CronField[] = [
  { name: 'seconds', rule: 'cron-seconds', min: 0, max: 59 },
  { name: 'minutes', rule: 'cron-minutes', min: 0, max: 59 },
  { name: 'hours', rule: 'cron-hours', min: 0, max: 23 },
  {
    name: 'day-of-month',
    rule: 'cron-day-of-month',
    min: 1,
    max: 31,
    noSpecificValue: true,
    last: true,
    weekday: true,
  },
  { name: 'month', rule: 'cron-month', min: 1, max: 12, names: MONTHS },
  {
    name: 'day-of-week',
    rule: 'cron-day-of-week',
    min: 1,
    max: 7,
    names: WEEKDAYS,
    noSpecificValue: true,
    last: true,
    nth: true,
  },
  { name: 'year', rule: 'cron-year', min: 1970, max: 2099 },
];

class CronError extends Error {
  constructor(
    readonly rule: string,
    readonly offset: number,
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

/**
 * The Apex cron expressions that run `cron`: one per minute mark. Throws a BuildFailure whose
 * error points at the field that breaks a rule (the column inside the string literal).
 */
export function apexCronExpressions(cron: string, location: SourceLocation): string[] {
  try {
    return expand(cron);
  } catch (error) {
    if (!(error instanceof CronError)) throw error;
    const located: DeclarationError = {
      // The literal's location is its opening quote: the field starts `offset` characters after it.
      location: error.offset < 0 ? location : { ...location, column: location.column + 1 + error.offset },
      rule: error.rule,
      message: `schedule "${cron}" ${error.message}`,
      fix: error.fix,
    };
    throw new BuildFailure([located]);
  }
}

function expand(cron: string): string[] {
  const tokens = [...cron.matchAll(/\S+/g)].map((m) => ({ text: m[0], offset: m.index }));
  if (tokens.length < 6 || tokens.length > 7) {
    throw new CronError(
      'cron-fields',
      -1,
      `has ${tokens.length} field(s); Salesforce cron takes 6 or 7 (seconds minutes hours day-of-month month day-of-week [year])`,
      "write it as 'seconds minutes hours day-of-month month day-of-week', such as '0 0 2 * * ?'",
    );
  }
  const fields = tokens.map((token, i) => ({ ...token, spec: FIELDS[i] }));
  for (const field of fields) checkField(field.text, field.offset, field.spec);

  const [seconds, minutes, , dayOfMonth, , dayOfWeek] = fields;
  if (!/^\d+$/.test(seconds.text)) {
    throw new CronError(
      'cron-seconds',
      seconds.offset,
      `has "${seconds.text}" in its seconds field; Apex takes a single second there`,
      'use one second, such as 0',
    );
  }
  const domUnset = dayOfMonth.text === '?';
  const dowUnset = dayOfWeek.text === '?';
  if (domUnset === dowUnset) {
    throw new CronError(
      'cron-no-specific-value',
      domUnset ? dayOfMonth.offset : dayOfWeek.offset,
      domUnset
        ? 'has ? in both day-of-month and day-of-week; exactly one of them must be ?'
        : `sets both day-of-month (${dayOfMonth.text}) and day-of-week (${dayOfWeek.text}); Salesforce needs ? in one of them`,
      domUnset
        ? "give one of them a value, such as '0 0 2 * * ?' (every day) or '0 0 2 ? * MON' (Mondays)"
        : "write ? in the one you do not mean, such as '0 0 2 * * ?' or '0 0 2 ? * MON-FRI'",
    );
  }

  const minuteValues = values(minutes.text, FIELDS[1]);
  if (minuteValues.length > MAX_JOBS_PER_SCHEDULE) {
    throw new CronError(
      'cron-jobs',
      -1,
      `would need ${minuteValues.length} scheduled jobs (Apex takes one minute value per job, and an org runs at most 100 scheduled jobs)`,
      `run it at most ${MAX_JOBS_PER_SCHEDULE} times an hour, such as '0 0,15,30,45 * * * ?'`,
    );
  }
  const rest = fields.slice(2).map((f) => f.text);
  return minuteValues.map((minute) => [seconds.text, String(minute), ...rest].join(' '));
}

/** Checks one field's syntax and ranges; throws a CronError at the offending part. */
function checkField(text: string, offset: number, spec: CronField): void {
  const fail = (message: string, fix: string, at = offset): never => {
    throw new CronError(spec.rule, at, message, fix);
  };
  const range = `${spec.min}-${spec.max}${spec.names ? ` or ${spec.names[0]}-${spec.names[spec.names.length - 1]}` : ''}`;
  if (text === '?') {
    if (!spec.noSpecificValue) {
      throw new CronError(
        'cron-no-specific-value',
        offset,
        `has ? in its ${spec.name} field; ? is only for day-of-month and day-of-week`,
        `use * (every ${spec.name === 'hours' ? 'hour' : 'value'}) or a value ${range}`,
      );
    }
    return;
  }
  // Month and weekday names hold L and W (JUL, WED): look for the special characters without them.
  const bare = text
    .toUpperCase()
    .replace(/JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|SUN|MON|TUE|WED|THU|FRI|SAT/g, '');
  const only = (what: string, where: string, rule: string): never => {
    throw new CronError(
      rule,
      offset,
      `uses ${what} in its ${spec.name} field ("${text}"); ${what} is only allowed in ${where}`,
      `write the ${spec.name} with values ${range}, lists (a,b), ranges (a-b), * and steps (a/n)`,
    );
  };
  if (bare.includes('?')) only('?', 'day-of-month and day-of-week, standing alone', 'cron-no-specific-value');
  if (bare.includes('#')) return spec.nth ? checkNth(text, offset, spec) : only('#', 'day-of-week', 'cron-nth');
  if (bare.includes('L'))
    return spec.last ? checkLast(text, offset, spec) : only('L', 'day-of-month and day-of-week', 'cron-last');
  if (bare.includes('W'))
    return spec.weekday ? checkWeekday(text, offset, spec) : only('W', 'day-of-month', 'cron-weekday');
  let partOffset = offset;
  for (const part of text.split(',')) {
    const match = /^(\*|[A-Za-z0-9]+)(?:-([A-Za-z0-9]+))?(?:\/(\d+))?$/.exec(part);
    if (!match) {
      fail(
        `has "${part}" in its ${spec.name} field, which is not a value, a range (a-b), a step (a/n) or *`,
        `write the ${spec.name} as values ${range} joined by commas, ranges or steps, such as ${spec.min}-${Math.min(spec.max, spec.min + 4)} or */2`,
        partOffset,
      );
    }
    const [, startText, endText, stepText] = match!;
    const start = startText === '*' ? spec.min : valueOf(startText, spec, partOffset, fail);
    const end = endText !== undefined ? valueOf(endText, spec, partOffset, fail) : undefined;
    if (startText === '*' && endText !== undefined) {
      fail(
        `has "${part}" in its ${spec.name} field: * cannot start a range`,
        `write a range as start-end within ${range}`,
        partOffset,
      );
    }
    if (end !== undefined && end < start) {
      throw new CronError(
        'cron-range',
        partOffset,
        `has the range "${part}" in its ${spec.name} field, which runs backwards`,
        `write it start-end with start <= end, or as two ranges joined by a comma (such as ${startText}-${spec.names?.[spec.names.length - 1] ?? spec.max},${spec.names?.[0] ?? spec.min}-${endText})`,
      );
    }
    if (stepText !== undefined) {
      const step = Number(stepText);
      if (step < 1 || step > spec.max - spec.min + (spec.min === 0 ? 1 : 0)) {
        throw new CronError(
          'cron-step',
          partOffset,
          `has the step "/${stepText}" in its ${spec.name} field; a step must be 1-${spec.max - spec.min + (spec.min === 0 ? 1 : 0)}`,
          `use a step from 1 to ${spec.max - spec.min + (spec.min === 0 ? 1 : 0)}, such as ${startText}/2`,
        );
      }
    }
    partOffset += part.length + 1;
  }
}

function valueOf(text: string, spec: CronField, at: number, fail: (m: string, f: string, a?: number) => never): number {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return spec.min + named;
  if (!/^\d+$/.test(text)) {
    return fail(
      `has "${text}" in its ${spec.name} field, which is not a ${spec.name} value`,
      spec.names
        ? `use ${spec.min}-${spec.max} or one of ${spec.names.join(', ')}`
        : `use a number from ${spec.min} to ${spec.max}`,
      at,
    );
  }
  const value = Number(text);
  if (value < spec.min || value > spec.max) {
    return fail(
      `has ${value} in its ${spec.name} field, outside ${spec.min}-${spec.max}`,
      spec.name === 'day-of-week'
        ? 'use 1 (Sunday) to 7 (Saturday), or SUN-SAT'
        : `use a ${spec.name} value from ${spec.min} to ${spec.max}${spec.names ? ` or ${spec.names[0]}-${spec.names[spec.names.length - 1]}` : ''}`,
      at,
    );
  }
  return value;
}

/** Day-of-month `L`, `L-3`, `LW`; day-of-week `L`, `6L` (the last Friday). Each stands alone. */
function checkLast(text: string, offset: number, spec: CronField): void {
  const dayOfMonth = spec.name === 'day-of-month';
  const ok = dayOfMonth
    ? /^L(-([1-9]|[12]\d|30))?$|^LW$/i.test(text)
    : /^L$|^[1-7]L$/i.test(text) || /^(SUN|MON|TUE|WED|THU|FRI|SAT)L$/i.test(text);
  if (!ok) {
    throw new CronError(
      'cron-last',
      offset,
      `has "${text}" in its ${spec.name} field; L (last) stands alone there${dayOfMonth ? ' as L, L-n (n days before the last) or LW (the last weekday)' : ' as L (Saturday) or nL (the last weekday n of the month, such as 6L for the last Friday)'}, not in a list or range`,
      dayOfMonth
        ? "write L for the last day of the month, such as '0 0 2 L * ?'"
        : "write nL, such as '0 0 2 ? * 6L' for the last Friday",
    );
  }
}

/** Day-of-month `15W`: the weekday nearest the 15th. Stands alone, one day only. */
function checkWeekday(text: string, offset: number, spec: CronField): void {
  const match = /^(\d+)W$/i.exec(text);
  if (!match || Number(match[1]) < 1 || Number(match[1]) > 31) {
    throw new CronError(
      'cron-weekday',
      offset,
      `has "${text}" in its ${spec.name} field; W (nearest weekday) follows one day 1-31 and stands alone, not in a list or range`,
      "write nW, such as '0 0 2 15W * ?' for the weekday nearest the 15th, or LW for the last weekday",
    );
  }
}

/** Day-of-week `6#3`: the third Friday of the month. Weekday 1-7, occurrence 1-5, stands alone. */
function checkNth(text: string, offset: number, spec: CronField): void {
  const match = /^([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)#([1-5])$/i.exec(text);
  if (!match) {
    throw new CronError(
      'cron-nth',
      offset,
      `has "${text}" in its ${spec.name} field; # takes a weekday 1-7 (or SUN-SAT) and an occurrence 1-5, alone in the field`,
      "write weekday#n, such as '0 0 2 ? * 6#3' for the third Friday of each month",
    );
  }
}

/** The values a plain field (`0,15`, `*\/15`, `0-5`, `7`) stands for; the field was checked before. */
function values(text: string, spec: CronField): number[] {
  const result = new Set<number>();
  for (const part of text.split(',')) {
    const [, startText, endText, stepText] = /^(\*|\d+)(?:-(\d+))?(?:\/(\d+))?$/.exec(part)!;
    const start = startText === '*' ? spec.min : Number(startText);
    const end =
      endText !== undefined ? Number(endText) : startText === '*' || stepText !== undefined ? spec.max : start;
    const by = stepText !== undefined ? Number(stepText) : 1;
    for (let value = start; value <= end; value += by) result.add(value);
  }
  return [...result].sort((a, b) => a - b);
}
