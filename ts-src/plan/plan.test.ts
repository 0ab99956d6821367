/**
 * `plan`: the allocations and estimates against hand-computed numbers, the `--json` shape, and
 * runs on a copy of the example app (its committed diagram is current) and on a synthetic project.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeProjectCopy, writeSyntheticProject } from '../../bench/build/synthetic';
import { loadModel } from '../generator/load';
import type { Model, OperationModel } from '../generator/model/types';
import { asyncExecutions, deliveriesPerDay, publishesPerHour, runsPerDay, transactionLines } from './budget';
import { architectureGraph, columnOf, toMermaid } from './diagram';
import { formatBytes } from './format';
import { DIAGRAM_FILES, runPlan } from './index';
import {
  apiRequestsPerDay,
  asyncApexExecutionsPerDay,
  dataStorageBytes,
  eventDeliveriesPerDay,
  eventPublishesPerHour,
  queueableChainDepth,
  type OrgShape,
} from './limits';

const REPO = path.resolve(__dirname, '../..');
const org = (edition: OrgShape['edition'], eventAddOns = 0, userLicenses = 0): OrgShape => ({
  edition,
  eventAddOns,
  userLicenses,
});
const at = { file: 'x.ts', line: 1, column: 1 };
const send = (messagesPerDay: number, maxAttempts: number, timeoutSeconds = 20): OperationModel => ({
  name: 'Send',
  description: '',
  pattern: 'fire-and-forget',
  event: 'E__e',
  messageKey: 'K__c',
  system: 'S',
  method: 'POST',
  path: '/x',
  timeoutSeconds,
  retry: { maxAttempts, baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'full', maxChainDepth: 5 },
  volume: { messagesPerDay, payloadBytes: 2048 },
  location: at,
});

describe('allocations by edition and add-on', () => {
  test('Platform Event deliveries a day: 10,000 / 25,000 / 50,000, +100,000 per add-on', () => {
    assert.equal(eventDeliveriesPerDay(org('developer')).value, 10_000);
    assert.equal(eventDeliveriesPerDay(org('enterprise')).value, 25_000);
    assert.equal(eventDeliveriesPerDay(org('unlimited')).value, 50_000);
    assert.equal(eventDeliveriesPerDay(org('enterprise', 2)).value, 225_000);
  });
  test('Platform Event publishes an hour: 50,000 Developer, 250,000 otherwise, +25,000 per add-on', () => {
    assert.equal(eventPublishesPerHour(org('developer', 1)).value, 75_000);
    assert.equal(eventPublishesPerHour(org('performance')).value, 250_000);
  });
  test('API requests a day: 15,000 Developer; 100,000 + 1,000 or 5,000 per license', () => {
    assert.equal(apiRequestsPerDay(org('developer', 0, 50)).value, 15_000);
    assert.equal(apiRequestsPerDay(org('enterprise', 0, 50)).value, 150_000);
    assert.equal(apiRequestsPerDay(org('unlimited', 0, 50)).value, 350_000);
  });
  test('async Apex a day: 250,000 or 200 per license, whichever is greater', () => {
    assert.equal(asyncApexExecutionsPerDay(org('enterprise', 0, 1000)).value, 250_000);
    assert.equal(asyncApexExecutionsPerDay(org('enterprise', 0, 2000)).value, 400_000);
  });
  test('storage 5 MB Developer, 10 GB otherwise; chain depth capped at 5 on Developer only', () => {
    assert.equal(formatBytes(dataStorageBytes(org('developer')).value!), '5.0 MB');
    assert.equal(formatBytes(dataStorageBytes(org('enterprise')).value!), '10.0 GB');
    assert.equal(queueableChainDepth(org('developer')).value, 5);
    assert.equal(queueableChainDepth(org('unlimited')).value, undefined);
  });
  test('every allocation names its source', () => {
    for (const a of [eventDeliveriesPerDay(org('enterprise')), apiRequestsPerDay(org('enterprise'))])
      assert.match(a.source, /^https:\/\/(developer|help)\.salesforce\.com\//);
  });
});

describe('estimates', () => {
  test('runs a day of a cron: minutes x hours', () => {
    assert.equal(runsPerDay('0 0,15,30,45 * * * ?'), 96);
    assert.equal(runsPerDay('0 0 2 * * ?'), 1);
    assert.equal(runsPerDay('0 0/10 8-17 * * ?'), 60);
  });
  test('fire-and-forget: one job a message, plus every retry of the failed share', () => {
    // 3,000 + 600 failed x 7 retries
    assert.equal(asyncExecutions(send(3000, 8), 0.2), 7_200);
    assert.equal(publishesPerHour(send(2400, 3)), 200, 'a busiest hour not declared is a twelfth of the day');
  });
  test('a delivery job packs callouts into the 120 s: 6 of 20 s, heap is their payloads', () => {
    const lines = transactionLines(send(100, 3), org('enterprise'));
    const by = (limit: string) => lines.find((l) => l.limit === limit)!;
    assert.equal(by('callouts-per-transaction').used, 6);
    assert.equal(by('callout-seconds-per-transaction').used, 120);
    assert.equal(by('heap-per-transaction').used, 6 * 2048);
    assert.equal(by('heap-per-transaction').fromVolume, true);
    assert.equal(by('callout-seconds-per-transaction').fromVolume, false, 'set by design, not by volume');
  });
  test('publish-subscribe: each subscriber receives each event', () => {
    const feed: OperationModel = {
      name: 'Feed',
      description: '',
      pattern: 'publish-subscribe',
      event: 'E__e',
      subscribers: ['a', 'b', 'c'],
      volume: { messagesPerDay: 1000 },
      location: at,
    };
    assert.equal(deliveriesPerDay(feed), 3000);
  });
});

describe('plan on a copy of the example app', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-plan-'));
  let json: { exitCode: number; lines: string[] };
  let developer: { exitCode: number; lines: string[] };
  // What the totals must be, from the copy's own model: the example app may change.
  let model: Model;
  let deliveries: number;
  before(async () => {
    writeProjectCopy(REPO, root);
    model = loadModel(root);
    deliveries = model.operations.reduce((sum, op) => sum + deliveriesPerDay(op), 0);
    const run = async (options: { json: boolean; edition?: string }) => {
      const lines: string[] = [];
      const { exitCode } = await runPlan({ projectRoot: root, out: (l) => lines.push(l), ...options });
      return { exitCode, lines };
    };
    json = await run({ json: true });
    developer = await run({ json: false, edition: 'developer' });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  test('--json: one document with the documented keys, every operation and the org totals', () => {
    assert.equal(json.exitCode, 0, json.lines.join('\n'));
    const result = JSON.parse(json.lines.join('\n'));
    assert.deepEqual(Object.keys(result), [
      'status',
      'edition',
      'eventAddOns',
      'failureRate',
      'operations',
      'totals',
      'errors',
      'warnings',
      'diagram',
    ]);
    assert.equal(result.edition, 'enterprise');
    assert.equal(result.operations.length, model.operations.length);
    assert.deepEqual(Object.keys(result.operations[0]), ['name', 'pattern', 'volume', 'lines', 'spends']);
    assert.deepEqual(
      result.totals.map((t: { limit: string }) => t.limit),
      [
        'async-apex-per-day',
        'event-publishes-per-hour',
        'event-deliveries-per-day',
        'api-requests-per-day',
        'error-log-storage',
      ],
    );
    const total = result.totals.find((t: { limit: string }) => t.limit === 'event-deliveries-per-day');
    assert.deepEqual([total.used, total.allowed], [deliveries, 25_000]);
    assert.deepEqual(result.errors, []);
  });

  test('the committed diagram is what plan writes for the example app', () => {
    for (const file of Object.values(DIAGRAM_FILES)) {
      assert.equal(
        fs.readFileSync(path.join(root, file), 'utf8'),
        fs.readFileSync(path.join(REPO, file), 'utf8'),
        `${file} is stale: run npm run plan and commit it`,
      );
    }
  });

  test('on a Developer Edition the deliveries do not fit: exit 1 with the numbers, after the table', () => {
    assert.equal(developer.exitCode, 1);
    const text = developer.lines.join('\n');
    assert.match(text, /^Operation +Pattern +Msgs\/day/m);
    const n = (value: number) => value.toLocaleString('en-US');
    const share = (deliveries / 10_000) * 100;
    assert.ok(deliveries > 10_000, 'the example app is sized past a Developer Edition');
    assert.ok(
      text
        .split('\n')
        .some((l) =>
          new RegExp(
            `^Platform Event deliveries / 24 h +${n(deliveries)} deliveries +10,000 deliveries +${share.toFixed(1)} % +OVER$`,
          ).test(l),
        ),
      text,
    );
    assert.match(
      text,
      new RegExp(
        `ts-src/integrations/\\w+\\.ts:\\d+:\\d+: error \\[volume-limit\\] Platform Event deliveries .*${n(deliveries - 10_000)} deliveries over \\(${Math.round(share)} %\\)`,
      ),
    );
  });

  test('an unknown edition is a usage error', async () => {
    const lines: string[] = [];
    const { exitCode } = await runPlan({
      projectRoot: root,
      json: false,
      out: (l) => lines.push(l),
      edition: 'galactic',
    });
    assert.equal(exitCode, 2);
    assert.match(
      lines.join('\n'),
      /unknown edition "galactic"; use one of developer, enterprise, unlimited, performance/,
    );
  });
});

describe('plan on a synthetic project', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-plan-syn-'));
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  test('prints a row per operation and the org table, and writes the diagram', async () => {
    writeSyntheticProject(REPO, root, { systems: 5, events: 8, operations: 26, objects: 2, operationsPerFile: 7 });
    const lines: string[] = [];
    const { exitCode } = await runPlan({ projectRoot: root, json: false, out: (l) => lines.push(l) });
    assert.equal(exitCode, 0, lines.join('\n'));
    // The 26 synthetic operations and those of the example files the project keeps.
    const count = loadModel(root).operations.length;
    assert.ok(count >= 26);
    assert.match(
      lines[0],
      new RegExp(`^switchyard plan: ${count} operations \\(${count} with a declared volume\\), enterprise edition`),
    );
    assert.ok(
      lines.some((l) => /^SynSend0001 +fire-and-forget +300 /.test(l)),
      lines.join('\n'),
    );
    assert.ok(lines.some((l) => l.startsWith('Async Apex executions / 24 h')));
    const mermaid = fs.readFileSync(path.join(root, DIAGRAM_FILES.mermaid), 'utf8');
    assert.match(mermaid, /^flowchart LR$/m);
    assert.ok(fs.readFileSync(path.join(root, DIAGRAM_FILES.svg), 'utf8').startsWith('<svg '));
  });
});

describe('diagram', () => {
  test('systems, events, objects and operations, flowing left to right', () => {
    const model = {
      systems: [{ name: 'ERP_API', label: 'ERP' }],
      operations: [send(10, 3)],
    } as unknown as Parameters<typeof architectureGraph>[0];
    const graph = architectureGraph(model);
    assert.deepEqual(
      graph.nodes.map((n) => [n.id, n.kind, columnOf(n, graph)]),
      [
        ['op_Send', 'operation', 3],
        ['evt_E__e', 'event', 2],
        ['sys_S', 'system', 4],
      ],
    );
    assert.match(toMermaid(graph), /evt_E__e --> op_Send\n {2}op_Send -->\|"POST \/x"\| sys_S\n$/);
  });
});

describe('pull-sync budget', () => {
  const pull = (messagesPerDay: number, pageSize: number): OperationModel => ({
    name: 'Pull',
    description: '',
    pattern: 'pull-sync',
    system: 'S',
    method: 'GET',
    path: '/x',
    timeoutSeconds: 30,
    object: 'O__c',
    idempotencyKey: 'K__c',
    record: [],
    mapping: {},
    records: 'items',
    paging: { cursor: { param: 'cursor', next: 'next' } },
    pageSize,
    pageSizeParam: 'limit',
    schedule: '0 0 2 * * ?',
    retry: { maxAttempts: 3, baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'full', maxChainDepth: 5 },
    volume: { messagesPerDay, payloadBytes: 1000 },
    location: at,
  });

  test('async Apex a day: the scheduled run and one job per page, a failed page fetched again', () => {
    // 2,000 records a night in pages of 500: 1 + 4 jobs; 20 % of 4 pages fail, each retried twice.
    assert.equal(asyncExecutions(pull(2000, 500), 0.2), 5 + 1 * 2);
    assert.equal(asyncExecutions(pull(0, 500), 0), 2, 'an empty night still fetches one page');
  });

  test('per page job: one callout, 2 DML rows per record plus two, three copies of the page in the heap', () => {
    const lines = new Map(transactionLines(pull(2000, 500), org('developer')).map((l) => [l.limit, l]));
    assert.equal(lines.get('callouts-per-transaction')?.used, 1);
    assert.equal(lines.get('callout-seconds-per-transaction')?.used, 30);
    assert.equal(lines.get('dml-rows-per-transaction')?.used, 1002);
    assert.equal(lines.get('dml-rows-per-transaction')?.allowed, 10_000);
    assert.equal(lines.get('queueable-chain-depth')?.allowed, 5);
    assert.equal(lines.get('heap-per-transaction')?.used, 3 * 500 * 1000);
  });

  test('the diagram shows the GET to the system and the upsert into the object', () => {
    const graph = architectureGraph({ operations: [pull(10, 10)], systems: [] } as never);
    const labels = graph.edges.map((e) => e.label);
    assert.ok(labels.includes('GET /x') && labels.includes('upsert'), labels.join(', '));
  });
});
