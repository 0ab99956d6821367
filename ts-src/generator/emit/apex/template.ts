/**
 * `apex` tagged template: an emitter writes the class it generates as the class looks, and the tag
 * takes care of indentation, so the emitter's source shows the shape of its output.
 *
 *   apex`
 *     public with sharing class ${name} implements SwyOperation {
 *       ${constants}
 *
 *       public SwyOperationConfig config() {
 *         ${statements}
 *       }
 *     }
 *   `
 *
 * - The literal is dedented by its least-indented line; a leading and a trailing blank line go.
 * - A multi-line value is indented to the column where it is interpolated, line by line.
 * - An array value is its non-empty items joined by newlines (use `members` for blank lines).
 * - A line holding only a value that renders empty (`false`, `null`, `undefined`, `''`, `[]`) is
 *   dropped, so optional members and statements need no placeholder.
 */

/** What may be interpolated: text, numbers, nothing, or a list of those. */
export type Fragment = string | number | boolean | null | undefined | readonly Fragment[];

const MARK = '\u0000';

export function apex(strings: TemplateStringsArray, ...values: readonly Fragment[]): string {
  const rendered = values.map(render);
  let raw = '';
  strings.forEach((part, i) => {
    raw += part;
    if (i < values.length) raw += `${MARK}${i}${MARK}`;
  });
  const lines = dedent(raw.split('\n'));
  const out: string[] = [];
  for (const line of lines) {
    const only = /^(\s*)\u0000(\d+)\u0000\s*$/.exec(line);
    if (only && rendered[Number(only[2])] === '') continue;
    const lead = /^\s*/.exec(line)?.[0] ?? '';
    const filled = line.replace(/\u0000(\d+)\u0000/g, (_, index: string) =>
      rendered[Number(index)]
        .split('\n')
        .map((valueLine, n) => (n === 0 || valueLine.length === 0 ? valueLine : lead + valueLine))
        .join('\n'),
    );
    out.push(filled.trimEnd());
  }
  return out.join('\n');
}

function render(value: Fragment): string {
  if (value === false || value === true || value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return value
    .map(render)
    .filter((item) => item.length > 0)
    .join('\n');
}

function dedent(lines: string[]): string[] {
  const body = [...lines];
  if (body.length > 0 && body[0].trim() === '') body.shift();
  if (body.length > 0 && body[body.length - 1].trim() === '') body.pop();
  const widths = body.filter((l) => l.trim().length > 0).map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const cut = widths.length > 0 ? Math.min(...widths) : 0;
  return body.map((l) => l.slice(Math.min(cut, /^ */.exec(l)?.[0].length ?? 0)));
}
