/**
 * `plan`: what the declared volumes spend against the org's limits, and the architecture diagram.
 * Prints a table per operation and for the org (or JSON with `json`), writes
 * `docs/architecture.mmd` and `docs/architecture.svg` under the project, and exits
 *   0  everything fits (warnings at 80 % or more are printed, they do not fail);
 *   1  a declaration error, or a declared volume past a limit (which limit, need, allocation, excess);
 *   2  a bad option or an internal fault.
 * The build applies the same `volume-limit` rule for the default edition (validate/volume.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildModel } from '../generator/model/build';
import { formatDeclarationError, type DeclarationError } from '../generator/model/errors';
import { computeBudget, type Budget } from './budget';
import { architectureGraph, toMermaid, toSvg } from './diagram';
import { DEFAULT_EDITION, EDITIONS, type Edition, type OrgShape } from './limits';
import { renderText, toJson } from './render';

export interface PlanOptions {
  projectRoot: string;
  json: boolean;
  out: (line: string) => void;
  edition?: string;
  eventAddOn?: number;
}

export const DIAGRAM_FILES = { mermaid: 'docs/architecture.mmd', svg: 'docs/architecture.svg' } as const;

function orgOf(options: PlanOptions): OrgShape | string {
  const edition = (options.edition ?? DEFAULT_EDITION).toLowerCase();
  if (!(EDITIONS as readonly string[]).includes(edition)) {
    return `unknown edition "${options.edition}"; use one of ${EDITIONS.join(', ')}`;
  }
  const addOns = options.eventAddOn ?? 0;
  if (!Number.isInteger(addOns) || addOns < 0)
    return `--event-add-on must be a whole number of at least 0, not ${addOns}`;
  return { edition: edition as Edition, eventAddOns: addOns, userLicenses: 0 };
}

/** Writes a file only when its text changed: a second run writes nothing. */
function writeIfChanged(file: string, text: string): boolean {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return true;
}

export async function runPlan(options: PlanOptions): Promise<{ exitCode: number; result: unknown }> {
  const org = orgOf(options);
  const fail = (exitCode: number, message: string, errors: string[] = []) => {
    if (options.json) options.out(JSON.stringify({ status: exitCode, message, errors }, null, 2));
    else {
      for (const e of errors) options.out(e);
      options.out(`switchyard plan: ${message}`);
    }
    return { exitCode, result: { status: exitCode, message, errors } };
  };
  if (typeof org === 'string') return fail(2, org);
  try {
    const [{ readDeclarations }, { readComponentSources }, { validateDeclarations }, { checkVolumeLimits }] =
      await Promise.all([
        import('../generator/load/declarations'),
        import('../generator/load/components'),
        import('../generator/validate'),
        import('../generator/validate/volume'),
      ]);
    const root = options.projectRoot;
    const { declarations, errors: typeErrors } = readDeclarations(root);
    if (typeErrors.length > 0)
      return fail(1, `${typeErrors.length} declaration error(s)`, typeErrors.map(formatDeclarationError));
    // The build's own volume check sizes for the default org: here it is redone for the org asked for.
    const ruleErrors = validateDeclarations(declarations, () => undefined).filter((e) => e.rule !== 'volume-limit');
    if (ruleErrors.length > 0)
      return fail(1, `${ruleErrors.length} declaration error(s)`, ruleErrors.map(formatDeclarationError));
    const errors: DeclarationError[] = [];
    const warnings: DeclarationError[] = [];
    checkVolumeLimits(
      (at, rule, message, fix) => errors.push({ location: at.location, rule, message, fix }),
      (w) => warnings.push(w),
      declarations,
      org,
    );
    const model = buildModel(declarations, readComponentSources(root));
    const budget: Budget = computeBudget(model, org);
    const graph = architectureGraph(model);
    const mermaid = toMermaid(graph);
    const svg = toSvg(graph);
    const written: string[] = [];
    if (writeIfChanged(path.join(root, DIAGRAM_FILES.mermaid), mermaid)) written.push(DIAGRAM_FILES.mermaid);
    if (writeIfChanged(path.join(root, DIAGRAM_FILES.svg), svg)) written.push(DIAGRAM_FILES.svg);
    const errorLines = errors.map(formatDeclarationError);
    const warningLines = warnings.map((w) => formatDeclarationError(w).replace(': error [', ': warning ['));
    const exitCode = errors.length > 0 ? 1 : 0;
    const result = {
      status: exitCode,
      ...toJson(budget, undefined, errorLines, warningLines),
      diagram: { ...DIAGRAM_FILES, nodes: graph.nodes.length, edges: graph.edges.length, written },
    };
    if (options.json) {
      options.out(JSON.stringify(result, null, 2));
    } else {
      for (const l of renderText(budget)) options.out(l);
      options.out('');
      for (const l of [...warningLines, ...errorLines]) options.out(l);
      options.out(
        `switchyard plan: ${errors.length} limit(s) exceeded, ${warnings.length} at 80 % or more; diagram ${DIAGRAM_FILES.mermaid} and ${DIAGRAM_FILES.svg} (${graph.nodes.length} nodes, ${written.length > 0 ? `${written.length} file(s) written` : 'unchanged'})`,
      );
    }
    return { exitCode, result };
  } catch (error) {
    return fail(2, `internal error: ${(error as Error).message}`);
  }
}
