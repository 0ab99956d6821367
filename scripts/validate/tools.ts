/** Running external programs, and finding the tools and configuration the checks use. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** This repository: where the validator's own node_modules and default configuration live. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

const repoRequire = createRequire(path.join(REPO_ROOT, 'package.json'));

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program to completion; rejects only when it cannot be started (e.g. not installed). */
export function exec(command: string, args: string[], cwd: string): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/**
 * apex-ls and PMD 7 both ship as jars inside @salesforce/code-analyzer-pmd-engine (pinned in
 * package.json); one classpath serves both.
 */
export function javaClasspath(): string {
  const pkg = path.dirname(repoRequire.resolve('@salesforce/code-analyzer-pmd-engine/package.json'));
  return path.join(pkg, 'dist', 'java-lib', '*');
}

/**
 * Each analysis is one short JVM run: the C1 compiler alone and the serial collector halve its
 * CPU time (apex-ls on the runtime library: 7.2 s to 3.7 s of CPU; PMD: 7.5 s to 3.8 s).
 */
const JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

export async function runJava(mainClass: string, args: string[], cwd: string): Promise<ExecResult> {
  try {
    return await exec('java', [...JVM_OPTIONS, '-cp', javaClasspath(), mainClass, ...args], cwd);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('java not found: install a JDK 11 or later (apt-get install -y openjdk-17-jre-headless)');
    }
    throw e;
  }
}

/**
 * A project's own configuration file when it has one, else this repository's: the validator can
 * check any SFDX project (its tests build throwaway ones) with the same rules.
 */
export function projectOrRepoFile(projectRoot: string, candidates: string[]): string {
  for (const root of [projectRoot, REPO_ROOT]) {
    for (const name of candidates) {
      const file = path.join(root, name);
      if (fs.existsSync(file)) return file;
    }
  }
  throw new Error(`none of ${candidates.join(', ')} found in ${projectRoot} or ${REPO_ROOT}`);
}

/** Resolves a package name from the project first, then from the validator's own node_modules. */
export function resolveModule(projectRoot: string, name: string): string {
  try {
    return createRequire(path.join(projectRoot, 'package.json')).resolve(name);
  } catch {
    return repoRequire.resolve(name);
  }
}

/** A clean scratch folder under the context's work dir. */
export function freshDir(workDir: string, name: string): string {
  const dir = path.join(workDir, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
