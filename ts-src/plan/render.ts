/** The budget as text tables (what `plan` prints) and as the JSON `plan --json` prints. */
import type { Budget, BudgetLine, OperationBudget } from './budget';
import { formatAmount } from './format';

function table(header: string[], rows: string[][], rightAligned: ReadonlySet<number>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const cell = (text: string, i: number) => (rightAligned.has(i) ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const render = (row: string[]) => row.map(cell).join('  ').trimEnd();
  return [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(render)];
}

const n = (value: number) => (value === 0 ? '-' : Math.round(value).toLocaleString('en-US'));
const lineOf = (op: OperationBudget, limit: string) => op.lines.find((l) => l.limit === limit);
const flag = (l: BudgetLine | undefined) => (l?.status === 'over' ? ' !' : l?.status === 'warn' ? ' ~' : '');

function operationRows(budget: Budget): string[] {
  const rows = budget.operations.map((op) => {
    const callouts = lineOf(op, 'callouts-per-transaction');
    const seconds = lineOf(op, 'callout-seconds-per-transaction');
    const depth = lineOf(op, 'queueable-chain-depth');
    return [
      op.name,
      op.pattern,
      op.volume ? n(op.volume.messagesPerDay) : 'none',
      callouts ? `${callouts.used}/${callouts.allowed}${flag(callouts)}` : '-',
      seconds ? `${seconds.used}/${seconds.allowed}${flag(seconds)}` : '-',
      depth ? `${depth.used}/${depth.allowed ?? 'no cap'}${flag(depth)}` : '-',
      n(op.spends.asyncApexPerDay),
      n(op.spends.eventPublishesPerHour),
      n(op.spends.eventDeliveriesPerDay),
      n(op.spends.apiRequestsPerDay),
      n(op.spends.errorLogRowsPerDay),
    ];
  });
  const header = [
    'Operation',
    'Pattern',
    'Msgs/day',
    'Callouts/txn',
    'Callout s/txn',
    'Chain depth',
    'Async/24h',
    'PE pub/h',
    'PE deliv/24h',
    'API/24h',
    'Log rows/day',
  ];
  return table(header, rows, new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]));
}

function totalRows(budget: Budget): string[] {
  const rows = budget.totals.map((l) => [
    l.label,
    formatAmount(l.used, l.unit),
    l.allowed === undefined ? 'no cap' : formatAmount(l.allowed, l.unit),
    `${(l.share * 100).toFixed(1)} %`,
    l.status === 'over' ? 'OVER' : l.status === 'warn' ? 'warn (>= 80 %)' : 'ok',
  ]);
  return table(['Org limit', 'Declared need', 'Allocation', 'Used', 'Status'], rows, new Set([1, 2, 3]));
}

export function renderText(budget: Budget): string[] {
  const { edition, eventAddOns } = budget.org;
  const declared = budget.operations.filter((op) => op.volume).length;
  const heavy = budget.operations.flatMap((op) =>
    op.lines
      .filter((l) => l.status !== 'ok' && l.limit === 'heap-per-transaction')
      .map(
        (l) => `  ${op.name}: ${l.label} ${formatAmount(l.used, l.unit)} of ${formatAmount(l.allowed ?? 0, l.unit)}`,
      ),
  );
  return [
    `switchyard plan: ${budget.operations.length} operations (${declared} with a declared volume), ${edition} edition, ${eventAddOns} high-volume event add-on(s); failure rate assumed ${Math.round(budget.failureRate * 100)} %`,
    '',
    ...operationRows(budget),
    'Per transaction: used/limit, ~ at 80 % or more, ! over (a delivery job packs callouts into the 120 s by design).',
    '',
    ...totalRows(budget),
    ...(heavy.length > 0 ? ['', 'Payload heap at 80 % or more:', ...heavy] : []),
    '',
    'Sources:',
    ...[...new Set(budget.totals.map((l) => l.source))].map((s) => `  ${s}`),
  ];
}

/** The JSON `plan --json` prints: documented in README ("plan"); field names are an interface. */
export function toJson(
  budget: Budget,
  diagram: { mermaid: string; svg: string } | undefined,
  errors: string[],
  warnings: string[],
) {
  return {
    edition: budget.org.edition,
    eventAddOns: budget.org.eventAddOns,
    failureRate: budget.failureRate,
    operations: budget.operations,
    totals: budget.totals,
    errors,
    warnings,
    ...(diagram && { diagram }),
  };
}
