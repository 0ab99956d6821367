/**
 * Request-reply: typed request and response classes and a service that calls the system
 * synchronously with the declared timeout and answers with the declared fallback whenever the
 * system cannot (down, unusable answer, circuit open), so a user is never left with an error.
 */
import { apexClassName } from '../../model/naming';
import type { ExternalSystemModel, Model, RequestReplyModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { doc, indent, literalFor, members, str } from './apex';
import { apexClassFiles, type DeclarationSource } from './files';
import { CALLOUT_TIME_DOC, messagesPerJob, MAX_TRANSACTION_CALLOUT_SECONDS } from './limits';
import { sampleValue } from './samples';
import { shapeClass } from './shapes';
import { isolatedTest, testClass, testsAs, userWith } from './tests';
import { PERMISSION_SET_CALLOUT_USER } from '../metadata/permissionSets';

export function emitRequestReply(model: Model, operation: RequestReplyModel): GeneratedFile[] {
  const system = model.systems.find((s) => s.name === operation.system);
  if (!system) throw new Error(`operation ${operation.name} calls undeclared system ${operation.system}`);
  const source: DeclarationSource[] = [{ location: operation.location, name: operation.name }];
  const names = {
    request: apexClassName.request(operation.name),
    response: apexClassName.response(operation.name),
    service: apexClassName.service(operation.name),
  };
  const request = shapeClass({
    className: names.request,
    summary: `Request of ${operation.name}: ${operation.description}`,
    fields: operation.request,
    invocable: 'input',
    sensitiveFields: true,
  });
  const response = shapeClass({
    className: names.response,
    summary: `Answer of ${operation.name}, or its declared fallback when ${operation.system} cannot answer.`,
    fields: operation.response,
    invocable: 'output',
    fallback: operation.fallback,
  });
  return [
    ...apexClassFiles(names.request, request, source),
    ...apexClassFiles(apexClassName.test(names.request), requestTest(operation, names.request), source),
    ...apexClassFiles(names.response, response, source),
    ...apexClassFiles(apexClassName.test(names.response), responseTest(operation, names.response), source),
    ...apexClassFiles(names.service, serviceClass(operation, system, names), source),
    ...apexClassFiles(apexClassName.test(names.service), serviceTest(operation, system, names), source),
  ];
}

interface Names {
  request: string;
  response: string;
  service: string;
}

function serviceClass(operation: RequestReplyModel, system: ExternalSystemModel, names: Names): string {
  const { request, response } = names;
  const constants = [
    `private static final String OPERATION_NAME = ${str(operation.name)};`,
    `private static final String NAMED_CREDENTIAL = ${str(system.name)};`,
    `private static final String HTTP_METHOD = ${str(operation.method)};`,
    `private static final String PATH = ${str(operation.path)};`,
    `// The declared timeout: a user waits for this answer.\nprivate static final Integer TIMEOUT_SECONDS = ${operation.timeoutSeconds};`,
    `private static final Integer BREAKER_FAILURE_THRESHOLD = ${system.circuitBreaker.failureThreshold};`,
    `private static final Integer BREAKER_COOL_DOWN_SECONDS = ${system.circuitBreaker.coolDownSeconds};`,
    [
      `// One transaction may spend ${MAX_TRANSACTION_CALLOUT_SECONDS} s on callouts in all; each call may take its whole timeout.`,
      `// ${CALLOUT_TIME_DOC}`,
      `private static final Integer CALLS_PER_TRANSACTION = SwyCalloutRequest.MAX_TIMEOUT_SECONDS / TIMEOUT_SECONDS;`,
    ].join('\n'),
  ].join('\n');

  const check = [
    doc(
      `Asks ${system.name} and returns its answer, or the declared fallback (isFallback = true) when it cannot give one.`,
      [
        ['param', 'request what to ask; must pass validate()'],
        ['return', 'the answer or the fallback; never null'],
        ['throws', 'InvalidRequestException when the request breaks a declared rule (nothing is sent)'],
        ['example', `${response} answer = ${names.service}.check(request);`],
      ],
    ),
    `public static ${response} check(${request} request) {`,
    indent(
      [
        'List<String> problems = problemsOf(request);',
        'if (!problems.isEmpty()) {',
        indent(`throw new InvalidRequestException('Invalid ${request}: ' + String.join(problems, '; '));`),
        '}',
        `return checkAll(new List<${request}>{ request })[0];`,
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const checkAll = [
    doc(
      `Asks ${system.name} once per request, in order; a flow calls it as an action (callout=true), from a screen flow before activation or an asynchronous path. ` +
        'Every request gets exactly one result, as a flow expects: the answer, or the fallback with fallbackReason saying why, logged. ' +
        `That covers a request that breaks a declared rule (not sent) and requests past this transaction's callout budget (CALLS_PER_TRANSACTION, within the callouts left). ` +
        'Breaker state and error-log rows are written after the last callout.',
      [
        ['param', 'requests what to ask'],
        ['return', 'one answer or fallback per request, in the same order'],
      ],
    ),
    `@InvocableMethod(label=${str(words(operation.name))} description=${str(operation.description)} callout=true category='Switchyard')`,
    `public static List<${response}> checkAll(List<${request}> requests) {`,
    indent(
      [
        'SwyCircuitBreaker breaker = SwyCircuitBreaker.forSystem(NAMED_CREDENTIAL, BREAKER_FAILURE_THRESHOLD, BREAKER_COOL_DOWN_SECONDS);',
        'Integer lastCall = Math.min(Limits.getCallouts() + CALLS_PER_TRANSACTION, Limits.getLimitCallouts());',
        `List<${response}> answers = new List<${response}>();`,
        `for (${request} request : requests) {`,
        indent(
          [
            'List<String> problems = problemsOf(request);',
            'if (!problems.isEmpty()) {',
            indent(
              "answers.add(fallbackAfter(request, newCorrelationId(), SwyErrorLog.CATEGORY_PERMANENT, null, 'Not sent, invalid request: ' + String.join(problems, '; ')));",
            ),
            '} else if (Limits.getCallouts() < lastCall) {',
            indent('answers.add(call(breaker, request));'),
            '} else {',
            indent(
              `answers.add(fallbackAfter(request, newCorrelationId(), SwyErrorLog.CATEGORY_RETRYABLE, null, 'Not sent: this transaction has no callout budget left for it'));`,
            ),
            '}',
          ].join('\n'),
        ),
        '}',
        '// No callout may follow uncommitted DML, so the writes come after the last one.',
        `// ${CALLOUT_TIME_DOC}`,
        'SwyCircuitBreaker.flush();',
        'SwyErrorLog.flush();',
        'return answers;',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const call = [
    doc('One call through the breaker: the answer, or the fallback with the reason logged.', [
      ['param', 'breaker the circuit breaker of the system'],
      ['param', 'request a valid request'],
      ['return', 'the answer or the fallback'],
    ]),
    `private static ${response} call(SwyCircuitBreaker breaker, ${request} request) {`,
    indent(
      [
        'String correlationId = newCorrelationId();',
        'if (!breaker.allowsRequest()) {',
        indent(
          `return fallbackAfter(request, correlationId, SwyErrorLog.CATEGORY_CIRCUIT_OPEN, null, 'Not sent: the circuit of ' + NAMED_CREDENTIAL + ' is open until ' + breaker.retryAfter());`,
        ),
        '}',
        'SwyCalloutRequest callout = new SwyCalloutRequest(NAMED_CREDENTIAL, HTTP_METHOD, PATH, TIMEOUT_SECONDS);',
        'callout.body = JSON.serialize(request, true);',
        'callout.correlationId = correlationId;',
        'callout.idempotencyKey = correlationId;',
        'callout.expectJsonResponse = true;',
        'SwyCalloutResult result = SwyCalloutClient.send(callout);',
        'if (result.systemAnswered()) {',
        indent('breaker.recordSuccess();'),
        '} else {',
        indent('breaker.recordFailure();'),
        '}',
        'if (!result.isSuccess()) {',
        indent(
          'String category = result.isRetryable() ? SwyErrorLog.CATEGORY_RETRYABLE : SwyErrorLog.CATEGORY_PERMANENT;\nreturn fallbackAfter(request, correlationId, category, result, result.errorMessage);',
        ),
        '}',
        `${response} answer = parse(result.body);`,
        'if (answer == null) {',
        indent(
          `return fallbackAfter(request, correlationId, SwyErrorLog.CATEGORY_PERMANENT, result, 'The answer is not a valid ${response}');`,
        ),
        '}',
        'return answer;',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const parse = [
    doc('Reads the answer and checks it against the declared rules.', [
      ['param', 'body the response body'],
      ['return', 'the answer, or null when it is not valid JSON of the declared shape'],
    ]),
    `private static ${response} parse(String body) {`,
    indent(
      [
        'try {',
        indent(
          [
            `${response} answer = (${response}) JSON.deserialize(body, ${response}.class);`,
            'if (answer == null || !answer.validate().isEmpty()) {',
            indent('return null;'),
            '}',
            'answer.isFallback = false;',
            'return answer;',
          ].join('\n'),
        ),
        '} catch (JSONException e) {',
        indent('return null;'),
        '}',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const fallbackAfter = [
    doc(
      `Logs why ${system.name} gave no usable answer and returns the fallback. The row is Failed: the user already has the fallback, so nothing resends a ${operation.name} call later.`,
      [
        ['param', 'request the request, logged with its sensitive fields redacted'],
        ['param', 'correlationId the id sent as X-Correlation-Id'],
        ['param', 'category Error_Category__c value'],
        ['param', 'result the callout result, or null when nothing was sent'],
        ['param', 'reason what went wrong'],
        ['return', 'the declared fallback'],
      ],
    ),
    `private static ${response} fallbackAfter(${request} request, String correlationId, String category, SwyCalloutResult result, String reason) {`,
    indent(
      [
        'SwyErrorLog.Entry entry = new SwyErrorLog.Entry();',
        'entry.integration = NAMED_CREDENTIAL;',
        'entry.operation = OPERATION_NAME;',
        'entry.status = SwyErrorLog.STATUS_FAILED;',
        'entry.category = category;',
        'entry.payload = JSON.serialize(request, true);',
        `entry.sensitiveFields = ${request}.SENSITIVE_FIELDS;`,
        'entry.errorMessage = reason;',
        'entry.attempts = result == null ? 0 : 1;',
        'entry.maxAttempts = 1;',
        'entry.correlationId = correlationId;',
        "entry.idempotencyKey = OPERATION_NAME + ':' + correlationId;",
        'if (result != null) {',
        indent('entry.httpStatus = result.statusCode;\nentry.response = result.body;'),
        '}',
        'SwyErrorLog.add(entry);',
        `${response} fallback = ${response}.fallback();`,
        'fallback.fallbackReason = reason;',
        'return fallback;',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const problemsOf = [
    doc('What makes a request unusable: a caller error, not an outage.', [
      ['param', 'request the request'],
      ['return', 'one message per broken rule; empty when the request may be sent'],
    ]),
    `private static List<String> problemsOf(${request} request) {`,
    indent(
      [
        'List<String> problems = new List<String>();',
        'if (request == null) {',
        indent("problems.add('the request is null');"),
        '} else {',
        indent(
          [
            `for (${request}.FieldError error : request.validate()) {`,
            indent('problems.add(error.message);'),
            '}',
          ].join('\n'),
        ),
        '}',
        'return problems;',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const correlation = [
    doc('A new id that follows one call across systems and keys its error-log row.', [['return', 'a random UUID']]),
    'private static String newCorrelationId() {',
    indent('return System.UUID.randomUUID().toString();'),
    '}',
  ].join('\n');

  const exception = [
    doc('A request broke a declared rule; nothing was sent.'),
    'public class InvalidRequestException extends Exception {',
    '}',
  ].join('\n');

  return [
    doc(
      `Request-reply client of ${operation.name}: ${operation.description} It calls ${system.name} synchronously with a ${operation.timeoutSeconds} s timeout. ` +
        `When ${system.name} is down, answers with something unusable, or its circuit is open, the caller gets the declared fallback (isFallback = true) and the failure is logged in Integration_Error_Log__c with sensitive fields redacted.`,
      [
        ['group', 'Switchyard Generated'],
        ['see', request],
        ['see', response],
      ],
    ),
    `public with sharing class ${names.service} {`,
    indent(members(constants, check, checkAll, call, parse, fallbackAfter, problemsOf, correlation, exception)),
    '}',
    '',
  ].join('\n');
}

function validRequest(operation: RequestReplyModel, request: string): string {
  return [
    `private static ${request} validRequest() {`,
    indent(
      [
        `${request} request = new ${request}();`,
        ...operation.request.map((field) => `request.${field.name} = ${sampleValue(field)};`),
        'return request;',
      ].join('\n'),
    ),
    '}',
  ].join('\n');
}

function requestTest(operation: RequestReplyModel, request: string): string {
  const required = operation.request.filter((f) => f.required);
  const bounded = operation.request.find((f) => f.kind === 'Text' && f.length !== undefined);
  const picklist = operation.request.find((f) => f.kind === 'Picklist');
  const methods = [
    isolatedTest('validRequestHasNoErrors', [
      `Assert.areEqual(0, validRequest().validate().size(), 'A request with every declared rule met has no field errors');`,
    ]),
    isolatedTest('roundTripsThroughJson', [
      `${request} original = validRequest();`,
      `${request} copy = (${request}) JSON.deserialize(JSON.serialize(original), ${request}.class);`,
      ...operation.request.map(
        (f) =>
          `Assert.areEqual(original.${f.name}, copy.${f.name}, ${str(`${f.name} survives a JSON round trip under its declared key`)});`,
      ),
    ]),
    required.length > 0 &&
      isolatedTest('reportsMissingRequiredFields', [
        `${request} request = new ${request}();`,
        `Set<String> fields = new Set<String>();`,
        `for (${request}.FieldError error : request.validate()) {`,
        indent('fields.add(error.field);'),
        '}',
        ...required.map(
          (f) => `Assert.isTrue(fields.contains(${str(f.name)}), ${str(`A missing ${f.name} is reported`)});`,
        ),
      ]),
    bounded &&
      isolatedTest('reportsTooLongText', [
        `${request} request = validRequest();`,
        `request.${bounded.name} = 'x'.repeat(${(bounded.length ?? 0) + 1});`,
        `List<${request}.FieldError> errors = request.validate();`,
        `Assert.areEqual(1, errors.size(), 'Only the too long value is reported');`,
        `Assert.areEqual(${str(bounded.name)}, errors[0].field, 'The error names the property');`,
      ]),
    picklist &&
      isolatedTest('reportsUnknownPicklistValue', [
        `${request} request = validRequest();`,
        `request.${picklist.name} = 'NOT_A_VALUE';`,
        `Assert.areEqual(${str(picklist.name)}, request.validate()[0].field, 'A value outside the declared list is reported');`,
      ]),
  ];
  return testClass(
    request,
    `Checks the declared rules and the JSON shape of ${request}.`,
    members(...methods, validRequest(operation, request)),
    true,
  );
}

function responseTest(operation: RequestReplyModel, response: string): string {
  const fallbackFields = operation.response.filter((f) => f.name in operation.fallback);
  const picklist = operation.response.find((f) => f.kind === 'Picklist');
  const methods = [
    isolatedTest('fallbackCarriesTheDeclaredValues', [
      `${response} fallback = ${response}.fallback();`,
      `Assert.isTrue(fallback.isFallback, 'The fallback says it is one');`,
      ...fallbackFields.map(
        (f) =>
          `Assert.areEqual(${literalFor(f, operation.fallback[f.name])}, fallback.${f.name}, ${str(`${f.name} is the declared fallback value`)});`,
      ),
      `Assert.areEqual(0, fallback.validate().size(), 'The fallback meets the declared rules');`,
    ]),
    isolatedTest('readsTheDeclaredJson', [
      `${response} answer = (${response}) JSON.deserialize(${str(JSON.stringify(sampleJson(operation)))}, ${response}.class);`,
      `Assert.areEqual(0, answer.validate().size(), 'An answer of the declared shape is valid');`,
      `Assert.isFalse(answer.isFallback, 'A parsed answer is not a fallback');`,
    ]),
    picklist &&
      isolatedTest('reportsUnknownPicklistValue', [
        `${response} answer = ${response}.fallback();`,
        `answer.${picklist.name} = 'NOT_A_VALUE';`,
        `Assert.areEqual(${str(picklist.name)}, answer.validate()[0].field, 'A value outside the declared list is reported');`,
      ]),
  ];
  return testClass(response, `Checks the fallback and the JSON shape of ${response}.`, members(...methods), true);
}

/** A JSON answer that meets the response's declared rules. */
function sampleJson(operation: RequestReplyModel): Record<string, string | number | boolean> {
  const json: Record<string, string | number | boolean> = {};
  for (const field of operation.response) {
    if (field.kind === 'Picklist') json[field.name] = (field.values ?? [])[0];
    else if (field.kind === 'Number') json[field.name] = field.scale && field.scale > 0 ? 1250.5 : 1250;
    else if (field.kind === 'Checkbox') json[field.name] = true;
    else if (field.kind === 'Date') json[field.name] = '2026-01-15';
    else if (field.kind === 'DateTime') json[field.name] = '2026-01-15T10:30:00.000Z';
    else if (field.kind === 'Email') json[field.name] = 'answer@example.com';
    else if (field.kind === 'Url') json[field.name] = 'https://example.com';
    else json[field.name] = 'Sample';
  }
  return json;
}

function serviceTest(operation: RequestReplyModel, system: ExternalSystemModel, names: Names): string {
  const test = testsAs(userWith(PERMISSION_SET_CALLOUT_USER));
  const { request, response, service } = names;
  const answer = str(JSON.stringify(sampleJson(operation)));
  const sensitive = operation.request.find((f) => f.sensitive && f.kind === 'Text');
  const logQuery = (fields: string) =>
    `[SELECT ${fields} FROM Integration_Error_Log__c WHERE Operation__c = :OPERATION WITH SYSTEM_MODE]`;
  const assertFallback = (what: string) => [
    `Assert.isTrue(answer.isFallback, ${str(`${what} gives the fallback`)});`,
    ...operation.response
      .filter((f) => f.name in operation.fallback)
      .map(
        (f) =>
          `Assert.areEqual(${literalFor(f, operation.fallback[f.name])}, answer.${f.name}, ${str(`${f.name} is the declared fallback`)});`,
      ),
  ];
  const methods = [
    test('returnsTheAnswerOnSuccess', [
      `SwyHttpCalloutMock mock = new SwyHttpCalloutMock().ok(${answer});`,
      'Test.setMock(HttpCalloutMock.class, mock);',
      'Test.startTest();',
      `${response} answer = ${service}.check(validRequest());`,
      'Test.stopTest();',
      `Assert.isFalse(answer.isFallback, 'A valid answer is returned as is');`,
      `Assert.areEqual(1, mock.requests.size(), 'Exactly one callout');`,
      `Assert.areEqual(${str(`callout:${system.name}${operation.path}`)}, mock.requests[0].getEndpoint(), 'Only the Named Credential endpoint is called');`,
      `Assert.areEqual(${str(operation.method)}, mock.requests[0].getMethod(), 'The declared method');`,
      `Assert.isNotNull(mock.requests[0].getHeader(SwyCalloutClient.CORRELATION_HEADER), 'A correlation id is sent');`,
      `Assert.areEqual(0, ${logQuery('Id')}.size(), 'Nothing is logged on success');`,
    ]),
    test('fallsBackOnServerErrorAndLogsRedacted', [
      `Test.setMock(HttpCalloutMock.class, new SwyHttpCalloutMock().status(500, '{"error":"down"}'));`,
      'Test.startTest();',
      `${response} answer = ${service}.check(validRequest());`,
      'Test.stopTest();',
      ...assertFallback('A 500'),
      `List<Integration_Error_Log__c> rows = ${logQuery('Status__c, Error_Category__c, HTTP_Status__c, Attempts__c, Payload__c')};`,
      `Assert.areEqual(1, rows.size(), 'The failure is logged once');`,
      `Assert.areEqual(SwyErrorLog.STATUS_FAILED, rows[0].Status__c, 'A request-reply failure is never resent');`,
      `Assert.areEqual(SwyErrorLog.CATEGORY_RETRYABLE, rows[0].Error_Category__c, 'A 500 is a retryable failure');`,
      `Assert.areEqual(500, rows[0].HTTP_Status__c, 'The status is kept');`,
      `Assert.areEqual(1, rows[0].Attempts__c, 'One attempt was made');`,
      ...(sensitive
        ? [
            `Assert.isFalse(rows[0].Payload__c.contains(${sampleValue(sensitive)}), ${str(`${sensitive.name} is redacted in the log`)});`,
          ]
        : []),
    ]),
    test('fallsBackWhenThrottled', [
      'Test.setMock(HttpCalloutMock.class, new SwyHttpCalloutMock().tooManyRequests(30));',
      'Test.startTest();',
      `${response} answer = ${service}.check(validRequest());`,
      'Test.stopTest();',
      ...assertFallback('A 429'),
      `Assert.areEqual(429, ${logQuery('HTTP_Status__c')}[0].HTTP_Status__c, 'The 429 is logged');`,
    ]),
    test('fallsBackOnTimeoutAndCountsTheFailure', [
      'Test.setMock(HttpCalloutMock.class, new SwyHttpCalloutMock().timeout());',
      'Test.startTest();',
      `${response} answer = ${service}.check(validRequest());`,
      'Test.stopTest();',
      ...assertFallback('A timeout'),
      `Integration_Circuit__c circuit = [SELECT Failure_Count__c FROM Integration_Circuit__c WHERE System__c = :NAMED_CREDENTIAL WITH SYSTEM_MODE];`,
      `Assert.areEqual(1, circuit.Failure_Count__c, 'The timeout counts against the breaker');`,
    ]),
    // One request past the threshold, as long as all of them fit one transaction's callout budget.
    system.circuitBreaker.failureThreshold < messagesPerJob(operation.timeoutSeconds) &&
      test('opensTheCircuitAfterTheThreshold', [
        `SwyHttpCalloutMock mock = new SwyHttpCalloutMock().status(503, 'maintenance');`,
        `List<${request}> requests = new List<${request}>();`,
        `for (Integer i = 0; i < ${system.circuitBreaker.failureThreshold + 1}; i++) {`,
        indent('requests.add(validRequest());'),
        '}',
        'Test.setMock(HttpCalloutMock.class, mock);',
        'Test.startTest();',
        `List<${response}> answers = ${service}.checkAll(requests);`,
        'Test.stopTest();',
        `Assert.areEqual(requests.size(), answers.size(), 'One answer per request');`,
        `Assert.areEqual(${system.circuitBreaker.failureThreshold}, mock.requests.size(), 'Calls stop once the circuit opens');`,
        `Integration_Circuit__c circuit = [SELECT State__c FROM Integration_Circuit__c WHERE System__c = :NAMED_CREDENTIAL WITH SYSTEM_MODE];`,
        `Assert.areEqual(SwyCircuitBreaker.OPEN, circuit.State__c, 'The circuit is open after ${system.circuitBreaker.failureThreshold} consecutive failures');`,
        `Assert.isTrue(answers[answers.size() - 1].isFallback, 'The request refused by the open circuit gets the fallback');`,
      ]),
    test('fallsBackWithoutCallingWhileTheCircuitIsOpen', [
      `insert as system new Integration_Circuit__c(Name = NAMED_CREDENTIAL, System__c = NAMED_CREDENTIAL, State__c = SwyCircuitBreaker.OPEN, Failure_Count__c = ${system.circuitBreaker.failureThreshold}, Opened_At__c = Datetime.now());`,
      `SwyHttpCalloutMock mock = new SwyHttpCalloutMock().ok(${answer});`,
      'Test.setMock(HttpCalloutMock.class, mock);',
      'Test.startTest();',
      `${response} answer = ${service}.check(validRequest());`,
      'Test.stopTest();',
      ...assertFallback('An open circuit'),
      `Assert.areEqual(0, mock.requests.size(), 'No callout while the circuit is open');`,
      `Assert.areEqual(SwyErrorLog.CATEGORY_CIRCUIT_OPEN, ${logQuery('Error_Category__c')}[0].Error_Category__c, 'The refusal is logged as Circuit_Open');`,
    ]),
    test('fallsBackOnAnUnusableAnswer', [
      `Test.setMock(HttpCalloutMock.class, new SwyHttpCalloutMock().ok('{"unexpected":true}'));`,
      'Test.startTest();',
      `${response} answer = ${service}.check(validRequest());`,
      'Test.stopTest();',
      ...assertFallback('An answer that breaks the declared rules'),
      `Assert.areEqual(SwyErrorLog.CATEGORY_PERMANENT, ${logQuery('Error_Category__c')}[0].Error_Category__c, 'An unusable answer is a permanent failure');`,
    ]),
    test('answersAnInvalidRequestFromAFlowWithTheFallback', [
      `SwyHttpCalloutMock mock = new SwyHttpCalloutMock().ok(${answer});`,
      'Test.setMock(HttpCalloutMock.class, mock);',
      'Test.startTest();',
      `List<${response}> answers = ${service}.checkAll(new List<${request}>{ new ${request}(), validRequest() });`,
      'Test.stopTest();',
      `Assert.areEqual(2, answers.size(), 'One result per request, as a flow expects');`,
      `Assert.isTrue(answers[0].isFallback, 'The invalid request gets the fallback');`,
      `Assert.isTrue(answers[0].fallbackReason.contains('invalid request'), 'The reason says why');`,
      `Assert.isFalse(answers[1].isFallback, 'The valid request is answered');`,
      `Assert.areEqual(1, mock.requests.size(), 'Only the valid request is sent');`,
    ]),
    test('refusesAnInvalidRequestWithoutCalling', [
      `SwyHttpCalloutMock mock = new SwyHttpCalloutMock().ok(${answer});`,
      'Test.setMock(HttpCalloutMock.class, mock);',
      'Boolean refused = false;',
      'try {',
      indent(`${service}.check(new ${request}());`),
      `} catch (${service}.InvalidRequestException e) {`,
      indent('refused = true;'),
      '}',
      `Assert.isTrue(refused, 'A request missing required values is refused');`,
      `Assert.areEqual(0, mock.requests.size(), 'Nothing is sent for an invalid request');`,
    ]),
  ];
  return testClass(
    service,
    `Behaviour of ${service}: the answer on success, the fallback and a redacted log row on 500, 429, timeout, unusable answers and an open circuit.`,
    members(
      `private static final String OPERATION = ${str(operation.name)};\nprivate static final String NAMED_CREDENTIAL = ${str(system.name)};`,
      ...methods,
      validRequest(operation, request),
    ),
  );
}

/** `CheckCredit` -> `Check Credit`: the label a flow builder shows. */
function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
}
