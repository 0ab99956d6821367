/**
 * The settings and features a scratch org needs for the declared standard objects, compared with
 * the project's config/project-scratch-def.json, which the generator reads and never writes.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import type { Model } from '../model/types';
import { formatDeclarationWarning } from '../validate';
import { SCRATCH_DEFINITION, scratchOrgGaps, scratchOrgNeeds, scratchOrgWarnings } from './scratchOrg';

const at = (line: number) => ({ file: 'ts-src/integrations/x.ts', line, column: 3 });

/** Just what the check reads: the objects extended and the objects operations name. */
const model = (extended: string[], operated: string[] = []): Model =>
  ({
    extensions: extended.map((object, i) => ({ object, fields: [], location: at(i + 1) })),
    operations: operated.map((object, i) => ({ pattern: 'batch-sync', object, location: at(100 + i) })),
  }) as unknown as Model;

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-scratch-'));
  fs.writeFileSync(path.join(root, 'sfdx-project.json'), '{"packageDirectories":[]}\n');
  fs.mkdirSync(path.join(root, 'config'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const definition = (value: object) =>
  fs.writeFileSync(path.join(root, SCRATCH_DEFINITION), `${JSON.stringify(value, null, 2)}\n`);

test('objects that need nothing need nothing', () => {
  assert.deepEqual(scratchOrgNeeds(model(['Account', 'Case', 'Contact'], ['Opportunity'])), []);
  assert.deepEqual(scratchOrgGaps(root, model(['Account'])).gaps, [], 'no definition needed either');
});

test('Order, Quote and Work Order need their settings; Field Service a feature too', () => {
  const needs = scratchOrgNeeds(model(['Order', 'Quote'], ['WorkOrder', 'ServiceAppointment']));
  assert.deepEqual(
    needs.map((n) => [n.entry, n.objects]),
    [
      ['settings.orderSettings.enableOrders', ['Order']],
      ['settings.quoteSettings.enableQuote', ['Quote']],
      ['settings.fieldServiceSettings.enableWorkOrders', ['WorkOrder', 'ServiceAppointment']],
      ['features: FieldService', ['ServiceAppointment']],
      ['settings.fieldServiceSettings.fieldServiceOrgPref', ['ServiceAppointment']],
    ],
  );
});

test('what the definition sets is no gap; the rest is a warning at the declaration, and the file is left alone', () => {
  definition({
    edition: 'Developer',
    features: ['fieldservice'],
    settings: { orderSettings: { enableOrders: true } },
  });
  const before = fs.readFileSync(path.join(root, SCRATCH_DEFINITION), 'utf8');
  const checked = model(['Order', 'Quote'], ['ServiceAppointment']);
  assert.deepEqual(
    scratchOrgGaps(root, checked).gaps.map((g) => g.entry),
    [
      'settings.quoteSettings.enableQuote',
      'settings.fieldServiceSettings.enableWorkOrders',
      'settings.fieldServiceSettings.fieldServiceOrgPref',
    ],
    'features are compared ignoring case',
  );
  const [quote] = scratchOrgWarnings(root, checked);
  assert.equal(
    formatDeclarationWarning(quote).split('\n')[0],
    'ts-src/integrations/x.ts:2:3: warning [scratch-org-setting] Quote exists in a scratch org only with settings.quoteSettings.enableQuote, which config/project-scratch-def.json does not set: a scratch org made from it would refuse the deploy',
  );
  assert.match(
    formatDeclarationWarning(quote),
    /fix: in config\/project-scratch-def\.json, add "settings": \{ "quoteSettings": \{ "enableQuote": true \} \}/,
  );
  assert.equal(fs.readFileSync(path.join(root, SCRATCH_DEFINITION), 'utf8'), before);
});

test('no definition at all: every need is a gap', () => {
  assert.equal(scratchOrgGaps(root, model(['Order'])).gaps.length, 1);
});

test("this repository's own definition has what its example app needs", async () => {
  const { loadModel } = await import('../load');
  const repo = path.resolve(__dirname, '../../..');
  const warnings: string[] = [];
  const example = loadModel(repo, (w) => warnings.push(w.rule));
  assert.deepEqual(scratchOrgGaps(repo, example).gaps, []);
  assert.ok(!warnings.includes('scratch-org-setting'));
});
