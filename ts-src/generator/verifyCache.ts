/**
 * The Apex reference check (verify.ts), remembered per Apex source. The check of one source depends
 * on the generator's code, the source's text and the parts of the model the check reads; which
 * parts it reads is observed (the model is wrapped in a Proxy that notes every top-level property
 * read), stored with the entry and compared by hash next time. So a source whose text, generator and
 * read model parts are unchanged is not parsed again; only checks that passed are remembered (a
 * failing build always checks everything and reports every problem, as verify.ts does).
 */
import path from 'node:path';
import type { ApexSource } from './emit/apex/references';
import type { GeneratedFile } from './emit/types';
import type { Model } from './model/types';
import { cacheDirectory, projectTag, readEntry, sha256, writeEntry } from './cache';
import { generatorFingerprint } from './inputs';
import { checkApexReferences } from './verify';

const VERIFY_CACHE_VERSION = '1';

interface Passed {
  /** Top-level model properties the check read. */
  reads: string[];
  /** sha256 of those properties' values. */
  readsHash: string;
}

const isApex = (file: string) => file.endsWith('.cls') || file.endsWith('.trigger');

export function checkApexReferencesCached(
  projectRoot: string,
  model: Model,
  emitted: readonly GeneratedFile[],
  runtime: readonly ApexSource[],
): void {
  const cache = cacheDirectory(projectRoot);
  if (!cache) return checkApexReferences(model, emitted, runtime);
  const file = path.join(cache, `verify-${projectTag(projectRoot)}.json`);
  const stored = readEntry<Record<string, Passed>>(file) ?? {};
  const code = generatorFingerprint();
  const keyOf = (source: ApexSource) => sha256(VERIFY_CACHE_VERSION, code, source.path, source.content);
  const hashes = new Map<string, string>();
  const readsHash = (reads: readonly string[]) => {
    const key = reads.join(',');
    if (!hashes.has(key)) hashes.set(key, sha256(...reads.map((name) => stableJson((model as never)[name]))));
    return hashes.get(key)!;
  };
  const passedBefore = (source: ApexSource) => {
    const entry = stored[keyOf(source)];
    return entry !== undefined && Array.isArray(entry.reads) && entry.readsHash === readsHash(entry.reads);
  };

  const generated = emitted.filter((item) => isApex(item.path));
  const toCheckGenerated = generated.filter((source) => !passedBefore(source));
  const toCheckRuntime = runtime.filter((source) => !passedBefore(source));
  const reads = new Set<string>();
  const observed = new Proxy(model, {
    get(target, property, receiver) {
      if (typeof property === 'string') reads.add(property);
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  // Throws BuildFailure on a problem: nothing is remembered then.
  checkApexReferences(observed, toCheckGenerated, toCheckRuntime);

  const readList = [...reads].sort();
  const next: Record<string, Passed> = {};
  for (const source of [...generated, ...runtime]) {
    const key = keyOf(source);
    const checkedNow = toCheckGenerated.includes(source as GeneratedFile) || toCheckRuntime.includes(source);
    next[key] = checkedNow ? { reads: readList, readsHash: readsHash(readList) } : stored[key];
  }
  if (toCheckGenerated.length + toCheckRuntime.length > 0 || Object.keys(stored).length !== Object.keys(next).length) {
    writeEntry(file, next);
  }
}

/** JSON that keeps what Maps and Sets hold (plain JSON.stringify would write `{}`). */
function stableJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, item: unknown) =>
      item instanceof Map ? { map: [...item] } : item instanceof Set ? { set: [...item] } : item,
    ) ?? 'undefined'
  );
}
