/**
 * Finds the declarations in the project's TypeScript sources with ts-morph: every top-level
 * `const x = <builder>({...})` whose builder comes from `ts-src/dsl`. The file is type-checked
 * first, so a misspelt property is reported with TypeScript's own words at its exact place.
 */
import path from 'node:path';
import { Node, Project, ts, type SourceFile } from 'ts-morph';
import type { DeclarationError } from '../model/errors';
import { DECLARATION_BUILDERS, type DeclarationKind } from './builders';
import { EXCESS_PROPERTY_CODES, excessPropertyFix } from './excessProperty';
import { LiteralError, locationOf, readLiteral, type Literal } from './literal';

/** Declarations of Switchyard's own objects and events, which the runtime library uses. */
export const PLATFORM_FOLDER = 'ts-src/platform';
/** Folders (relative to the project root) whose `.ts` files hold declarations. */
export const DECLARATION_FOLDERS = ['ts-src/integrations', PLATFORM_FOLDER];
const DSL_FOLDER = 'ts-src/dsl';

export interface RawDeclaration {
  kind: DeclarationKind;
  /** Name of the `const` that holds it, for messages and generated headers. */
  variable: string;
  value: Literal;
}

export interface ReadResult {
  declarations: RawDeclaration[];
  errors: DeclarationError[];
}

export function readDeclarations(projectRoot: string): ReadResult {
  const project = new Project({
    compilerOptions: {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
    skipAddingFilesFromTsConfig: true,
  });
  project.addSourceFilesAtPaths(path.join(projectRoot, DSL_FOLDER, '**/*.ts'));
  const files = DECLARATION_FOLDERS.flatMap((folder) =>
    project.addSourceFilesAtPaths([
      path.join(projectRoot, folder, '**/*.ts'),
      '!' + path.join(projectRoot, folder, '**/*.test.ts'),
    ]),
  ).sort((a, b) => a.getFilePath().localeCompare(b.getFilePath()));

  const errors = typeErrors(project, files, projectRoot);
  const declarations: RawDeclaration[] = [];
  const dslRoot = path.join(projectRoot, DSL_FOLDER);
  for (const file of files) {
    for (const statement of file.getVariableStatements()) {
      for (const variable of statement.getDeclarations()) {
        const initializer = variable.getInitializer();
        if (!initializer || !Node.isCallExpression(initializer)) continue;
        const kind = builderKind(initializer.getExpression(), dslRoot);
        if (!kind) continue;
        const [argument] = initializer.getArguments();
        try {
          if (!argument) throw new Error('missing argument');
          const value = readLiteral(argument as never, projectRoot);
          declarations.push({ kind, variable: variable.getName(), value });
        } catch (error) {
          if (!(error instanceof LiteralError)) throw error;
          errors.push(error.error);
        }
      }
    }
  }
  return { declarations, errors };
}

/** The declaration kind if `callee` is one of the DSL builders (followed through imports). */
function builderKind(callee: Node, dslRoot: string): DeclarationKind | undefined {
  if (!Node.isIdentifier(callee)) return undefined;
  const name = callee.getText() as keyof typeof DECLARATION_BUILDERS;
  if (!(name in DECLARATION_BUILDERS)) return undefined;
  let symbol = callee.getSymbol();
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol();
  const declaredIn = symbol?.getDeclarations()[0]?.getSourceFile().getFilePath();
  return declaredIn?.startsWith(dslRoot + '/') ? DECLARATION_BUILDERS[name] : undefined;
}

function typeErrors(project: Project, files: SourceFile[], projectRoot: string): DeclarationError[] {
  return files.flatMap((file) =>
    project
      .getProgram()
      .getSemanticDiagnostics(file)
      .concat(project.getProgram().getSyntacticDiagnostics(file))
      .map((diagnostic) => {
        const start = diagnostic.getStart() ?? 0;
        const { line, column } = file.getLineAndColumnAtPos(start);
        const text = diagnostic.getMessageText();
        const message = typeof text === 'string' ? text : ts.flattenDiagnosticMessageText(text.compilerObject, ' ');
        if (EXCESS_PROPERTY_CODES.has(diagnostic.getCode())) {
          return {
            location: { file: locationOf(file, projectRoot).file, line, column },
            rule: 'unknown-property',
            ...excessPropertyFix(file, start, message),
          };
        }
        return {
          location: { file: locationOf(file, projectRoot).file, line, column },
          rule: `ts${diagnostic.getCode()}`,
          message,
          fix: 'correct the declaration so it matches the types of ts-src/dsl (your editor shows the same error)',
        };
      }),
  );
}
