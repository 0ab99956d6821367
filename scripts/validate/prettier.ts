/**
 * Check 7: Apex, metadata XML and LWC sources are formatted as prettier (with
 * prettier-plugin-apex and @prettier/plugin-xml) and the project's .prettierrc would write them,
 * so a rebuild or a format-on-save changes nothing. Honours .prettierignore like `prettier --check`.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { lwcBundleFiles } from './lwc';
import { errorText, plural, verdict, type Check, type Finding } from './runner';
import { resolveModule } from './tools';

export const prettierCheck: Check = async (ctx) => {
  const lwc = new Set(lwcBundleFiles(ctx).map((f) => f.file));
  const candidates = ctx.files.filter(
    (f) =>
      f.endsWith('.cls') ||
      f.endsWith('.trigger') ||
      f.endsWith('-meta.xml') ||
      (lwc.has(f) && ['.js', '.html', '.css'].includes(path.extname(f))),
  );
  const ignorePath = ['.gitignore', '.prettierignore']
    .map((name) => path.join(ctx.projectRoot, name))
    .filter((p) => fs.existsSync(p));
  const findings: Finding[] = [];
  let checked = 0;
  for (const file of candidates) {
    // resolveConfig: false, or prettier loads the configuration's plugins by name from the current
    // folder to infer a parser, which fails where the project has no node_modules of its own (a
    // fresh project, the examples); the plugins are resolved below, from the project or this tool.
    if ((await prettier.getFileInfo(file, { ignorePath, resolveConfig: false })).ignored) continue;
    checked++;
    const config = await prettier.resolveConfig(file, { editorconfig: false });
    if (!config) {
      findings.push({ file, message: 'no prettier configuration (.prettierrc) applies to this file' });
      continue;
    }
    const plugins = (config.plugins ?? []).map((p) => (typeof p === 'string' ? resolveModule(ctx.projectRoot, p) : p));
    try {
      const formatted = await prettier.check(fs.readFileSync(file, 'utf8'), { ...config, plugins, filepath: file });
      if (!formatted) findings.push({ file, message: 'not formatted: run prettier --write on it (or rebuild)' });
    } catch (e) {
      findings.push({ file, message: `prettier cannot parse it: ${errorText(e).split('\n')[0]}` });
    }
  }
  return verdict(findings, `${plural(checked, 'file')} formatted`, (n) => plural(n, 'file') + ' not formatted');
};
