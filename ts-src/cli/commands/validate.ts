/**
 * `switchyard validate`: the offline checks (scripts/validate.ts) on the workspace's SFDX package
 * directories, run as a child process (each check's tools are heavy and some start a JVM).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { CommandSpec, Parsed } from '../args';
import type { CommandOutcome, Reporter } from '../output';
import { resolveProject, SOURCE_ROOT } from '../project';

export const CHECK_NAMES = ['xml', 'apex-parser', 'apex-ls', 'pmd', 'lwc', 'sdr', 'prettier', 'schema'];

export const validateSpec: CommandSpec = {
  name: 'validate',
  summary: `Prove the generated package and the runtime deployable with no org: ${CHECK_NAMES.join(', ')}.`,
  flags: {
    project: {
      type: 'string',
      value: 'DIR',
      description: 'the SFDX project (default: the one holding the current folder)',
    },
    only: { type: 'string', value: 'NAMES', description: `comma-separated checks to run (${CHECK_NAMES.join(',')})` },
  },
  examples: ['switchyard validate', 'switchyard validate --only apex-parser,apex-ls,pmd', 'switchyard validate --json'],
};

export interface CheckLine {
  name: string;
  status: 'PASS' | 'FAIL' | 'SKIP';
  summary: string;
  seconds: number;
  findings: string[];
}

export async function runValidate(parsed: Parsed, out: Reporter): Promise<CommandOutcome> {
  const project = resolveProject(parsed.flags.project as string | undefined);
  const args = [path.join(SOURCE_ROOT, 'scripts/validate.ts'), '--project', project.workspace];
  if (typeof parsed.flags.only === 'string') args.push('--only', parsed.flags.only);
  const checks: CheckLine[] = [];
  const other: string[] = [];
  const exitCode = await new Promise<number>((resolve, reject) => {
    // The same node with the same loader (tsx) this process runs under.
    const child = spawn(process.execPath, [...process.execArgv, ...args], {
      cwd: project.root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = (stream: NodeJS.ReadableStream, sink: (line: string) => void) => {
      let buffered = '';
      stream.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const parts = buffered.split('\n');
        buffered = parts.pop() ?? '';
        for (const line of parts) sink(line);
      });
      stream.on('end', () => buffered && sink(buffered));
    };
    lines(child.stdout, (line) => {
      const check = /^(PASS|FAIL|SKIP) (\S+)\s+(.*) \(([\d.]+) s\)$/.exec(line);
      if (check) {
        checks.push({
          status: check[1] as CheckLine['status'],
          name: check[2],
          summary: check[3],
          seconds: Number(check[4]),
          findings: [],
        });
      } else if (line.startsWith('     ') && checks.length > 0) {
        checks[checks.length - 1].findings.push(line.trim());
      } else other.push(line);
      out.info(line);
    });
    lines(child.stderr, (line) => {
      other.push(line);
      out.error(line);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  for (const check of checks)
    if (check.status === 'SKIP') out.warn(`validate: ${check.name} skipped: ${check.summary}`);
  const count = (status: CheckLine['status']) => checks.filter((c) => c.status === status).length;
  return {
    exitCode,
    result: {
      workspace: project.workspace,
      passed: count('PASS'),
      failed: count('FAIL'),
      skipped: count('SKIP'),
      checks,
      ...(exitCode === 2 ? { message: other.join('\n') } : {}),
    },
  };
}
