/**
 * A 2,000-event burst of Order_Status_Update__e for one Order, delivered to the compiled
 * orderStatusTracker and to the seed's naive tracker (re-typed in ./lwc/naiveOrderTracker), in jsdom
 * with the LWC engine the Jest tests use. Run from the project root after `npm run build`:
 *
 *   npx jest -c bench/lwc-burst/jest.config.js
 *
 * Scenarios: the whole burst in one delivery (empApi hands a long-poll response's messages over in
 * one loop); 20 deliveries of 100 within one animation frame; 20 deliveries of 100 with a frame
 * after each (deliveries slower than the display). Animation frames are run by the benchmark
 * (requestAnimationFrame is replaced by a queue) so no idle time is measured. Processing time is
 * the time spent delivering and rendering (JavaScript, DOM work, microtasks and frame callbacks),
 * median of RUNS runs after one warm-up. DOM mutations are MutationObserver records in the
 * component's shadow tree (counted in a separate, untimed run: the observer, patched by LWC's
 * synthetic shadow, costs as much as the work it watches); DOM update passes are the observer's
 * callbacks, the separate moments the tree changed, each a possible style/layout pass.
 * Writes bench/lwc-burst/results.json and prints the table for bench/RESULTS.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { createElement, type LightningElement } from 'lwc';
import NaiveOrderTracker from './lwc/naiveOrderTracker/naiveOrderTracker';

// `lightning/*` and `c/*` resolve through jest.config.js; the repository's tsconfig type-checks
// this folder without those mappings, so the modules are required and typed here.
interface EmpControls {
  publish(channel: string, payload: object, replayId?: number): number;
  resetEmpApi(): void;
}
const empApi = require('lightning/empApi') as EmpControls;
const uiRecordApi = require('lightning/uiRecordApi') as {
  notifyRecordUpdateAvailable: { mock: { calls: unknown[] }; mockClear(): void };
};
const OrderStatusTracker = (require('c/orderStatusTracker') as { default: typeof LightningElement }).default;

const CHANNEL = '/event/Order_Status_Update__e';
const ORDER_ID = '8015g00000AbCdEAAV';
const BURST = 2000;
const RUNS = 7;
const STATUSES = ['Received', 'Picking', 'Packed', 'Shipped', 'Delivered'];

interface Run {
  processingMs: number;
  /** Synchronous part: empApi callbacks, the shared stream, the component's handler. */
  deliverMs: number;
  /** Microtasks and animation frames after it: the component's batch and LWC's re-render. */
  renderMs: number;
  /** LWC dev-mode warnings: the seed writes `textContent` into template-owned elements. */
  warnings: number;
  mutations: number;
  updatePasses: number;
  ldsNotifications: number;
  statusShown: string;
  historyShown: number;
}

interface Scenario {
  label: string;
  deliveries: number;
  framePerDelivery: boolean;
}

const SCENARIOS: Scenario[] = [
  { label: '1 × 2,000', deliveries: 1, framePerDelivery: false },
  { label: '20 × 100, one frame', deliveries: 20, framePerDelivery: false },
  { label: '20 × 100, a frame each', deliveries: 20, framePerDelivery: true },
];

/** requestAnimationFrame as a queue the benchmark drains when it decides a frame happens. */
let frameQueue: FrameRequestCallback[] = [];
globalThis.requestAnimationFrame = (callback: FrameRequestCallback): number => frameQueue.push(callback);

async function runFrame(): Promise<void> {
  const callbacks = frameQueue;
  frameQueue = [];
  for (const callback of callbacks) callback(performance.now());
  await drainMicrotasks();
}

interface Tracker {
  name: string;
  tag: string;
  is: typeof LightningElement;
  status(element: HTMLElement): string;
  history(element: HTMLElement): number;
}

const TRACKERS: Tracker[] = [
  {
    name: 'orderStatusTracker (buffered, bounded)',
    tag: 'c-order-status-tracker',
    is: OrderStatusTracker,
    status: (element) => element.shadowRoot!.querySelector('[data-id="status"]')!.textContent ?? '',
    history: (element) => element.shadowRoot!.querySelectorAll('[data-id="timeline"] li').length,
  },
  {
    name: 'seed orderTracker (DOM write per event)',
    tag: 'c-naive-order-tracker',
    is: NaiveOrderTracker,
    status: (element) => element.shadowRoot!.querySelector('[data-order-id]')!.textContent ?? '',
    history: () => 0,
  },
];

async function drainMicrotasks(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Built once, so the timed loop measures the trackers, not the benchmark's own payload building. */
const PAYLOADS = Array.from({ length: BURST }, (_, i) => statusUpdate(i));

function statusUpdate(i: number): object {
  return {
    Order_Id__c: ORDER_ID,
    Status__c: STATUSES[Math.min(STATUSES.length - 1, Math.floor((i * STATUSES.length) / BURST))],
    Source_System__c: 'WMS',
    Changed_At__c: new Date(Date.UTC(2026, 2, 12, 10, 0, 0, i)).toISOString(),
    CreatedDate: '2026-03-12T10:00:00.000Z',
    CreatedById: '0055g00000XyZaBAAV',
  };
}

/** One burst; with `observe`, a MutationObserver counts what changed in the shadow tree. */
async function runOnce(tracker: Tracker, scenario: Scenario, observe: boolean): Promise<Run> {
  const element = createElement(tracker.tag, { is: tracker.is }) as HTMLElement & { recordId: string };
  element.recordId = ORDER_ID;
  document.body.appendChild(element);
  await nextTask();
  await runFrame();
  uiRecordApi.notifyRecordUpdateAvailable.mockClear();

  let mutations = 0;
  let updatePasses = 0;
  const observer = new MutationObserver((records) => {
    updatePasses += 1;
    mutations += records.length;
  });
  if (observe) {
    observer.observe(element.shadowRoot as unknown as Node, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  }

  // Warnings are counted, not printed: printing 2,000 of them would dominate the timing.
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  let deliverMs = 0;
  let renderMs = 0;
  const perDelivery = BURST / scenario.deliveries;
  for (let delivery = 0; delivery < scenario.deliveries; delivery++) {
    const started = performance.now();
    for (let i = delivery * perDelivery; i < (delivery + 1) * perDelivery; i++) empApi.publish(CHANNEL, PAYLOADS[i]);
    const delivered = performance.now();
    await drainMicrotasks();
    if (scenario.framePerDelivery) await runFrame();
    deliverMs += delivered - started;
    renderMs += performance.now() - delivered;
    await nextTask();
  }
  const framed = performance.now();
  await runFrame();
  renderMs += performance.now() - framed;
  mutations += observer.takeRecords().length;
  observer.disconnect();
  const warnings = warn.mock.calls.length;
  warn.mockRestore();

  const run: Run = {
    processingMs: deliverMs + renderMs,
    deliverMs,
    renderMs,
    warnings,
    mutations,
    updatePasses,
    ldsNotifications: uiRecordApi.notifyRecordUpdateAvailable.mock.calls.length,
    statusShown: tracker.status(element),
    historyShown: tracker.history(element),
  };
  document.body.removeChild(element);
  await nextTask();
  empApi.resetEmpApi();
  return run;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Result {
  tracker: string;
  scenario: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  deliverMs: number;
  renderMs: number;
  mutations: number;
  updatePasses: number;
  ldsNotifications: number;
  warnings: number;
  statusShown: string;
  historyShown: number;
}

const results: Result[] = [];

describe('LWC: 2,000-event burst', () => {
  afterAll(() => {
    fs.writeFileSync(
      path.join(__dirname, 'results.json'),
      `${JSON.stringify({ burst: BURST, runs: RUNS, results }, null, 2)}\n`,
    );
    const rows = results.map(
      (r) =>
        `| ${r.tracker} | ${r.scenario} | ${r.medianMs.toFixed(1)} (${r.minMs.toFixed(1)}–${r.maxMs.toFixed(1)}) | ${r.deliverMs.toFixed(1)} / ${r.renderMs.toFixed(1)} | ${r.updatePasses} | ${r.mutations} | ${r.ldsNotifications} | ${r.warnings} | ${r.historyShown} | ${r.statusShown} |`,
    );
    console.log(
      [
        '| Tracker | Burst arrives as | Processing ms, median (min–max) | Delivery / render ms, medians | DOM update passes | DOM mutations | LDS notifications | LWC warnings | History shown | Status shown |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
      ].join('\n'),
    );
  });

  for (const scenario of SCENARIOS) {
    for (const tracker of TRACKERS) {
      it(`${tracker.name}, ${scenario.label}`, async () => {
        await runOnce(tracker, scenario, false); // warm-up: JIT and template caches
        const timed: Run[] = [];
        for (let i = 0; i < RUNS; i++) timed.push(await runOnce(tracker, scenario, false));
        const times = timed.map((run) => run.processingMs);
        const counted = await runOnce(tracker, scenario, true);
        // Both trackers end on the burst's last status; the benchmark compares cost, not outcome.
        expect(counted.statusShown).toBe('Delivered');
        results.push({
          tracker: tracker.name,
          scenario: scenario.label,
          medianMs: median(times),
          minMs: Math.min(...times),
          maxMs: Math.max(...times),
          deliverMs: median(timed.map((run) => run.deliverMs)),
          renderMs: median(timed.map((run) => run.renderMs)),
          mutations: counted.mutations,
          updatePasses: counted.updatePasses,
          ldsNotifications: counted.ldsNotifications,
          warnings: counted.warnings,
          statusShown: counted.statusShown,
          historyShown: counted.historyShown,
        });
      }, 120_000);
    }
  }
});
