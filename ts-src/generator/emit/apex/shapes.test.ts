import assert from 'node:assert/strict';
import { test } from 'node:test';
import { operationNamed } from './exampleModel';
import { shapeClass } from './shapes';

const checkCredit = operationNamed('request-reply', 'CheckCredit');
const receiveOrderStatus = operationNamed('remote-call-in', 'ReceiveOrderStatus');

test('a request shape: typed properties, flow inputs required as declared, and schema() with the declared rules', () => {
  const shape = shapeClass({
    className: 'CheckCreditRequest',
    summary: 'Request.',
    fields: checkCredit.request,
    invocable: 'input',
  });
  assert.match(shape, /^public with sharing class CheckCreditRequest \{$/m);
  assert.match(
    shape,
    /@InvocableVariable\(label='accountId' description='accountId\.' required=true\)\n {2}public String accountId;/,
  );
  assert.match(shape, /@InvocableVariable\(label='taxId' description='taxId\.'\)\n {2}public String taxId;/);
  assert.match(
    shape,
    /public static SwyPayloadSchema schema\(\) \{\n {4}return new SwyPayloadSchema\(\)\n {8}\.text\('accountId', 18, true\)/,
  );
  assert.doesNotMatch(shape, /validate\(|FieldError|fallback/);
});

test('a response shape: output variables are never required, and the declared fallback is marked as one', () => {
  const shape = shapeClass({
    className: 'CheckCreditResponse',
    summary: 'Answer.',
    fields: checkCredit.response,
    invocable: 'output',
    fallback: checkCredit.fallback,
  });
  assert.doesNotMatch(shape, /required=true/);
  assert.match(shape, /@InvocableVariable\(label='Is Fallback' [^)]*\)\n {2}public Boolean isFallback = false;/);
  assert.match(shape, /public String fallbackReason;/);
  assert.match(
    shape,
    /public static CheckCreditResponse fallback\(\) \{\n {4}CheckCreditResponse response = new CheckCreditResponse\(\);\n {4}response\.decision = 'REVIEW';\n {4}response\.reason = '[^']+';\n {4}response\.isFallback = true;/,
  );
});

test('a shape holds no validation code of its own: schema() carries the rules', () => {
  const shape = shapeClass({
    className: 'ReceiveOrderStatusRequest',
    summary: 'Body.',
    fields: receiveOrderStatus.request,
  });
  assert.doesNotMatch(shape, /@InvocableVariable/);
  assert.doesNotMatch(shape, /validate\(|FieldError|String\.isBlank|MAX_LENGTH|_VALUES/);
  assert.match(shape, /\.datetimeValue\('changedAt', true\)/);
});
