import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lwcCheck } from './lwc';
import { apexClass, findingFiles, makeProject } from './test-project';

const BUNDLE = 'app/lwc/orderStatus';
const JS = `import { LightningElement, api } from 'lwc';

export default class OrderStatus extends LightningElement {
  @api recordId;
  status = 'New';

  get label() {
    return \`Status: \${this.status}\`;
  }
}
`;
const HTML = '<template>\n  <p>{label}</p>\n</template>\n';
const META = `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
  <apiVersion>66.0</apiVersion>
  <isExposed>false</isExposed>
</LightningComponentBundle>
`;
const TEST = `import { createElement } from 'lwc';
import OrderStatus from 'c/orderStatus';

describe('c-order-status', () => {
  it('shows the status', () => {
    const element = createElement('c-order-status', { is: OrderStatus });
    document.body.appendChild(element);
    expect(element.shadowRoot.querySelector('p').textContent).toBe('Status: New');
  });
});
`;
const bundle = (js: string, html = HTML) => ({
  [`${BUNDLE}/orderStatus.js`]: js,
  [`${BUNDLE}/orderStatus.html`]: html,
  [`${BUNDLE}/orderStatus.js-meta.xml`]: META,
  [`${BUNDLE}/__tests__/orderStatus.test.js`]: TEST,
});

test('lwc passes a project without bundles', async (t) => {
  const project = makeProject(apexClass('app', 'Swy', 'public with sharing class Swy {}\n'));
  t.after(project.remove);
  const result = await lwcCheck(project.context());
  assert.equal(result.status, 'PASS');
  assert.equal(result.summary, '0 bundles');
});

test('lwc passes a bundle that compiles and lints clean, its Jest test included', async (t) => {
  const project = makeProject(bundle(JS));
  t.after(project.remove);
  const result = await lwcCheck(project.context());
  assert.deepEqual(result.findings, []);
  assert.equal(result.status, 'PASS');
  assert.match(result.summary, /^1 bundle /);
});

test('lwc fails JavaScript the LWC compiler rejects, naming the file and line', async (t) => {
  // A decorator used without importing it from 'lwc' (LWC1102).
  const project = makeProject(
    bundle(JS.replace("import { LightningElement, api } from 'lwc';", "import { LightningElement } from 'lwc';")),
  );
  t.after(project.remove);
  const ctx = project.context();
  const result = await lwcCheck(ctx);
  assert.equal(result.status, 'FAIL');
  const compiler = result.findings.filter((f) => f.rule === 'lwc compiler');
  assert.deepEqual(findingFiles(ctx, compiler), [`${BUNDLE}/orderStatus.js`]);
  assert.equal(compiler[0].line, 4);
  assert.match(compiler[0].message, /^LWC1102/);
});

test('lwc fails a template the LWC compiler rejects', async (t) => {
  const project = makeProject(bundle(JS, '<template>\n  <p>{label.trim()}</p>\n</template>\n'));
  t.after(project.remove);
  const ctx = project.context();
  const result = await lwcCheck(ctx);
  assert.equal(result.status, 'FAIL');
  assert.deepEqual(findingFiles(ctx, result.findings), [`${BUNDLE}/orderStatus.html`]);
  assert.deepEqual([result.findings[0].line, result.findings[0].col], [2, 6]);
});

test('lwc fails JavaScript that breaks an ESLint rule of the LWC configuration', async (t) => {
  const project = makeProject(
    bundle(
      JS.replace("status = 'New';", "status = 'New';\n  connectedCallback() {\n    setTimeout(() => {}, 0);\n  }"),
    ),
  );
  t.after(project.remove);
  const ctx = project.context();
  const result = await lwcCheck(ctx);
  assert.equal(result.status, 'FAIL');
  assert.deepEqual(findingFiles(ctx, result.findings), [`${BUNDLE}/orderStatus.js`]);
  assert.equal(result.findings[0].rule, '@lwc/lwc/no-async-operation');
});
