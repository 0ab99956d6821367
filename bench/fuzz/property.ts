/** The fuzz property as fast-check runs it, shared by the bounded test and the long run. */
import fc from 'fast-check';
import { mutation, validDeclarations } from './arbitraries';
import type { CaseOptions, Harness, Outcome } from './harness';
import { render, type Declaration } from './render';

export interface Case {
  declarations: Declaration[];
  /** What the mutation changed; empty for an unmutated valid case. */
  mutation: string;
}

export const validCase = (maxOperations?: number): fc.Arbitrary<Case> =>
  validDeclarations(maxOperations).map((declarations) => ({ declarations, mutation: '' }));

/** One to three mutations of a valid case. */
export const mutatedCase = (maxOperations?: number): fc.Arbitrary<Case> =>
  fc
    .tuple(validDeclarations(maxOperations), fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([declarations, mutations]) => {
      let current = declarations;
      const said: string[] = [];
      for (const m of mutations) {
        current = m.apply(current);
        said.push(m.describe);
      }
      return { declarations: current, mutation: said.join('; ') };
    });

export const anyCase = (maxOperations?: number): fc.Arbitrary<Case> =>
  fc.oneof({ arbitrary: validCase(maxOperations), weight: 1 }, { arbitrary: mutatedCase(maxOperations), weight: 3 });

export interface Tally {
  cases: number;
  built: number;
  refused: number;
  rules: Map<string, number>;
  known: Map<string, number>;
  bugs: { case: Case; outcome: Outcome }[];
}

export const newTally = (): Tally => ({ cases: 0, built: 0, refused: 0, rules: new Map(), known: new Map(), bugs: [] });

/** The property: never a bug outcome (harness.ts says what a bug is). Records every outcome in `tally`. */
export function property(
  harness: Harness,
  tally: Tally,
  // `dice` picks the slow paths; it is part of the case, so a failing case shrinks with the paths it failed on.
  options: { maxOperations?: number; caseOptions?: (dice: number) => CaseOptions } = {},
) {
  return fc.asyncProperty(anyCase(options.maxOperations), fc.nat({ max: 1000 }), async (c, dice) => {
    const outcome = await harness.run(c.declarations, options.caseOptions?.(dice) ?? {});
    tally.cases++;
    if (outcome.kind === 'built') tally.built++;
    if (outcome.kind === 'refused') {
      tally.refused++;
      for (const rule of outcome.rules) tally.rules.set(rule, (tally.rules.get(rule) ?? 0) + 1);
    }
    if (outcome.kind === 'known') tally.known.set(outcome.id, (tally.known.get(outcome.id) ?? 0) + 1);
    if (outcome.kind === 'bug') {
      tally.bugs.push({ case: c, outcome });
      throw new Error(
        `${outcome.problem}\nmutation: ${c.mutation || '(none)'}\ndeclarations:\n${render(c.declarations).text}`,
      );
    }
  });
}
