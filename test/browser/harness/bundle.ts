/**
 * Bundles the compiled components (force-app, what is deployed) with the real LWC engine and
 * base components into one script for a real browser: rollup + `@lwc/rollup-plugin` (the version
 * of the installed `lwc`), `lwc` resolved to `@lwc/engine-dom` of the same version, synthetic
 * shadow loaded first as in Lightning Experience, and the platform modules no npm package provides
 * (`lightning/empApi`, `lightning/uiRecordApi`, `@salesforce/schema|i18n`) replaced by the
 * stand-ins in ../platform. TypeScript (the stand-ins, the benchmark's naive tracker) is stripped
 * with the same options the build compiles the components with.
 */
import { createRequire } from "node:module";
import path from "node:path";
import lwc from "@lwc/rollup-plugin";
import { rollup, type Plugin } from "rollup";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../../..");
const LWC_OUTPUT = path.join(ROOT, "force-app/main/default/lwc");
const PLATFORM = path.join(ROOT, "test/browser/platform");
/** `@lwc/engine-dom` and `@lwc/synthetic-shadow` of the installed `lwc`, not the older copies sfdx-lwc-jest pulls in. */
const requireFromLwc = createRequire(
  path.join(ROOT, "node_modules/lwc/index.js")
);

export type Mode = "development" | "production";

export interface BundleOptions {
  /** LWC's production mode is what Lightning Experience runs outside debug mode. */
  mode: Mode;
}

/**
 * lightning-icon loads each icon category's templates (some 3,400 in all) by dynamic import; the
 * components here show one icon. Compiling all of them would take most of a minute per bundle.
 */
const ICON_TEMPLATES = /^lightning\/iconSvgTemplates(\w+)$/;
const SHOWN_ICONS: Record<string, string[]> = { Standard: ["standard/orders"] };
const LBC_SOURCES = path.join(
  ROOT,
  "node_modules/lightning-base-components/src/lightning"
);

const STAND_INS: Record<string, string> = {
  "lightning/empApi": path.join(PLATFORM, "empApi.ts"),
  "lightning/uiRecordApi": path.join(PLATFORM, "uiRecordApi.ts")
};

/** What the org would serve for `@salesforce/i18n/*`: the user's locale and time zone. */
const I18N: Record<string, string> = {
  locale: "en-US",
  timeZone: "America/Los_Angeles",
  lang: "en-US",
  dir: "ltr"
};

function platform(mode: Mode): Plugin {
  return {
    name: "switchyard-platform",
    resolveId(source) {
      if (source === "lwc") return requireFromLwc.resolve("@lwc/engine-dom");
      if (source === "@lwc/synthetic-shadow")
        return requireFromLwc.resolve("@lwc/synthetic-shadow");
      if (STAND_INS[source]) return STAND_INS[source];
      if (ICON_TEMPLATES.test(source)) return `\0${source}`;
      if (source.startsWith("@salesforce/schema/")) return `\0${source}`;
      // The rest of @salesforce/i18n comes with lightning-base-components, for its own components.
      if (
        source.startsWith("@salesforce/i18n/") &&
        source.slice("@salesforce/i18n/".length) in I18N
      )
        return `\0${source}`;
      return null;
    },
    load(id) {
      const icons = ICON_TEMPLATES.exec(id.slice(1));
      if (id.startsWith("\0") && icons) {
        const shown = SHOWN_ICONS[icons[1]] ?? [];
        const folder = path.join(
          LBC_SOURCES,
          `iconSvgTemplates${icons[1]}`,
          "buildTemplates"
        );
        return [
          ...shown.map(
            (icon, i) =>
              `import icon${i} from ${JSON.stringify(path.join(folder, `${icon}.html`))};`
          ),
          `export default { ${shown.map((icon, i) => `${JSON.stringify(icon.replace("/", "_"))}: icon${i}`).join(", ")} };`
        ].join("\n");
      }
      if (id.startsWith("\0@salesforce/schema/")) {
        const [objectApiName, fieldApiName] = id
          .slice("\0@salesforce/schema/".length)
          .split(".");
        return `export default ${JSON.stringify(fieldApiName ? { objectApiName, fieldApiName } : { objectApiName })};`;
      }
      if (id.startsWith("\0@salesforce/i18n/")) {
        const key = id.slice("\0@salesforce/i18n/".length);
        return `export default ${JSON.stringify(I18N[key])};`;
      }
      return null;
    },
    transform(code, id) {
      let out = code
        .replaceAll("process.env.NODE_ENV", JSON.stringify(mode))
        // lightning-base-components reads Vite's SSR flag; the browser is never the server.
        .replaceAll("import.meta.env.SSR", "false");
      if (id.split("?")[0].endsWith(".ts")) {
        out = ts.transpileModule(out, {
          fileName: id.split("?")[0],
          compilerOptions: {
            target: ts.ScriptTarget.ESNext,
            module: ts.ModuleKind.ESNext,
            experimentalDecorators: false,
            useDefineForClassFields: true,
            verbatimModuleSyntax: true
          }
        }).outputText;
      }
      return out === code ? null : { code: out, map: null };
    }
  };
}

/** The page script: the entry (../platform/page.ts) and everything it reaches, as one IIFE. */
export async function bundlePage(options: BundleOptions): Promise<string> {
  const components = ["eventStream", "orderStatusTracker"].map((name) => ({
    name: `c/${name}`,
    path: path.join(LWC_OUTPUT, name, `${name}.js`)
  }));
  // The benchmark's baseline, never deployed: the seed's per-event tracker.
  const naive = {
    name: "c/naiveOrderTracker",
    path: path.join(
      ROOT,
      "bench/lwc-burst/lwc/naiveOrderTracker/naiveOrderTracker.ts"
    )
  };
  const warnings: string[] = [];
  const bundle = await rollup({
    input: path.join(PLATFORM, "page.ts"),
    plugins: [
      platform(options.mode),
      lwc({
        rootDir: ROOT,
        // The engine and synthetic shadow are already compiled.
        exclude: ["**/@lwc/engine-dom/**", "**/@lwc/synthetic-shadow/**"],
        modules: [...components, naive, { npm: "lightning-base-components" }]
      })
    ],
    onwarn(warning) {
      // The card's template declares one slot twice (LWC1137); harmless, and not this project's.
      if (!warning.message.includes("LWC1137")) warnings.push(warning.message);
    }
  });
  const { output } = await bundle.generate({
    format: "iife",
    name: "swyPage",
    inlineDynamicImports: true
  });
  await bundle.close();
  if (warnings.length > 0)
    throw new Error(`bundling warned:\n${warnings.join("\n")}`);
  return output[0].code;
}
