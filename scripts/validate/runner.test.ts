import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { createContext, runChecks } from './runner';
import { makeProject } from './test-project';

test('the context lists the files of every package directory of sfdx-project.json', (t) => {
  const project = makeProject(
    { 'runtime/classes/A.cls': '', 'app/main/default/classes/B.cls': '', 'elsewhere/C.cls': '' },
    { packageDirs: ['runtime', 'app'] },
  );
  t.after(project.remove);
  const ctx = project.context();
  assert.deepEqual(ctx.packageDirs, ['runtime', 'app']);
  assert.deepEqual(
    ctx.files.map((f) => path.relative(project.root, f)),
    ['app/main/default/classes/B.cls', 'runtime/classes/A.cls'],
  );
});

test('the context refuses a package directory that does not exist', (t) => {
  const project = makeProject({}, { packageDirs: ['app'] });
  t.after(project.remove);
  project.write('sfdx-project.json', JSON.stringify({ packageDirectories: [{ path: 'app' }, { path: 'force-app' }] }));
  assert.throws(() => createContext(project.root), /do not exist: force-app/);
});

test('runChecks prints one summary line per check, then its findings, and fails a check that throws', async (t) => {
  const project = makeProject({ 'app/classes/A.cls': '' });
  t.after(project.remove);
  const lines: string[] = [];
  const results = await runChecks(
    [
      { name: 'good', run: async () => ({ status: 'PASS', summary: '1 file fine', findings: [] }) },
      {
        name: 'bad',
        run: async (ctx) => ({
          status: 'FAIL',
          summary: '1 error',
          findings: [
            { file: path.join(ctx.projectRoot, 'app/classes/A.cls'), line: 3, col: 7, message: 'no', rule: 'R' },
          ],
        }),
      },
      {
        name: 'broken',
        run: async () => {
          throw new Error('tool crashed');
        },
      },
    ],
    project.context(),
    (line) => lines.push(line.replace(/ \(\d+\.\d s\)$/, '')),
  );
  assert.deepEqual(lines, [
    'PASS good    1 file fine',
    'FAIL bad     1 error',
    '     app/classes/A.cls:3:7 no [R]',
    'FAIL broken  the check itself failed',
    '     tool crashed',
  ]);
  assert.deepEqual(
    results.map((r) => r.result.status),
    ['PASS', 'FAIL', 'FAIL'],
  );
});
