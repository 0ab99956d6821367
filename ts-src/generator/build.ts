/**
 * `npm run build`: declarations -> model -> emitters -> formatter -> writer.
 *
 *   npx tsx ts-src/generator/build.ts           generate force-app
 *   npx tsx ts-src/generator/build.ts --check   exit 1 if force-app is not what the declarations generate
 *
 * A declaration error prints file:line:col, the rule and the fix, and nothing is written.
 */
import path from 'node:path';
import type { GeneratedFile } from './emit/types';
import type { FormatPlan, FormatStats } from './format';
import { cacheDirectory } from './cache';
import { inputFingerprint, sourcesFingerprint } from './inputs';
import { BuildFailure, formatDeclarationError } from './model/errors';
import { outputMatches, readRecord, recordedOutputs, writeRecord } from './write/record';
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
  // Loaded here, not at the top: a build with nothing to do never needs ts-morph, TypeScript or prettier.
  const [
    { loadModel },
    { emitAll },
    { readRuntimeApex },
    { checkApexReferencesCached },
    { formatFiles, planFormat, startApexParser },
    { compileCache },
  ] = await Promise.all([
    import('./load'),
    import('./emit'),
    import('./verify'),
    import('./verifyCache'),
    import('./format'),
    import('./emit/lwc/compile'),
  ]);
  compileCache.directory = cacheDirectory(projectRoot);
  const phase = phaseTimer();
  phase(`start-up and modules (since the process started: ${(performance.now() / 1000).toFixed(2)} s)`);
  // Something changed (or this is the first build): Apex will most likely need formatting, so the
  // parser's JVM boots on the other core while this one loads, emits and checks references.
  const apexParser = startApexParser(projectRoot);
  await apexParser.spawned;
  const apexServer = apexParser.server;
  let emitted: GeneratedFile[];
  let formatPlan: FormatPlan;
  try {
    const model = loadModel(projectRoot);
    phase('load');
    emitted = emitAll(model);
    phase('emit');
    checkApexReferencesCached(projectRoot, model, emitted, readRuntimeApex(projectRoot));
    phase('verify');
    formatPlan = planFormat(projectRoot, emitted);
  } catch (error) {
    await (await apexServer.catch(() => undefined))?.stop();
    throw error;
  }
  const stats: FormatStats = { formatted: 0, cached: 0, apexParser: 'none' };
  const files = await formatFiles(projectRoot, emitted, stats, formatPlan, apexServer);
  phase(`format (${stats.formatted} formatted, ${stats.cached} from cache, Apex parser: ${stats.apexParser})`);
  const plan = planWrite(projectRoot, files);
  phase('plan');
  return { plan, files };
}

/** Progress hook: `switchyard build` shows each phase as it ends (on a terminal only). */
export const buildProgress: { onPhase?: (name: string) => void } = {};

/** `SWITCHYARD_TIMING=1`: each phase's seconds on stderr. */
function phaseTimer(): (name: string) => void {
  let last = buildStarted;
  return (name) => {
    buildProgress.onPhase?.(name);
    const now = performance.now();
    if (process.env.SWITCHYARD_TIMING) console.error(`switchyard: ${name} ${((now - last) / 1000).toFixed(2)} s`);
    last = now;
  };
}

export interface BuildLog {
  info(line: string): void;
  error(line: string): void;
}

/** Runs the build (or, with checkOnly, compares) and returns the process exit code. */
let buildStarted = 0;

export async function build(projectRoot: string, checkOnly: boolean, log: BuildLog): Promise<number> {
  const started = performance.now();
  buildStarted = started;
  const elapsed = () => ((performance.now() - started) / 1000).toFixed(1);
  let lock: BuildLock | undefined;
  try {
    // Output safety (write/lock.ts, write/journal.ts): one build at a time; an interrupted one is
    // finished first, before anything (the no-op check included) reads the tree.
    lock = acquireBuildLock(projectRoot, log.info);
    const recovered = recoverInterruptedWrite(projectRoot, checkOnly);
    if (recovered) log.info(recovered);
    // Nothing changed since the last build and its output is intact: a full build would write nothing.
    const sources = sourcesFingerprint(projectRoot);
    const record = readRecord(projectRoot);
    if (record && record.fingerprint === inputFingerprint(projectRoot, recordedOutputs(record), sources)) {
      if (outputMatches(projectRoot, record)) {
        const count = recordedOutputs(record).length;
        log.info(
          checkOnly
            ? `switchyard: force-app is up to date (${count} files, ${elapsed()} s; inputs unchanged since the last build)`
            : `switchyard: ${count} files generated (0 written, 0 stale removed, ${count} unchanged) in ${elapsed()} s; inputs unchanged since the last build`,
        );
        return 0;
      }
    }
    const { plan, files } = await planBuild(projectRoot);
    const seconds = elapsed();
    const remember = () =>
      writeRecord(
        projectRoot,
        inputFingerprint(
          projectRoot,
          files.map((file) => file.path),
          sources,
        ),
        files,
        plan.manifest,
      );
    if (checkOnly) {
      if (isUpToDate(projectRoot, plan)) {
        remember();
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
    remember();
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
