import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apex } from './template';

test('dedents the literal and drops the leading and trailing blank line', () => {
  const out = apex`
    public class A {
      Integer x;
    }
  `;
  assert.equal(out, 'public class A {\n  Integer x;\n}');
});

test('indents a multi-line value to the column it is interpolated at', () => {
  const body = 'Integer a = 1;\nInteger b = 2;';
  const out = apex`
    void run() {
      ${body}
    }
  `;
  assert.equal(out, 'void run() {\n  Integer a = 1;\n  Integer b = 2;\n}');
});

test('drops a line whose only value renders empty, keeps other lines', () => {
  const out = apex`
    class A {
      ${false}
      ${null}
      ${[]}
      Integer kept;
    }
  `;
  assert.equal(out, 'class A {\n  Integer kept;\n}');
});

test('joins array items with newlines, skipping empty ones, and keeps blank lines inside a value', () => {
  const out = apex`
    class A {
      ${['Integer a;', '', false, 'Integer b;']}
      ${'Integer c;\n\nInteger d;'}
    }
  `;
  assert.equal(out, 'class A {\n  Integer a;\n  Integer b;\n  Integer c;\n\n  Integer d;\n}');
});

test('inline values stay on their line', () => {
  assert.equal(apex`private static final Integer N = ${5};`, 'private static final Integer N = 5;');
});
