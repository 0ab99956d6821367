/**
 * Check 5: every Lightning Web Component bundle compiles with @lwc/compiler (its .js and .html,
 * Jest tests aside) and its JavaScript, tests included, passes ESLint with the project's
 * eslint.config.js (@salesforce/eslint-config-lwc recommended + @lwc/eslint-plugin-lwc-platform).
 */
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from '@lwc/compiler';
import { ESLint } from 'eslint';
import { errorText, plural, verdict, type Check, type Context, type Finding } from './runner';
import { projectOrRepoFile } from './tools';

interface BundleFile {
  file: string;
  bundleDir: string;
  /** The component's folder name, which the compiler needs to name it. */
  bundle: string;
  isTest: boolean;
}

/** Files inside a `.../lwc/<bundle>/` folder of a package directory. */
export function lwcBundleFiles(ctx: Context): BundleFile[] {
  return ctx.files.flatMap((file) => {
    const parts = path.relative(ctx.projectRoot, file).split(path.sep);
    const at = parts.lastIndexOf('lwc', parts.length - 3);
    if (at < 0) return [];
    return [
      {
        file,
        bundleDir: path.join(ctx.projectRoot, ...parts.slice(0, at + 2)),
        bundle: parts[at + 1],
        isTest: parts.slice(at + 2).includes('__tests__'),
      },
    ];
  });
}

export const lwcCheck: Check = async (ctx) => {
  const files = lwcBundleFiles(ctx);
  if (files.length === 0) return { status: 'PASS', summary: '0 bundles', findings: [] };
  const bundles = new Set(files.map((f) => f.bundleDir));
  const jsFiles = files.filter((f) => f.file.endsWith('.js'));
  const findings = [...compile(files), ...(await lint(ctx, jsFiles))];
  return verdict(findings, `${plural(bundles.size, 'bundle')} compiled and lint-clean`, (n) => plural(n, 'problem'));
};

function compile(files: BundleFile[]): Finding[] {
  const sources = files.filter((f) => !f.isTest && (f.file.endsWith('.js') || f.file.endsWith('.html')));
  const findings: Finding[] = [];
  for (const { file, bundle } of sources) {
    const source = fs.readFileSync(file, 'utf8');
    try {
      transformSync(source, path.basename(file), { name: bundle, namespace: 'c' });
    } catch (e) {
      const at = offsetPosition(source, (e as { location?: { start: number } }).location?.start);
      findings.push({
        file,
        ...at,
        // The compiler's message ends with a code frame; its first line says what is wrong.
        message: errorText(e)
          .split('\n')[0]
          .replace(/^.*?: (LWC\d+)/, '$1'),
        rule: 'lwc compiler',
      });
    }
  }
  return findings;
}

/**
 * The compiler's `location.column` counts from 0 for JavaScript and from 1 for templates; its
 * `start` offset means the same in both.
 */
function offsetPosition(source: string, start: number | undefined): { line?: number; col?: number } {
  if (start === undefined) return {};
  const before = source.slice(0, start).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}

async function lint(ctx: Context, jsFiles: BundleFile[]): Promise<Finding[]> {
  if (jsFiles.length === 0) return [];
  const config = projectOrRepoFile(ctx.projectRoot, ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs']);
  const eslint = new ESLint({ cwd: ctx.projectRoot, overrideConfigFile: config });
  const results = await eslint.lintFiles(jsFiles.map((f) => f.file));
  // Warnings fail too: generated code has no reason to carry any.
  return results.flatMap((r) =>
    r.messages.map((m) => ({
      file: r.filePath,
      line: m.line,
      col: m.column,
      message: m.message,
      rule: m.ruleId ?? 'eslint',
    })),
  );
}
