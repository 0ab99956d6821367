/**
 * One build of a project, in process and phase by phase, without writing anything: prints JSON
 * with the seconds spent loading, emitting, formatting and planning, and the process's peak RSS.
 * Run by bench/build/run.ts in a fresh process each time, so every run starts cold.
 *
 *   npx tsx bench/build/phases.ts <projectRoot>
 */
import path from 'node:path';
import { emitAll } from '../../ts-src/generator/emit';
import { formatFiles } from '../../ts-src/generator/format';
import { loadModel } from '../../ts-src/generator/load';
import { planWrite } from '../../ts-src/generator/write/writer';

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? process.cwd());
  const seconds = (from: number) => (performance.now() - from) / 1000;
  let started = performance.now();
  const model = loadModel(root);
  const load = seconds(started);
  started = performance.now();
  const emitted = emitAll(model);
  const emit = seconds(started);
  started = performance.now();
  const files = await formatFiles(root, emitted);
  const format = seconds(started);
  started = performance.now();
  planWrite(root, files);
  const plan = seconds(started);
  const apexFiles = files.filter((file) => file.parser === 'apex').length;
  // maxRSS is in kilobytes: https://nodejs.org/api/process.html#processresourceusage
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      load,
      emit,
      format,
      plan,
      files: files.length,
      apexFiles,
      operations: model.operations.length,
      maxRssMb,
    }),
  );
}

main();
