/**
 * `npm run package:build`: assembles the `switchyard` npm package in packages/switchyard from this
 * repository's sources, so `npm pack` there makes the tarball a team installs. What it copies:
 *
 *   ts-src/cli, ts-src/generator, ts-src/policy   the command and the generator (TypeScript, run by tsx)
 *   ts-src/plan, ts-src/preview                   the plan and preview commands
 *   ts-src/dsl, ts-src/platform                   the declaration API and the runtime's own declarations
 *   ts-src/apex                                   the runtime library (Apex), which init puts in a project
 *   ts-src/lwc/{eventStream,integrationErrorConsole,liveRecordFeed,types}   shared components and their typings
 *   scripts/validate.ts, scripts/validate/        the offline validation, with config/pmd-ruleset.xml,
 *                                                 eslint.config.js, .prettierrc, .forceignore, code-analyzer.yml
 *
 * Tests (`*.test.ts`, `__tests__`) stay behind. The package's dependencies are the versions this
 * repository pins in its package.json, so the package runs on the same tools CI here runs.
 */
import fs from "node:fs";
import path from "node:path";

const REPO = path.resolve(__dirname, "..", "..");
const PACKAGE = __dirname;

const COPIED = [
  "ts-src/cli",
  "ts-src/generator",
  "ts-src/policy",
  "ts-src/plan",
  "ts-src/preview",
  "ts-src/dsl",
  "ts-src/platform",
  "ts-src/apex",
  "ts-src/lwc/eventStream",
  "ts-src/lwc/integrationErrorConsole",
  "ts-src/lwc/liveRecordFeed",
  "ts-src/lwc/types",
  "scripts/validate.ts",
  "scripts/validate",
  "config/pmd-ruleset.xml",
  "eslint.config.js",
  ".prettierrc",
  ".forceignore",
  "code-analyzer.yml",
  "sfdx-project.json"
];
/** Left out: tests and their fixtures. */
const SKIPPED = [
  /\.test\.ts$/,
  /(^|\/)__tests__(\/|$)/,
  /^scripts\/validate\/test-project\.ts$/
];

/** What the package needs at run time, at the versions this repository pins. */
export const RUNTIME_DEPENDENCIES = [
  "@apexdevtools/apex-parser",
  "@babel/core",
  "@babel/eslint-parser",
  "@lwc/compiler",
  "@lwc/eslint-plugin-lwc",
  "@lwc/eslint-plugin-lwc-platform",
  "@prettier/plugin-xml",
  "@salesforce/code-analyzer-pmd-engine",
  "@salesforce/eslint-config-lwc",
  "@salesforce/eslint-plugin-lightning",
  "@salesforce/source-deploy-retrieve",
  "eslint",
  "eslint-plugin-import",
  "eslint-plugin-jest",
  "fast-xml-parser",
  "globals",
  "lwc",
  "prettier",
  "prettier-plugin-apex",
  "ts-morph",
  "tsx",
  "typescript"
];

function installedVersion(name: string): string | undefined {
  const file = path.join(REPO, "node_modules", name, "package.json");
  return fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version
    : undefined;
}

export function buildPackage(): { files: number } {
  for (const top of [
    "ts-src",
    "scripts",
    "config",
    ...COPIED.filter((c) => !c.includes("/"))
  ]) {
    fs.rmSync(path.join(PACKAGE, top), { recursive: true, force: true });
  }
  let files = 0;
  const copy = (relative: string) => {
    const from = path.join(REPO, relative);
    if (
      !fs.existsSync(from) ||
      SKIPPED.some((pattern) => pattern.test(relative))
    )
      return;
    if (fs.statSync(from).isDirectory()) {
      for (const entry of fs.readdirSync(from).sort())
        copy(`${relative}/${entry}`);
      return;
    }
    const to = path.join(PACKAGE, relative);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    files++;
  };
  for (const entry of COPIED) copy(entry);

  const root = JSON.parse(
    fs.readFileSync(path.join(REPO, "package.json"), "utf8")
  ) as {
    version: string;
    devDependencies: Record<string, string>;
    overrides?: Record<string, string>;
  };
  const manifestFile = path.join(PACKAGE, "package.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Record<
    string,
    unknown
  >;
  manifest.version = root.version;
  manifest.dependencies = Object.fromEntries(
    RUNTIME_DEPENDENCIES.map((name) => {
      // eslint.config.js needs globals, which the repository gets through eslint: take the installed one.
      const version = root.devDependencies[name] ?? installedVersion(name);
      if (!version)
        throw new Error(
          `package:build: ${name} is not pinned in the repository's package.json`
        );
      return [name, version];
    })
  );
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  if (fs.readFileSync(manifestFile, "utf8") !== text)
    fs.writeFileSync(manifestFile, text);
  return { files };
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.resolve(__filename)
) {
  const { files } = buildPackage();
  console.log(
    `package:build: ${files} files copied into ${path.relative(REPO, PACKAGE)}; next: cd ${path.relative(REPO, PACKAGE)} && npm pack`
  );
}
