import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prettierCheck } from './prettier';
import { apexClass, findingFiles, makeProject } from './test-project';

const FORMATTED = `public with sharing class SwyBackoff {
  public static Integer delayMs(Integer attempt, Integer capMs) {
    return Math.min(capMs, 100 * (Integer) Math.pow(2, attempt - 1));
  }
}
`;
const BUNDLE = 'app/lwc/orderStatus';
const lwc = {
  [`${BUNDLE}/orderStatus.js`]:
    "import { LightningElement } from 'lwc';\n\nexport default class OrderStatus extends LightningElement {}\n",
  [`${BUNDLE}/orderStatus.html`]: '<template>\n  <p class="status">{label}</p>\n</template>\n',
  [`${BUNDLE}/orderStatus.css`]: '.status {\n  font-weight: bold;\n}\n',
};

test('prettier passes Apex, -meta.xml and LWC files formatted with the project .prettierrc', async (t) => {
  const project = makeProject({ ...apexClass('app', 'SwyBackoff', FORMATTED), ...lwc });
  t.after(project.remove);
  const result = await prettierCheck(project.context());
  assert.deepEqual(result.findings, []);
  assert.equal(result.status, 'PASS');
  assert.match(result.summary, /^5 files formatted/);
});

test('prettier fails an unformatted class, naming it', async (t) => {
  const project = makeProject({
    ...apexClass('app', 'SwyBackoff', FORMATTED.replace('  public static', 'public  static')),
    ...lwc,
  });
  t.after(project.remove);
  const ctx = project.context();
  const result = await prettierCheck(ctx);
  assert.equal(result.status, 'FAIL');
  assert.deepEqual(findingFiles(ctx, result.findings), ['app/classes/SwyBackoff.cls']);
});

test('prettier finds its plugins from the tool when the project has no node_modules, whatever the current folder', async (t) => {
  const project = makeProject({ ...apexClass('app', 'SwyBackoff', FORMATTED), ...lwc });
  t.after(project.remove);
  const ctx = project.context();
  // As `switchyard validate --project DIR` runs it: from the project, which holds no prettier plugins.
  const cwd = process.cwd();
  process.chdir(ctx.projectRoot);
  t.after(() => process.chdir(cwd));
  const result = await prettierCheck(ctx);
  assert.deepEqual(result.findings, []);
  assert.equal(result.status, 'PASS');
});
