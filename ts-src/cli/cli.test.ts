/**
 * The command line without the package: argument parsing, the --json envelope and exit codes, and
 * `init` on an SFDX project the Salesforce CLI makes here (with a class, a component and a trigger
 * of the team's own) and on an empty folder. The installed package, with build and validate, is
 * tested by packages/switchyard/test (npm run test:package).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { parseArgs, UsageError } from './args';
import { buildSpec } from './commands/build';
import { INIT_RECORD, SCRIPTS, WORKSPACE_PACKAGE_DIRS } from './commands/init';
import { main } from './main';
import { Reporter, type Io } from './output';

const REPO = path.resolve(__dirname, '..', '..');
const SF = path.join(REPO, 'node_modules/.bin/sf');

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), tty: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

async function json(
  ...argv: string[]
): Promise<{ status: number; result: Record<string, unknown>; warnings: string[] }> {
  const { code, stdout, stderr } = await cli(...argv, '--json');
  assert.equal(stderr, '', 'with --json nothing goes to stderr');
  const envelope = JSON.parse(stdout);
  assert.deepEqual(Object.keys(envelope).sort(), ['result', 'status', 'warnings']);
  assert.equal(envelope.status, code, 'status is the exit code');
  return envelope;
}

function hashes(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.set(path.relative(root, full), createHash('sha256').update(fs.readFileSync(full)).digest('hex'));
    }
  };
  walk(root);
  return out;
}

test('flags: values inline or next, booleans without, unknown ones with a suggestion', () => {
  assert.deepEqual(parseArgs(buildSpec, ['--check', '--project=x']).flags, { check: true, project: 'x' });
  assert.deepEqual(parseArgs(buildSpec, ['--project', 'x', '--json']).flags, { project: 'x', json: true });
  assert.throws(
    () => parseArgs(buildSpec, ['--chek']),
    (e: Error) => e instanceof UsageError && /did you mean --check/.test(e.message),
  );
  assert.throws(() => parseArgs(buildSpec, ['--project']), /needs a value/);
  assert.throws(() => parseArgs(buildSpec, ['--check=yes']), /takes no value/);
  assert.throws(() => parseArgs(buildSpec, ['extra']), /unexpected argument/);
});

test('exit codes and the --json envelope: 2 for bad usage, help with examples', async () => {
  assert.equal((await json('nonsense')).status, 2);
  const bad = await json('build', '--bogus');
  assert.equal(bad.status, 2);
  assert.match(String(bad.result.message), /unknown flag --bogus/);
  const help = await cli('init', '--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /EXAMPLES\n {2}\$ switchyard init/);
  assert.equal((await cli()).code, 2, 'no command is bad usage');
});

test('plan: the budget of the project, for the edition asked, in the --json envelope', async () => {
  const enterprise = await json('plan', '--project', REPO);
  assert.equal(enterprise.status, 0, 'the example fits an Enterprise org');
  assert.equal((enterprise.result as { edition: string }).edition, 'enterprise');
  const developer = await json('plan', '--project', REPO, '--edition', 'developer');
  assert.equal(developer.status, 1, 'the example does not fit a Developer Edition org');
  assert.equal((developer.result as { edition: string }).edition, 'developer');
  assert.equal((await json('plan', '--project', REPO, '--event-add-on', 'x')).status, 2, 'a bad add-on count');
});

test('doctor: each tool and the layout, with a fix for what is missing', async () => {
  const result = await json('doctor', '--project', REPO);
  const checks = result.result.checks as { name: string; status: string; fix?: string }[];
  assert.deepEqual(
    checks.map((c) => c.name),
    ['node', 'java', 'xmllint', 'sf', 'project', 'workspace', 'package directories', 'scratch org definition'],
  );
  for (const c of checks) if (c.status !== 'ok') assert.ok(c.fix, `${c.name} says how to fix it`);
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-doctor-'));
  try {
    const none = await json('doctor', '--project', empty);
    assert.equal(none.status, 1);
    assert.match(String((none.result.checks as { fix?: string }[]).at(-1)?.fix), /switchyard init/);
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

test(
  'init on a project sf made: adds only, the team files stay, a second run changes nothing',
  { timeout: 120_000 },
  async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-init-'));
    try {
      const sf = (...args: string[]) => execFileSync(SF, args, { cwd: tmp, stdio: 'ignore' });
      sf('project', 'generate', '--name', 'team', '--output-dir', tmp);
      const team = path.join(tmp, 'team');
      const main = path.join(team, 'force-app/main/default');
      sf('apex', 'generate', 'class', '--name', 'TeamService', '--output-dir', path.join(main, 'classes'));
      sf(
        'lightning',
        'generate',
        'component',
        '--type',
        'lwc',
        '--name',
        'teamCard',
        '--output-dir',
        path.join(main, 'lwc'),
      );
      sf(
        'apex',
        'generate',
        'trigger',
        '--name',
        'AccountTrigger',
        '--sobject',
        'Account',
        '--output-dir',
        path.join(main, 'triggers'),
      );
      const before = hashes(team);
      const original = (file: string) => fs.readFileSync(path.join(team, file), 'utf8');
      const sfdxBefore = JSON.parse(original('sfdx-project.json'));
      const packageBefore = JSON.parse(original('package.json'));
      const forceIgnoreBefore = original('.forceignore');

      const first = await json('init', team);
      assert.equal(first.status, 0, JSON.stringify(first));
      const after = hashes(team);
      const merged = ['sfdx-project.json', 'package.json', '.forceignore'];
      for (const [file, hash] of before)
        if (!merged.includes(file)) assert.equal(after.get(file), hash, `${file} is untouched`);
      const created = [...after.keys()].filter((f) => !before.has(f));
      assert.ok(
        created.every((f) => f === 'switchyard.config.json' || f.startsWith('switchyard/')),
        created.join(', '),
      );
      assert.ok(created.includes('switchyard/ts-src/integrations/example.ts'));
      assert.ok(created.includes(`switchyard/${INIT_RECORD}`));

      const sfdx = JSON.parse(original('sfdx-project.json'));
      assert.deepEqual(
        sfdx.packageDirectories.slice(0, sfdxBefore.packageDirectories.length),
        sfdxBefore.packageDirectories,
      );
      assert.deepEqual(
        sfdx.packageDirectories.slice(sfdxBefore.packageDirectories.length).map((d: { path: string }) => d.path),
        WORKSPACE_PACKAGE_DIRS.map((d) => `switchyard/${d}`),
      );
      assert.equal(sfdx.packageDirectories.filter((d: { default?: boolean }) => d.default).length, 1);
      const pkg = JSON.parse(original('package.json'));
      const withoutAdded = (json: Record<string, unknown>) => {
        const { scripts, overrides, ...rest } = json;
        void scripts;
        void overrides;
        return rest;
      };
      assert.deepEqual(withoutAdded(pkg), withoutAdded(packageBefore), 'package.json keeps every key it had');
      for (const [name, command] of Object.entries(packageBefore.scripts ?? {}))
        assert.equal(pkg.scripts[name], command);
      for (const [name, command] of Object.entries(SCRIPTS)) assert.equal(pkg.scripts[name], command);
      assert.ok(original('.forceignore').startsWith(forceIgnoreBefore));

      const second = await json('init', team);
      assert.equal(second.status, 0);
      assert.deepEqual(
        (second.result.changes as { action: string }[]).filter((c) => c.action !== 'unchanged'),
        [],
      );
      assert.deepEqual(hashes(team), after, 'a second init writes nothing');

      // An edited shipped file is left alone and named; a script name the team uses stops init.
      fs.appendFileSync(path.join(team, 'switchyard/ts-src/dsl/index.ts'), '// ours\n');
      const kept = await json('init', team);
      assert.equal(kept.status, 0);
      assert.ok(kept.warnings.some((w) => w.startsWith('switchyard/ts-src/dsl/index.ts: edited since')));
      pkg.scripts['switchyard:build'] = 'make';
      fs.writeFileSync(path.join(team, 'package.json'), JSON.stringify(pkg));
      const snapshot = hashes(team);
      const refused = await json('init', team);
      assert.equal(refused.status, 1);
      assert.match(String((refused.result.refusals as string[])[0]), /already has a script "switchyard:build"/);
      assert.deepEqual(hashes(team), snapshot, 'a refused init writes nothing');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  },
);

test('init on an empty folder makes an SFDX project; on a folder that is neither it refuses', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-init-'));
  try {
    const fresh = path.join(tmp, 'fresh');
    const made = await json('init', fresh);
    assert.equal(made.status, 0);
    assert.equal(made.result.scaffolded, true);
    const sfdx = JSON.parse(fs.readFileSync(path.join(fresh, 'sfdx-project.json'), 'utf8'));
    assert.deepEqual(
      sfdx.packageDirectories.map((d: { path: string }) => d.path),
      ['force-app', ...WORKSPACE_PACKAGE_DIRS.map((d) => `switchyard/${d}`)],
    );
    assert.deepEqual(
      ((await json('init', fresh)).result.changes as { action: string }[]).filter((c) => c.action !== 'unchanged'),
      [],
    );
    const other = path.join(tmp, 'other');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'notes.txt'), 'x');
    const refused = await json('init', other);
    assert.equal(refused.status, 1);
    assert.match(String((refused.result.refusals as string[])[0]), /no sfdx-project.json and is not empty/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('progress lines only on a terminal and never with --json; the envelope once at the end', () => {
  const lines = (tty: boolean, json: boolean) => {
    let stderr = '';
    let stdout = '';
    const out = new Reporter({ stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), tty }, json);
    out.progress('switchyard: declarations read');
    out.info('switchyard: 3 files generated');
    out.finish(0, { written: 3 });
    return { stderr, stdout };
  };
  assert.equal(lines(true, false).stderr, 'switchyard: declarations read\n');
  assert.equal(lines(false, false).stderr, '', 'quiet when piped');
  assert.equal(lines(false, false).stdout, 'switchyard: 3 files generated\n', 'the last line says what changed');
  assert.deepEqual(JSON.parse(lines(true, true).stdout), { status: 0, result: { written: 3 }, warnings: [] });
  assert.equal(lines(true, true).stderr, '');
});
