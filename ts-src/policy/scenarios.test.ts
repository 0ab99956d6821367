/**
 * The policy scenario table (ts-src/apex/staticresources/SwyPolicyScenarios.json) holds the
 * decisions both implementations make: retry delays, the server's Retry-After against the backoff,
 * retry or fail, chain or park, the circuit breaker's transitions, HTTP classification, messages
 * per job. This file runs every scenario against the TypeScript model; the Apex runtime's
 * `SwyPolicyScenariosTest` reads the same file as a Static Resource and runs it in an org.
 *
 * Apex tests run only in an org, so the guards below fail here when the Apex side cannot follow:
 * a scenario kind the Apex test does not dispatch, and a limit the runtime hard-codes that differs
 * from the model's constant.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  ApexErrorListener,
  ApexParserFactory,
  SwitchStatementContext,
  WhenValueContext,
} from '@apexdevtools/apex-parser';
import { MAX_EXPONENT } from './backoff';
import {
  MAX_CALLOUTS_PER_TRANSACTION,
  MAX_ENQUEUE_DELAY_MINUTES,
  MAX_FINALIZER_REQUEUES,
  MAX_TRANSACTION_CALLOUT_SECONDS,
  SCRATCH_ORG_MAX_CHAIN_DEPTH,
} from './limits';
import { MAX_INBOUND_RETRIES } from './inbound';
import { MAX_REREAD_ROWS } from './changeCapture';
import { MAX_RETRY_AFTER_SECONDS } from './outcome';
import { KINDS, loadScenarios, runScenario, SCENARIO_FILE } from './scenarios';

const APEX = path.resolve(__dirname, '../apex/classes');
const readApex = (className: string) => fs.readFileSync(path.join(APEX, `${className}.cls`), 'utf8');
const scenarios = loadScenarios();

describe('policy scenarios: the TypeScript model', () => {
  for (const scenario of scenarios) {
    test(`${scenario.id}: ${scenario.why}`, () => {
      assert.deepEqual(runScenario(scenario), [], `scenario ${scenario.id}`);
    });
  }
});

describe('policy scenarios: the table', () => {
  test('every scenario has a unique id, a kind, a why, inputs and an expectation', () => {
    const ids = new Set<string>();
    for (const s of scenarios) {
      assert.ok(/^[a-z0-9-]+$/.test(s.id) && !ids.has(s.id), `id ${s.id} is kebab-case and unique`);
      ids.add(s.id);
      assert.ok(s.why?.trim(), `${s.id} says why`);
      assert.ok(s.given && s.expect, `${s.id} has given and expect`);
    }
  });

  test('every kind in the table has a model runner, and every runner is used', () => {
    assert.deepEqual([...new Set(scenarios.map((s) => s.kind))].sort(), Object.keys(KINDS).sort());
  });
});

type Node = { children?: Node[] | null };

function descendants<T>(node: Node, type: abstract new (...args: never[]) => T): T[] {
  const found: T[] = node instanceof type ? [node as T] : [];
  for (const child of node.children ?? []) found.push(...descendants(child, type));
  return found;
}

/** The string values of the `when` branches of the Apex test's `switch on kind`. */
class CountingListener extends ApexErrorListener {
  count = 0;
  apexSyntaxError(): void {
    this.count++;
  }
}

export function apexKinds(source: string): string[] {
  const errors = new CountingListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, errors);
  const unit = parser.compilationUnit();
  assert.equal(errors.count, 0, 'the Apex test parses');
  const switches = descendants(unit as Node, SwitchStatementContext).filter((s) => s.expression().getText() === 'kind');
  assert.equal(switches.length, 1, 'one switch on kind in the Apex test');
  const kinds = descendants(switches[0] as Node, WhenValueContext).flatMap((when) =>
    when.whenLiteral_list().map((literal) => literal.getText().replace(/^'|'$/g, '')),
  );
  return [...new Set(kinds)].sort();
}

/** `<modifiers> Integer|Long NAME = <number>;` in an Apex class. */
export function apexConstant(source: string, name: string): number {
  const match = new RegExp(`static\\s+final\\s+(?:Integer|Long)\\s+${name}\\s*=\\s*(\\d+)\\s*;`).exec(source);
  assert.ok(match, `no constant ${name}`);
  return Number(match[1]);
}

describe('policy scenarios: the Apex runtime follows', () => {
  const apexTest = readApex('SwyPolicyScenariosTest');

  test('the Apex test dispatches exactly the kinds of the table', () => {
    assert.deepEqual(apexKinds(apexTest), [...new Set(scenarios.map((s) => s.kind))].sort());
  });

  test('the Apex test reads the table from the Static Resource beside it', () => {
    const name = path.basename(SCENARIO_FILE, '.json');
    assert.match(apexTest, new RegExp(`FROM StaticResource\\s+WHERE Name = '${name}'`));
    assert.ok(fs.existsSync(path.join(path.dirname(SCENARIO_FILE), `${name}.resource-meta.xml`)));
  });

  const constants: [string, string, number][] = [
    ['SwyDeliveryJob', 'MAX_DELAY_MINUTES', MAX_ENQUEUE_DELAY_MINUTES],
    ['SwyPullSync', 'MAX_DELAY_MINUTES', MAX_ENQUEUE_DELAY_MINUTES],
    ['SwyCalloutRequest', 'MAX_TIMEOUT_SECONDS', MAX_TRANSACTION_CALLOUT_SECONDS],
    ['SwyOperationConfig', 'MAX_CALLOUTS_PER_TRANSACTION', MAX_CALLOUTS_PER_TRANSACTION],
    ['SwyDeliveryFinalizer', 'MAX_CONSECUTIVE_REQUEUES', MAX_FINALIZER_REQUEUES],
    ['SwyRetryPolicy', 'DEFAULT_MAX_CHAIN_DEPTH', SCRATCH_ORG_MAX_CHAIN_DEPTH],
    ['SwyRetryPolicy', 'MAX_EXPONENT', MAX_EXPONENT],
    ['SwyCalloutClient', 'MAX_RETRY_AFTER_SECONDS', MAX_RETRY_AFTER_SECONDS],
    ['SwyInboundEvents', 'MAX_RETRIES', MAX_INBOUND_RETRIES],
    ['SwyChangeCapture', 'MAX_REREAD_ROWS', MAX_REREAD_ROWS],
  ];
  for (const [className, constant, model] of constants) {
    test(`${className}.${constant} is the model's ${model}`, () => {
      assert.equal(apexConstant(readApex(className), constant), model, `${className}.${constant}`);
    });
  }
});
