/**
 * `preview`: the generated record-page components in a local browser, no org. Reads the validated
 * model (which components sit on which generated record page, the events they subscribe to and
 * those events' declared fields), bundles the compiled components from force-app with the real
 * LWC engine, base components and stand-ins (./bundle.ts), and serves the page (./page) with SLDS
 * on 127.0.0.1 only (./server.ts).
 *
 *   const { url, close } = await startPreview({ projectRoot, port: 0 });
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadModel } from '../generator/load';
import { GENERATED_ROOT } from '../generator/model/naming';
import { bundlePage, bundlesIn, type Mode } from './bundle';
import { describePreview, type PreviewDescription } from './description';
import { serveStatic } from './server';

export { describePreview } from './description';
export type { PreviewDescription } from './description';

export interface PreviewOptions {
  projectRoot: string;
  /** 0 (the default) for an ephemeral port. */
  port?: number;
  /** `development` (the default) keeps the engine's warnings; `production` is what users run. */
  mode?: Mode;
}

export interface Preview {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  description: PreviewDescription;
  close(): Promise<void>;
}

const SLDS_ASSETS = path.join(
  path.dirname(createRequire(__filename).resolve('@salesforce-ux/design-system/package.json')),
  'assets',
);
const SLDS_CSS = '/assets/styles/salesforce-lightning-design-system.min.css';

/** The module that imports every component the description mounts, keyed by element name. */
function componentsModule(description: PreviewDescription): string {
  const used = [
    ...new Map(description.pages.flatMap((page) => page.components.map((c) => [c.tag, c.bundle]))).entries(),
  ];
  return [
    ...used.map(([, bundle], i) => `import C${i} from ${JSON.stringify(`c/${bundle}`)};`),
    `export const components = { ${used.map(([tag], i) => `${JSON.stringify(tag)}: C${i}`).join(', ')} };`,
  ].join('\n');
}

function html(description: PreviewDescription): string {
  // Inside <script>, `<` is escaped so no value can close the element.
  const json = JSON.stringify(description).replace(/</g, '\\u003c');
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<title>Switchyard preview</title>',
    `<link rel="stylesheet" href="${SLDS_CSS}">`,
    '</head><body class="slds-scope" style="background:#f3f3f3">',
    `<script type="application/json" id="swy-preview-description">${json}</script>`,
    '<main id="preview"></main><script src="/preview.js"></script></body></html>',
  ].join('');
}

/** Builds the page and serves it until `close()`. Throws BuildFailure when the declarations do not validate. */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const projectRoot = path.resolve(options.projectRoot);
  const description = describePreview(loadModel(projectRoot));
  const lwcDir = path.join(projectRoot, GENERATED_ROOT, 'lwc');
  const missing = description.pages
    .flatMap((page) => page.components)
    .filter((component) => !fs.existsSync(path.join(lwcDir, component.bundle, `${component.bundle}.js`)));
  if (missing.length > 0)
    throw new Error(
      `${missing.map((component) => component.bundle).join(', ')} not compiled in ${lwcDir}: run the build first`,
    );
  const script = await bundlePage({
    mode: options.mode ?? 'development',
    entry: path.join(__dirname, 'page/page.ts'),
    // A project with no compiled component yet still gets a page (saying there is nothing to show).
    components: fs.existsSync(lwcDir) ? bundlesIn(lwcDir) : [],
    virtualModules: { 'swy:preview-components': componentsModule(description) },
  });
  const page = html(description);
  const server = await serveStatic(
    {
      '/': { type: 'text/html; charset=utf-8', body: () => page },
      '/preview.js': { type: 'text/javascript', body: () => script },
    },
    { port: options.port ?? 0, folders: { '/assets/': SLDS_ASSETS } },
  );
  return { url: `${server.origin}/`, description, close: () => server.close() };
}
