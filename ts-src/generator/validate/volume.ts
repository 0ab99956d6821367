/**
 * Declared volumes (`volume: { messagesPerDay, peakPerHour, payloadBytes }` on an operation): each
 * figure is checked on its own (`volume`), then the budget of the whole project (ts-src/plan) is
 * measured against the org's limits (`volume-limit`): a limit the declarations overrun is an error
 * at the `volume` of the operation that spends most of it, naming the limit, the need, the
 * allocation and by how much it is over; one at 80 % or more is a warning that does not fail the
 * build. The build sizes for the default edition (Enterprise, no add-ons); `npm run plan -- --edition`
 * shows the others.
 */
import type { RawDeclaration } from '../load/declarations';
import { childAt, type Literal } from '../load/literal';
import { buildModel } from '../model/build';
import type { DeclarationError } from '../model/errors';
import { computeBudget, findings, type BudgetLine } from '../../plan/budget';
import { DEFAULT_EDITION, type OrgShape } from '../../plan/limits';
import { formatAmount } from '../../plan/format';
import { stringAt, type Report } from './fields';

export const BUILD_ORG: OrgShape = { edition: DEFAULT_EDITION, eventAddOns: 0, userLicenses: 0 };

/** Each figure of a volume: positive whole numbers, a busiest hour between a 24th of the day and the day. */
export function checkVolume(report: Report, operation: Literal): void {
  const volume = childAt(operation, 'volume');
  if (volume?.type !== 'object') return;
  const figure = (key: string) => {
    const at = childAt(volume, key);
    if (at === undefined) return undefined;
    if (at.type !== 'number' || !Number.isInteger(at.value) || at.value < 1) {
      report(
        at,
        'volume',
        `volume.${key} must be a positive whole number`,
        `write ${key} as a whole number of at least 1`,
      );
      return undefined;
    }
    return at.value;
  };
  const day = figure('messagesPerDay');
  const hour = figure('peakPerHour');
  figure('payloadBytes');
  if (day === undefined || hour === undefined) return;
  const at = childAt(volume, 'peakPerHour')!;
  if (hour > day) {
    report(
      at,
      'volume',
      `volume.peakPerHour ${hour} is more than messagesPerDay ${day}`,
      `lower peakPerHour to at most ${day}, or raise messagesPerDay`,
    );
  } else if (hour * 24 < day) {
    const least = Math.ceil(day / 24);
    report(
      at,
      'volume',
      `volume.peakPerHour ${hour} cannot carry messagesPerDay ${day}: 24 such hours make ${hour * 24}`,
      `raise peakPerHour to at least ${least} (an even day), or lower messagesPerDay`,
    );
  }
}

const FIXES: Readonly<Record<string, string>> = {
  'async-apex-per-day':
    'lower volume.messagesPerDay or retry.maxAttempts, raise batchSize, or move the delivery to an external subscriber on the Pub/Sub API; each user license above 1,250 adds 200 executions',
  'event-publishes-per-hour':
    'lower volume.peakPerHour (spread the publishes), or buy high-volume Platform Event add-ons (+25,000 an hour each; `npm run plan -- --event-add-on N`)',
  'event-deliveries-per-day':
    'lower volume.messagesPerDay, filter deliveries with a channel filter, or buy high-volume Platform Event add-ons (+100,000 a day each; `npm run plan -- --event-add-on N`)',
  'api-requests-per-day':
    'lower volume.messagesPerDay (have the caller batch changes), or buy API request add-ons; user licenses add 1,000 (Enterprise) or 5,000 (Unlimited) each',
  'error-log-storage':
    'lower the failure rate or the volume, or schedule a purge of resolved Integration_Error_Log__c rows',
  'heap-per-transaction': 'lower volume.payloadBytes (send references rather than documents), or lower batchSize',
};

function describe(l: BudgetLine, org: OrgShape): string {
  const allowed = l.allowed ?? 0;
  const over = l.used - allowed;
  const where = `${org.edition[0].toUpperCase()}${org.edition.slice(1)} Edition, ${org.eventAddOns} event add-on(s)`;
  const head = `${l.label}: the declared volumes need ${formatAmount(l.used, l.unit)} against ${formatAmount(allowed, l.unit)} (${where})`;
  const share = `${Math.round(l.share * 100)} %`;
  const parts = l.contributors?.slice(0, 3).map((c) => `${c.operation} ${formatAmount(c.used, l.unit)}`);
  return (
    head +
    (over > 0 ? `: ${formatAmount(over, l.unit)} over (${share})` : `: ${share}, over the 80 % warning line`) +
    (parts && parts.length > 0 ? `; largest: ${parts.join(', ')}` : '') +
    `; limit: ${l.source}`
  );
}

/**
 * The budget of valid declarations against the build's org; errors through `report`, warnings
 * through `warn`. Call only when every other rule passed (the model needs valid declarations).
 */
export function checkVolumeLimits(
  report: Report,
  warn: (warning: DeclarationError) => void,
  declarations: readonly RawDeclaration[],
  org: OrgShape = BUILD_ORG,
): void {
  const operations = declarations.filter((d) => d.kind === 'operation').map((d) => d.value);
  if (!operations.some((op) => childAt(op, 'volume') !== undefined)) return;
  const byName = new Map(operations.map((op) => [stringAt(op, 'name'), op]));
  const budget = computeBudget(buildModel(declarations, { components: [], componentTypings: {} }), org);
  for (const found of findings(budget)) {
    const owner = found.operation ?? found.line.contributors?.find((c) => byName.has(c.operation))?.operation;
    const literal = owner !== undefined ? byName.get(owner) : undefined;
    if (!literal) continue;
    const at = childAt(literal, 'volume') ?? literal;
    const message = (found.operation ? `${found.operation}: ` : '') + describe(found.line, org);
    const fix = FIXES[found.line.limit] ?? 'lower the declared volume';
    if (found.status === 'over') report(at, 'volume-limit', message, fix);
    else warn({ location: at.location, rule: 'volume-limit', message, fix });
  }
}
