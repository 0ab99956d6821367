/**
 * The frame of every generated test class: `@IsTest private class <Subject>Test`, one method per
 * behaviour, assertions through the `Assert` class with a message each, and the work done as the
 * user who does it in the org (System.runAs), except in tests of pure data classes.
 */
import { PERMISSION_SET_RUNTIME } from '../../model/naming';
import { doc, indent, str } from './apex';

/** Who a test runs as: an Apex expression that returns a saved User. */
export type TestUser = string;

/**
 * The integration user: a standard, non-admin profile (found by its permissions and license, never by
 * its translated name: SwyTestFactory) plus the runtime permission set.
 */
export const INTEGRATION_USER: TestUser = `SwyTestFactory.userWithPermissionSet(${str(PERMISSION_SET_RUNTIME)})`;

/** A user holding one permission set. */
export function userWith(permissionSet: string): TestUser {
  return `SwyTestFactory.userWithPermissionSet(${str(permissionSet)})`;
}

/**
 * `pureData` marks a test of a class that reads and writes no records: who runs it cannot change
 * the outcome, so it runs as the test user and says why.
 */
export function testClass(subject: string, description: string, body: string, pureData = false): string {
  return [
    doc(description, [['see', subject]]),
    ...(pureData
      ? [
          '// PMD: a data class reads and writes no records, so the running user cannot change the outcome.',
          "@SuppressWarnings('PMD.ApexUnitTestClassShouldHaveRunAs')",
        ]
      : []),
    '@IsTest',
    `private class ${subject}Test {`,
    indent(body),
    '}',
    '',
  ].join('\n');
}

/** One test method; `lines` are its statements, run as `user` when one is given. */
export function isolatedTest(name: string, lines: readonly string[], user?: TestUser): string {
  const body = user ? [`System.runAs(${user}) {`, indent(lines.join('\n')), '}'].join('\n') : lines.join('\n');
  return ['@IsTest', `static void ${name}() {`, indent(body), '}'].join('\n');
}

/** `isolatedTest` bound to one user, for a test class whose every method runs as that user. */
export function testsAs(user: TestUser): (name: string, lines: readonly string[]) => string {
  return (name, lines) => isolatedTest(name, lines, user);
}
