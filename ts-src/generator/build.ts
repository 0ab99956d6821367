/**
 * `npm run build`: declarations -> model -> emitters -> formatter -> writer.
 *
 *   npx tsx ts-src/generator/build.ts           generate force-app
 *   npx tsx ts-src/generator/build.ts --check   exit 1 if force-app is not what the declarations generate
 *
 * A declaration error prints file:line:col, the rule and the fix, and nothing is written.
 */
import path from 'node:path';
import { emitAll } from './emit';
import type { GeneratedFile } from './emit/types';
import { formatFiles } from './format';
import { loadModel } from './load';
import { checkApexReferences, readRuntimeApex } from './verify';
import { BuildFailure, formatDeclarationError } from './model/errors';
import {
  acquireBuildLock,
  applyPlan,
  isUpToDate,
  planWrite,
  recoverInterruptedWrite,
  WriteRefused,
  type BuildLock,
  type WritePlan,
} from './write/writer';

export interface BuildResult {
  plan: WritePlan;
  files: GeneratedFile[];
}

/** Everything but the disk writes: throws BuildFailure or WriteRefused when the build must stop. */
export async function planBuild(projectRoot: string): Promise<BuildResult> {
  const model = loadModel(projectRoot);
  const emitted = emitAll(model);
  checkApexReferences(model, emitted, readRuntimeApex(projectRoot));
  const files = await formatFiles(projectRoot, emitted);
  return { plan: planWrite(projectRoot, files), files };
}

export interface BuildLog {
  info(line: string): void;
  error(line: string): void;
}

/** Runs the build (or, with checkOnly, compares) and returns the process exit code. */
export async function build(projectRoot: string, checkOnly: boolean, log: BuildLog): Promise<number> {
  const started = performance.now();
  let lock: BuildLock | undefined;
  try {
    // Output safety (write/lock.ts, write/journal.ts): one build at a time; an interrupted one is finished first.
    lock = acquireBuildLock(projectRoot, log.info);
    const recovered = recoverInterruptedWrite(projectRoot, checkOnly);
    if (recovered) log.info(recovered);
    const { plan } = await planBuild(projectRoot);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (checkOnly) {
      if (isUpToDate(projectRoot, plan)) {
        log.info(`switchyard: force-app is up to date (${plan.unchanged.length} files, ${seconds} s)`);
        return 0;
      }
      for (const file of plan.write) log.error(`  out of date: ${file.path}`);
      for (const file of plan.remove) log.error(`  stale: ${file}`);
      log.error(
        'switchyard: force-app is not what the declarations generate; run `npm run build` and commit the result',
      );
      return 1;
    }
    applyPlan(projectRoot, plan);
    log.info(
      `switchyard: ${plan.write.length + plan.unchanged.length} files generated ` +
        `(${plan.write.length} written, ${plan.remove.length} stale removed, ${plan.unchanged.length} unchanged) in ${seconds} s`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BuildFailure) {
      for (const declarationError of error.errors) log.error(formatDeclarationError(declarationError));
      log.error(`switchyard: build failed with ${error.errors.length} error(s); nothing was written`);
      return 1;
    }
    if (error instanceof WriteRefused) {
      log.error(`switchyard: ${error.message}; nothing was written`);
      return 1;
    }
    // An internal fault: say so plainly; the stack only on request.
    log.error(`switchyard: internal error: ${(error as Error).message}; nothing was written`);
    if (process.env.SWITCHYARD_DEBUG) log.error(String((error as Error).stack));
    return 2;
  } finally {
    lock?.release();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const projectRoot = path.resolve(process.env.SWITCHYARD_PROJECT_ROOT ?? process.cwd());
  const log: BuildLog = { info: (line) => console.log(line), error: (line) => console.error(line) };
  build(projectRoot, process.argv.includes('--check'), log).then((code) => process.exit(code));
}
