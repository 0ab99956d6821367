/**
 * The 2,000-event burst in Chromium: the deployed orderStatusTracker (force-app, compiled by
 * `npm run build`) against the seed's per-event tracker (./lwc/naiveOrderTracker), both on the real
 * LWC engine in production mode with synthetic shadow, real base components and the SLDS style
 * sheet, fed by the empApi stand-in of the browser tests (test/browser). Main-thread time is the
 * growth of CDP `Performance.getMetrics` TaskDuration over the burst and the frames that render it,
 * measured in thread time (`timeDomain: threadTicks`), so time the shared machine's other processes
 * take from the renderer is not counted. Runs take turns (one of each per round, after a warm-up
 * round), so load spreads over all of them; the ratio compares medians of the same run.
 *
 *   npm run build && npm run bench:lwc          (options: --runs N, default 7)
 *
 * Writes bench/lwc-burst/browser-results.json and prints the table for bench/RESULTS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { chromiumMissing, openBrowser } from '../../test/browser/harness/browser';
import type { SwyPage } from '../../test/browser/platform/api';

const ORDER_ID = '8015g00000AbCdEAAV';
const BURST = 2000;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;

/** `none`: the same deliveries and frames with no component listening: the harness's own cost. */
type Component = 'tracker' | 'naive' | 'none';
type Shape = 'one task' | 'across frames';
const COMPONENTS: Component[] = ['tracker', 'naive', 'none'];
const SHAPES: Shape[] = ['one task', 'across frames'];
const NAMES: Record<Component, string> = {
  tracker: 'orderStatusTracker',
  naive: 'naive per-event tracker (seed)',
  none: 'no component (harness only)',
};
const SHAPE_LABELS: Record<Shape, string> = {
  'one task': '1 delivery of 2,000 (one task)',
  'across frames': '20 deliveries of 100, a frame after each',
};

interface Run {
  taskMs: number;
  scriptMs: number;
  styleLayoutMs: number;
  status: string;
  rows: number;
  notifications: number;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

/** Mounts one tracker on an empty stage and waits until it is subscribed and rendered. */
async function prepare(page: Page, component: Component): Promise<void> {
  await page.evaluate(
    async ({ component, orderId, burst }) => {
      const swy = (window as unknown as { swy: SwyPage }).swy;
      swy.unmountAll();
      swy.bus.reset();
      swy.notifications.length = 0;
      const statuses = ['Received', 'Picking', 'Packed', 'Shipped', 'Delivered'];
      // Built before the measurement: the benchmark measures the trackers, not its own payloads.
      (window as unknown as { burst: object[] }).burst = Array.from({ length: burst }, (_, i) => ({
        Order_Id__c: orderId,
        Status__c: statuses[Math.floor((i * statuses.length) / burst)],
        Source_System__c: 'WMS',
        Changed_At__c: new Date(Date.UTC(2026, 2, 12, 10, 0, 0, i)).toISOString(),
        CreatedDate: new Date().toISOString(),
        CreatedById: '0055g00000XyZaBAAV',
      }));
      if (component !== 'none') swy.mount(component, orderId);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await swy.nextFrame();
      await swy.nextFrame();
    },
    { component, orderId: ORDER_ID, burst: BURST },
  );
}

async function runOnce(page: Page, cdp: CDPSession, component: Component, shape: Shape): Promise<Run> {
  await prepare(page, component);
  const before = await metrics(cdp);
  await page.evaluate(async (framed) => {
    const swy = (window as unknown as { swy: SwyPage }).swy;
    const burst = (window as unknown as { burst: object[] }).burst;
    const deliveries = framed ? 20 : 1;
    const size = burst.length / deliveries;
    for (let delivery = 0; delivery < deliveries; delivery++) {
      for (let i = delivery * size; i < (delivery + 1) * size; i++)
        swy.bus.publish('/event/Order_Status_Update__e', burst[i]);
      if (framed) await swy.nextFrame();
    }
    // The frames that render what the last delivery changed.
    await swy.nextFrame();
    await swy.nextFrame();
  }, shape === 'across frames');
  const after = await metrics(cdp);
  // The burst notifier's last notification comes a second after the last event.
  await page.waitForTimeout(1100);
  const shown = await page.evaluate(() => {
    const swy = (window as unknown as { swy: SwyPage }).swy;
    const root = document.querySelector('#stage > *')?.shadowRoot;
    const status = root?.querySelector('[data-id="status"]') ?? root?.querySelector('[data-order-id]');
    return {
      status: status?.textContent ?? '',
      rows: root?.querySelectorAll('[data-id="timeline"] li').length ?? 0,
      notifications: swy.notifications.length,
    };
  });
  const delta = (name: string) => (after[name] - before[name]) * 1000;
  return {
    taskMs: delta('TaskDuration'),
    scriptMs: delta('ScriptDuration'),
    styleLayoutMs: delta('RecalcStyleDuration') + delta('LayoutDuration'),
    ...shown,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main(): Promise<void> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  const session = await openBrowser({ mode: 'production', slds: true });
  const { page, browser } = session;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });

  const runs = new Map<string, Run[]>();
  const loads: number[] = [os.loadavg()[0]];
  for (let round = 0; round <= RUNS; round++) {
    // Alternate the order, so neither tracker always runs right after the other.
    const order = round % 2 ? [...COMPONENTS].reverse() : COMPONENTS;
    for (const shape of SHAPES) {
      for (const component of order) {
        const run = await runOnce(page, cdp, component, shape);
        if (round === 0) continue; // warm-up: JIT, template and style caches
        const key = `${component}|${shape}`;
        runs.set(key, [...(runs.get(key) ?? []), run]);
      }
    }
    loads.push(os.loadavg()[0]);
  }
  const version = browser.version();
  await session.close();

  const results = SHAPES.flatMap((shape) =>
    COMPONENTS.map((component) => {
      const list = runs.get(`${component}|${shape}`)!;
      const tasks = list.map((run) => run.taskMs);
      return {
        component,
        shape,
        runs: list.length,
        medianTaskMs: median(tasks),
        minTaskMs: Math.min(...tasks),
        maxTaskMs: Math.max(...tasks),
        medianScriptMs: median(list.map((run) => run.scriptMs)),
        medianStyleLayoutMs: median(list.map((run) => run.styleLayoutMs)),
        status: list[list.length - 1].status,
        rows: list[list.length - 1].rows,
        notifications: Math.max(...list.map((run) => run.notifications)),
      };
    }),
  );
  /** Tracker / naive, of the medians as measured and of what each adds to the harness's own cost. */
  const ratios = Object.fromEntries(
    SHAPES.map((shape) => {
      const of = (component: Component) => results.find((r) => r.shape === shape && r.component === component)!;
      const [tracker, naive, none] = [of('tracker'), of('naive'), of('none')].map((r) => r.medianTaskMs);
      return [shape, { measured: tracker / naive, overHarness: (tracker - none) / (naive - none) }];
    }),
  );
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cpus: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium: version,
    loadAverage1m: { min: Math.min(...loads), max: Math.max(...loads) },
  };
  fs.writeFileSync(
    path.join(__dirname, 'browser-results.json'),
    `${JSON.stringify({ burst: BURST, runs: RUNS, machine, ratios, results }, null, 2)}\n`,
  );

  const ms = (value: number) => value.toFixed(1);
  const ratio = (component: Component, value: number) =>
    component === 'tracker' ? `${value.toFixed(2)}x` : component === 'naive' ? '1x' : '';
  console.log(
    [
      `Chromium ${version}, ${machine.cpu} (${machine.cpus} CPUs, ${machine.memoryGiB} GiB), Node ${machine.node}, 1-minute load ${machine.loadAverage1m.min.toFixed(1)}-${machine.loadAverage1m.max.toFixed(1)}; median of ${RUNS} after a warm-up round.`,
      '',
      '| Burst arrives as | Component | Main-thread ms, median (min-max) | Script ms | Style + layout ms | Tracker / naive, measured | Tracker / naive, over the harness | LDS notifications | History rows | Status shown |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...results.map(
        (r) =>
          `| ${SHAPE_LABELS[r.shape]} | ${NAMES[r.component]} | ${ms(r.medianTaskMs)} (${ms(r.minTaskMs)}-${ms(r.maxTaskMs)}) | ${ms(r.medianScriptMs)} | ${ms(r.medianStyleLayoutMs)} | ${ratio(r.component, ratios[r.shape].measured)} | ${ratio(r.component, ratios[r.shape].overHarness)} | ${r.notifications} | ${r.rows} | ${r.status} |`,
      ),
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
