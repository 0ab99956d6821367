/**
 * Formats emitted files with the project's own prettier config (.prettierrc), so the committed
 * output is what `npm run prettier:verify` expects and rebuilding is byte-stable.
 */
import path from 'node:path';
import * as prettier from 'prettier';
import type { GeneratedFile } from './emit/types';

export async function formatFiles(projectRoot: string, files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  return Promise.all(
    files.map(async (file) => {
      if (!file.parser) return file;
      const filepath = path.join(projectRoot, file.path);
      const config = (await prettier.resolveConfig(filepath)) ?? {};
      try {
        const content = await prettier.format(file.content, { ...config, filepath, parser: file.parser });
        return { ...file, content };
      } catch (error) {
        // An emitter produced text its own language rejects: a generator bug, not a user error.
        throw new Error(`could not format ${file.path} (${file.parser}): ${(error as Error).message}`);
      }
    }),
  );
}
