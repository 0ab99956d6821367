/**
 * Request-reply: typed request and response classes and a thin service, the entry point a flow or
 * Apex calls. The service holds the declared values (Named Credential, method, path, timeout, the
 * system's breaker, both shapes) and hands the requests to `SwyRequestReply`, which calls,
 * classifies, validates the answer and logs; the service turns its results into typed answers or
 * the declared fallback.
 */
import { apexClassName } from '../../model/naming';
import type { ExternalSystemModel, Model, RequestReplyModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { doc, literalFor, members, str } from './apex';
import { apexClassFiles, type DeclarationSource } from './files';
import { sampleJson, sampleValue } from './samples';
import { shapeClass } from './shapes';
import { apex } from './template';
import { isolatedTest, testClass, testsAs, userWith } from './tests';
import { PERMISSION_SET_CALLOUT_USER } from '../metadata/permissionSets';

interface Context {
  operation: RequestReplyModel;
  system: ExternalSystemModel;
  request: string;
  response: string;
  service: string;
}

export function emitRequestReply(model: Model, operation: RequestReplyModel): GeneratedFile[] {
  const system = model.systems.find((s) => s.name === operation.system);
  if (!system) throw new Error(`operation ${operation.name} calls undeclared system ${operation.system}`);
  const source: DeclarationSource[] = [{ location: operation.location, name: operation.name }];
  const ctx: Context = {
    operation,
    system,
    request: apexClassName.request(operation.name),
    response: apexClassName.response(operation.name),
    service: apexClassName.service(operation.name),
  };
  const request = shapeClass({
    className: ctx.request,
    summary: `Request of ${operation.name}: ${operation.description}`,
    fields: operation.request,
    invocable: 'input',
  });
  const response = shapeClass({
    className: ctx.response,
    summary: `Answer of ${operation.name}, or its declared fallback when ${operation.system} cannot answer.`,
    fields: operation.response,
    invocable: 'output',
    fallback: operation.fallback,
  });
  return [
    ...apexClassFiles(ctx.request, request, source),
    ...apexClassFiles(apexClassName.test(ctx.request), requestTest(ctx), source),
    ...apexClassFiles(ctx.response, response, source),
    ...apexClassFiles(apexClassName.test(ctx.response), responseTest(ctx), source),
    ...apexClassFiles(ctx.service, serviceClass(ctx), source),
    ...apexClassFiles(apexClassName.test(ctx.service), serviceTest(ctx), source),
  ];
}

function serviceClass(ctx: Context): string {
  const { operation, system, request, response, service } = ctx;
  const description = doc(
    `Request-reply entry point of ${operation.name}: ${operation.description} It asks ${system.name} synchronously with a ${operation.timeoutSeconds} s timeout. ` +
      `SwyRequestReply does the call: the callout budget of the transaction (shared by every call in it), the breaker of ${system.name}, the answer checked against ${response}.schema(), and, when there is no usable answer, ` +
      `the declared fallback (isFallback = true, fallbackReason saying why) with a Failed row in Integration_Error_Log__c, sensitive fields redacted, written after the transaction (SwyDeferredWrites), so it may call again. ` +
      'A request past the budget comes back with notSentForBudget = true; checkAllLater sends such requests in jobs of their own.',
    [
      ['group', 'Switchyard Generated'],
      ['see', 'SwyRequestReply'],
      ['see', request],
      ['see', response],
    ],
  );
  return (
    apex`
    ${description}
    public with sharing class ${service} {
      ${members(constants(ctx), configMethod(ctx), checkMethod(ctx), checkAllMethod(ctx), checkAllLaterMethod(ctx))}

      ${doc('A request broke a declared rule; nothing was sent.')}
      public class InvalidRequestException extends Exception {
      }
    }
  ` + '\n'
  );
}

function constants({ operation, system }: Context): string {
  return apex`
    private static final String OPERATION_NAME = ${str(operation.name)};
    private static final String NAMED_CREDENTIAL = ${str(system.name)};
    private static final String HTTP_METHOD = ${str(operation.method)};
    private static final String PATH = ${str(operation.path)};
    // The declared timeout: a user waits for this answer.
    private static final Integer TIMEOUT_SECONDS = ${operation.timeoutSeconds};
    private static final Integer BREAKER_FAILURE_THRESHOLD = ${system.circuitBreaker.failureThreshold};
    private static final Integer BREAKER_COOL_DOWN_SECONDS = ${system.circuitBreaker.coolDownSeconds};
  `;
}

function configMethod({ operation, request, response }: Context): string {
  return apex`
    ${doc(`The declared values of ${operation.name}, as SwyRequestReply reads them.`, [['return', 'a new configuration']])}
    public static SwyRequestReply.Config config() {
      return new SwyRequestReply.Config(OPERATION_NAME, NAMED_CREDENTIAL, HTTP_METHOD, PATH, TIMEOUT_SECONDS)
        .breaker(BREAKER_FAILURE_THRESHOLD, BREAKER_COOL_DOWN_SECONDS)
        .request(${request}.schema())
        .response(${response}.schema(), ${response}.class, ${response}.fallback());
    }
  `;
}

function checkMethod({ system, request, response, service }: Context): string {
  const description = doc(
    `Asks ${system.name} and returns its answer, or the declared fallback (isFallback = true) when it cannot give one.`,
    [
      ['param', `request what to ask; must meet ${request}.schema()`],
      ['return', 'the answer or the fallback; never null'],
      ['throws', 'InvalidRequestException when the request breaks a declared rule (nothing is sent)'],
      ['example', `${response} answer = ${service}.check(request);`],
    ],
  );
  return apex`
    ${description}
    public static ${response} check(${request} request) {
      List<String> problems = SwyRequestReply.problemsOf(config(), request);
      if (!problems.isEmpty()) {
        throw new InvalidRequestException(${str(`Invalid ${request}: `)} + String.join(problems, '; '));
      }
      return checkAll(new List<${request}>{ request })[0];
    }
  `;
}

function checkAllMethod({ operation, system, request, response }: Context): string {
  const description = doc(
    `Asks ${system.name} once per request, in order; a flow calls it as an action (callout=true), from a screen flow before activation or an asynchronous path. ` +
      'Every request gets exactly one result, as a flow expects: the answer, or the fallback with fallbackReason saying why, logged, when a request breaks a declared rule (not sent) or the system gives no usable answer; ' +
      "a request past this transaction's callout budget comes back with notSentForBudget = true, unlogged, for the flow to send again on a path of its own (e.g. a scheduled path whose batch size fits the budget).",
    [
      ['param', 'requests what to ask'],
      ['return', 'one answer or fallback per request, in the same order'],
    ],
  );
  return apex`
    ${description}
    @InvocableMethod(label=${str(words(operation.name))} description=${str(operation.description)} callout=true category='Switchyard')
    public static List<${response}> checkAll(List<${request}> requests) {
      List<${response}> answers = new List<${response}>();
      for (SwyRequestReply.Result result : SwyRequestReply.callAll(config(), requests)) {
        answers.add((${response}) result.response);
      }
      return answers;
    }
  `;
}

function checkAllLaterMethod({ system, request, service }: Context): string {
  const description = doc(
    `Asks ${system.name} asynchronously, in jobs of one transaction's callout budget each, and hands each job's results to the callback; use it for requests that came back with notSentForBudget = true. ` +
      "It enqueues a job: call it after this transaction's last callout.",
    [
      ['param', 'requests what to ask'],
      [
        'param',
        "callback receives each job's requests and SwyRequestReply.Result list (response is the typed answer or fallback)",
      ],
      ['return', 'the id of the first job'],
      ['example', `${service}.checkAllLater(notSent, new MyCreditCallback());`],
    ],
  );
  return apex`
    ${description}
    public static Id checkAllLater(List<${request}> requests, SwyRequestReply.Callback callback) {
      return SwyRequestReply.enqueue(config(), requests, callback);
    }
  `;
}

/** A request that meets every declared rule, as a test helper. */
function validRequest({ operation, request }: Context): string {
  return apex`
    private static ${request} validRequest() {
      ${request} request = new ${request}();
      ${operation.request.map((field) => `request.${field.name} = ${sampleValue(field)};`)}
      return request;
    }
  `;
}

function requestTest(ctx: Context): string {
  const { operation, request } = ctx;
  const sensitive = operation.request.filter((f) => f.sensitive).map((f) => f.name);
  const checks = isolatedTest('aValidRequestMeetsItsSchema', [
    `Map<String, Object> body = SwyPayloadSchema.objectOf(JSON.serialize(validRequest()));`,
    `Assert.areEqual(0, ${request}.schema().validate(body).size(), 'A request with every declared rule met has no field errors');`,
    ...(operation.request.some((f) => f.required)
      ? [
          `Assert.isFalse(${request}.schema().validate(new Map<String, Object>()).isEmpty(), 'An empty request misses the required properties');`,
        ]
      : []),
    `Assert.areEqual(new Set<String>{ ${sensitive.map(str).join(', ')} }, ${request}.schema().sensitiveKeys(), 'The declared sensitive properties are redacted in logs');`,
  ]);
  return testClass(request, `Checks that ${request} declares its rules.`, members(checks, validRequest(ctx)), true);
}

function responseTest({ operation, response }: Context): string {
  const fallbackFields = operation.response.filter((f) => f.name in operation.fallback);
  const fallback = isolatedTest('fallbackCarriesTheDeclaredValues', [
    `${response} fallback = ${response}.fallback();`,
    `Assert.isTrue(fallback.isFallback, 'The fallback says it is one');`,
    ...fallbackFields.map(
      (f) =>
        `Assert.areEqual(${literalFor(f, operation.fallback[f.name])}, fallback.${f.name}, ${str(`${f.name} is the declared fallback value`)});`,
    ),
    `Map<String, Object> body = SwyPayloadSchema.objectOf(JSON.serialize(fallback));`,
    `Assert.areEqual(0, ${response}.schema().validate(body).size(), 'The fallback meets the declared rules');`,
  ]);
  const answer = isolatedTest('aDeclaredAnswerMeetsItsSchema', [
    `Map<String, Object> body = SwyPayloadSchema.objectOf(${str(JSON.stringify(sampleJson(operation.response)))});`,
    `Assert.areEqual(0, ${response}.schema().validate(body).size(), 'An answer of the declared shape is valid');`,
  ]);
  return testClass(response, `Checks the fallback and the rules of ${response}.`, members(fallback, answer), true);
}

/** Asserts that the service's configuration holds the declared values. */
function declaredValues({ operation, system, response, service }: Context): string[] {
  return [
    `SwyRequestReply.Config config = ${service}.config();`,
    `Assert.areEqual(${str(operation.name)}, config.operationName, 'The declared operation');`,
    `Assert.areEqual(${str(system.name)}, config.namedCredential, 'The declared system');`,
    `Assert.areEqual(${str(operation.method)}, config.method, 'The declared method');`,
    `Assert.areEqual(${str(operation.path)}, config.path, 'The declared path');`,
    `Assert.areEqual(${operation.timeoutSeconds}, config.timeoutSeconds, 'The declared timeout');`,
    `Assert.areEqual(${system.circuitBreaker.failureThreshold}, config.breakerThreshold, 'The breaker threshold of ${system.name}');`,
    `Assert.areEqual(${system.circuitBreaker.coolDownSeconds}, config.breakerCoolDownSeconds, 'The breaker cool-down of ${system.name}');`,
    `Assert.areEqual(${response}.class, config.responseType, 'Answers are read as ${response}');`,
    `Assert.areEqual(JSON.serialize(${response}.fallback()), JSON.serialize(config.fallback), 'The declared fallback');`,
  ];
}

function serviceTest(ctx: Context): string {
  const { operation, system, request, response, service } = ctx;
  const test = testsAs(userWith(PERMISSION_SET_CALLOUT_USER));
  const answer = sampleJson(operation.response);
  const textual = operation.response.find((f) => typeof answer[f.name] === 'string');
  const fallbackAsserts = operation.response
    .filter((f) => f.name in operation.fallback)
    .map(
      (f) =>
        `Assert.areEqual(${literalFor(f, operation.fallback[f.name])}, answer.${f.name}, ${str(`${f.name} is the declared fallback`)});`,
    );
  const methods = [
    test('carriesTheDeclaredValues', declaredValues(ctx)),
    test('returnsTheAnswerOnSuccess', [
      `SwyHttpCalloutMock mock = new SwyHttpCalloutMock().ok(${str(JSON.stringify(answer))});`,
      'Test.setMock(HttpCalloutMock.class, mock);',
      'Test.startTest();',
      `${response} answer = ${service}.check(validRequest());`,
      'Test.stopTest();',
      `Assert.isFalse(answer.isFallback, 'A valid answer is returned as is');`,
      ...(textual
        ? [`Assert.areEqual(${str(String(answer[textual.name]))}, answer.${textual.name}, 'Read as ${response}');`]
        : []),
      `Assert.areEqual(${str(`callout:${system.name}${operation.path}`)}, mock.requests[0].getEndpoint(), 'The declared endpoint');`,
    ]),
    test('fallsBackOnServerError', [
      `Test.setMock(HttpCalloutMock.class, new SwyHttpCalloutMock().status(500, '{"error":"down"}'));`,
      'Test.startTest();',
      `${response} answer = ${service}.checkAll(new List<${request}>{ validRequest() })[0];`,
      'Test.stopTest();',
      `Assert.isTrue(answer.isFallback, 'A 500 gives the fallback');`,
      `Assert.isNotNull(answer.fallbackReason, 'The fallback says why');`,
      ...fallbackAsserts,
    ]),
    test('sendsLaterThroughAJob', [
      `Test.setMock(HttpCalloutMock.class, new SwyHttpCalloutMock().ok(${str(JSON.stringify(answer))}));`,
      'Test.startTest();',
      `Id jobId = ${service}.checkAllLater(new List<${request}>{ validRequest() }, null);`,
      'Test.stopTest();',
      `Assert.areEqual('Completed', [SELECT Status FROM AsyncApexJob WHERE Id = :jobId].Status, 'The job ran');`,
    ]),
    test('refusesAnInvalidRequestWithoutCalling', [
      `SwyHttpCalloutMock mock = new SwyHttpCalloutMock().ok('{}');`,
      'Test.setMock(HttpCalloutMock.class, mock);',
      'Boolean refused = false;',
      'try {',
      `    ${service}.check(null);`,
      `} catch (${service}.InvalidRequestException e) {`,
      '    refused = true;',
      '}',
      `Assert.isTrue(refused, 'An invalid request is refused');`,
      `Assert.areEqual(0, mock.requests.size(), 'Nothing is sent for it');`,
    ]),
  ];
  return testClass(
    service,
    `Wiring of ${service}: its declared values, one answer and one fallback through SwyRequestReply, whose own test covers each failure once.`,
    members(...methods, validRequest(ctx)),
  );
}

/** `CheckCredit` -> `Check Credit`: the label a flow builder shows. */
function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
}
