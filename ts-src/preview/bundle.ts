/**
 * Bundles compiled components (force-app, what is deployed) with the real LWC engine and base
 * components into one script for a real browser: rollup + `@lwc/rollup-plugin` (the version of the
 * installed `lwc`), `lwc` resolved to `@lwc/engine-dom` of the same version, synthetic shadow as in
 * Lightning Experience, and the platform modules no npm package provides (`lightning/empApi`,
 * `lightning/uiRecordApi`, `@salesforce/schema|i18n`) replaced by the stand-ins in ./platform.
 * TypeScript (the stand-ins, page scripts) is stripped with the options the build compiles the
 * components with. Shared by `preview` and the browser tests (test/browser/harness).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import lwc from '@lwc/rollup-plugin';
import { rollup, type Plugin } from 'rollup';
import ts from 'typescript';

/** The Switchyard installation: where `lwc`, rollup and lightning-base-components are installed. */
export const TOOL_ROOT = path.resolve(__dirname, '../..');
const PLATFORM = path.join(__dirname, 'platform');
/** `@lwc/engine-dom` and `@lwc/synthetic-shadow` of the installed `lwc`, not the older copies sfdx-lwc-jest pulls in. */
const requireFromLwc = createRequire(createRequire(__filename).resolve('lwc'));
const LBC_SOURCES = path.join(
  path.dirname(createRequire(__filename).resolve('lightning-base-components/package.json')),
  'src/lightning',
);

export type Mode = 'development' | 'production';

/** A `c/<name>` module and the file it is compiled from. */
export interface ComponentModule {
  name: string;
  path: string;
}

export interface BundleOptions {
  /** LWC's production mode is what Lightning Experience runs outside debug mode. */
  mode: Mode;
  /** The page script; everything it reaches is bundled. */
  entry: string;
  components: readonly ComponentModule[];
  /** Module id -> source, for code the caller generates (such as the list of components to mount). */
  virtualModules?: Readonly<Record<string, string>>;
}

/**
 * lightning-icon loads each icon category's templates (some 3,400 in all) by dynamic import.
 * Compiling all of them would take most of a minute per bundle, so only the icons the components'
 * templates name (`icon-name="standard:orders"`) are compiled.
 */
const ICON_TEMPLATES = /^lightning\/iconSvgTemplates(\w+)$/;
const ICON_NAME = /icon-name="(\w+):(\w+)"/g;

const STAND_INS: Record<string, string> = {
  'lightning/empApi': path.join(PLATFORM, 'empApi.ts'),
  'lightning/uiRecordApi': path.join(PLATFORM, 'uiRecordApi.ts'),
};

/** What the org would serve for `@salesforce/i18n/*`: the user's locale and time zone. */
const I18N: Record<string, string> = {
  locale: 'en-US',
  timeZone: 'America/Los_Angeles',
  lang: 'en-US',
  dir: 'ltr',
};

/** Every bundle of a compiled `lwc` folder (force-app/main/default/lwc) as a `c/` module. */
export function bundlesIn(lwcDir: string): ComponentModule[] {
  return fs
    .readdirSync(lwcDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(lwcDir, entry.name, `${entry.name}.js`)))
    .map((entry) => ({ name: `c/${entry.name}`, path: path.join(lwcDir, entry.name, `${entry.name}.js`) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `{ Standard: ['standard/orders'] }`: the icons the components' templates name, by category. */
export function iconsUsed(components: readonly ComponentModule[]): Record<string, string[]> {
  const icons: Record<string, Set<string>> = {};
  for (const component of components) {
    const folder = path.dirname(component.path);
    for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.html'))) {
      for (const [, category, name] of fs.readFileSync(path.join(folder, file), 'utf8').matchAll(ICON_NAME)) {
        const key = category[0].toUpperCase() + category.slice(1);
        (icons[key] ??= new Set()).add(`${category}/${name}`);
      }
    }
  }
  return Object.fromEntries(Object.entries(icons).map(([key, names]) => [key, [...names].sort()]));
}

function iconModule(category: string, shown: readonly string[]): string {
  const folder = path.join(LBC_SOURCES, `iconSvgTemplates${category}`, 'buildTemplates');
  const present = shown.filter((icon) => fs.existsSync(path.join(folder, `${icon}.html`)));
  return [
    ...present.map((icon, i) => `import icon${i} from ${JSON.stringify(path.join(folder, `${icon}.html`))};`),
    `export default { ${present.map((icon, i) => `${JSON.stringify(icon.replace('/', '_'))}: icon${i}`).join(', ')} };`,
  ].join('\n');
}

function platform(options: BundleOptions, icons: Record<string, string[]>): Plugin {
  const virtual = options.virtualModules ?? {};
  return {
    name: 'switchyard-platform',
    resolveId(source) {
      if (source === 'lwc') return requireFromLwc.resolve('@lwc/engine-dom');
      if (source === '@lwc/synthetic-shadow') return requireFromLwc.resolve('@lwc/synthetic-shadow');
      if (STAND_INS[source]) return STAND_INS[source];
      if (source in virtual || ICON_TEMPLATES.test(source) || source.startsWith('@salesforce/schema/'))
        return `\0${source}`;
      // The rest of @salesforce/i18n comes with lightning-base-components, for its own components.
      if (source.startsWith('@salesforce/i18n/') && source.slice('@salesforce/i18n/'.length) in I18N)
        return `\0${source}`;
      return null;
    },
    load(id) {
      if (!id.startsWith('\0')) return null;
      const source = id.slice(1);
      if (source in virtual) return virtual[source];
      const iconCategory = ICON_TEMPLATES.exec(source);
      if (iconCategory) return iconModule(iconCategory[1], icons[iconCategory[1]] ?? []);
      if (source.startsWith('@salesforce/schema/')) {
        const [objectApiName, fieldApiName] = source.slice('@salesforce/schema/'.length).split('.');
        return `export default ${JSON.stringify(fieldApiName ? { objectApiName, fieldApiName } : { objectApiName })};`;
      }
      if (source.startsWith('@salesforce/i18n/'))
        return `export default ${JSON.stringify(I18N[source.slice('@salesforce/i18n/'.length)])};`;
      return null;
    },
    transform(code, id) {
      let out = code
        .replaceAll('process.env.NODE_ENV', JSON.stringify(options.mode))
        // lightning-base-components reads Vite's SSR flag; the browser is never the server.
        .replaceAll('import.meta.env.SSR', 'false');
      if (id.split('?')[0].endsWith('.ts')) {
        out = ts.transpileModule(out, {
          fileName: id.split('?')[0],
          compilerOptions: {
            target: ts.ScriptTarget.ESNext,
            module: ts.ModuleKind.ESNext,
            experimentalDecorators: false,
            useDefineForClassFields: true,
            verbatimModuleSyntax: true,
          },
        }).outputText;
      }
      return out === code ? null : { code: out, map: null };
    },
  };
}

/** The page script: the entry and everything it reaches, as one IIFE. */
export async function bundlePage(options: BundleOptions): Promise<string> {
  const warnings: string[] = [];
  const bundle = await rollup({
    input: options.entry,
    plugins: [
      platform(options, iconsUsed(options.components)),
      lwc({
        rootDir: TOOL_ROOT,
        // The engine and synthetic shadow are already compiled.
        exclude: ['**/@lwc/engine-dom/**', '**/@lwc/synthetic-shadow/**'],
        modules: [...options.components, { npm: 'lightning-base-components' }],
      }),
    ],
    onwarn(warning) {
      // The card's template declares one slot twice (LWC1137); harmless, and not this project's.
      if (!warning.message.includes('LWC1137')) warnings.push(warning.message);
    },
  });
  const { output } = await bundle.generate({ format: 'iife', name: 'swyPage', inlineDynamicImports: true });
  await bundle.close();
  if (warnings.length > 0) throw new Error(`bundling warned:\n${warnings.join('\n')}`);
  return output[0].code;
}
