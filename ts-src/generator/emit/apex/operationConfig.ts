/**
 * `<Operation>Operation implements SwyOperation`: the numbers of one outbound declaration (Named
 * Credential, method, path, timeout, retry policy, the system's breaker, sensitive keys) as the
 * runtime's delivery job, finalizer and sweeper read them. They find it by name, so queued
 * messages and error-log rows carry only the operation name. A pattern adds its own configuration
 * (an event delivery's route, a batch sync's record mapping) through `extraMembers`.
 */
import { apexClassName } from '../../model/naming';
import type {
  BatchSyncModel,
  ChangeCaptureModel,
  ExternalSystemModel,
  FireAndForgetModel,
  Model,
} from '../../model/types';
import type { GeneratedFile } from '../types';
import { doc, members, str, stringSet } from './apex';
import { apexClassFiles, type DeclarationSource } from './files';
import { messagesPerJob } from './limits';
import { apex } from './template';
import { INTEGRATION_USER, testClass, testsAs } from './tests';

export interface OperationConfigSpec {
  operation: FireAndForgetModel | BatchSyncModel | ChangeCaptureModel;
  system: ExternalSystemModel;
  /** JSON keys of the payload that are redacted in the error log. */
  sensitiveFields: readonly string[];
  /** A valid payload (Apex expression) for the delivery tests. */
  samplePayload: string;
  /** What a message of this operation is, for the ApexDoc. */
  messageIs: string;
  sources: readonly DeclarationSource[];
  /**
   * Pattern-specific members of the operation class (a batch sync's record mapping, an event
   * delivery's message mapping), written by the pattern's own emitter after the common ones.
   */
  extraMembers?: readonly string[];
  /** Pattern-specific members of the operation's test class (tests of `extraMembers`, helpers). */
  extraTestMembers?: readonly string[];
  /** Runtime classes, besides SwyDeliveryJob, that hold the behaviour the class configures. */
  see?: readonly string[];
}

export function systemOf(model: Model, systemName: string): ExternalSystemModel {
  const system = model.systems.find((s) => s.name === systemName);
  if (!system) throw new Error(`system ${systemName} is not in the model`);
  return system;
}

export function emitOperationConfig(spec: OperationConfigSpec): GeneratedFile[] {
  const name = apexClassName.operation(spec.operation.name);
  return [
    ...apexClassFiles(name, operationClass(spec, name), spec.sources),
    ...apexClassFiles(apexClassName.test(name), operationTest(spec, name), spec.sources),
  ];
}

function operationClass(spec: OperationConfigSpec, name: string): string {
  const { operation, system } = spec;
  const { retry } = operation;
  const { failureThreshold, coolDownSeconds } = system.circuitBreaker;
  const summary = doc(
    `Delivery settings of ${operation.name}: ${operation.description} A message is ${spec.messageIs}, sent with ${operation.method} ${operation.path} through the Named Credential ${system.name} ` +
      `with a ${operation.timeoutSeconds} s timeout; retryable failures are tried ${retry.maxAttempts} times in all with exponential backoff (${retry.baseDelaySeconds} s doubling up to ${retry.maxDelaySeconds} s, ${retry.jitter} jitter) ` +
      `in a Queueable chain of at most ${retry.maxChainDepth} jobs; ${failureThreshold} consecutive failures open the circuit of ${system.name} for ${coolDownSeconds} s. ` +
      `SwyOperations finds this class by its name, ${operation.name} + 'Operation'.`,
    [
      ['group', 'Switchyard Generated'],
      ...['SwyDeliveryJob', ...(spec.see ?? [])].map((c): [string, string] => ['see', c]),
    ],
  );
  const config = apex`
    ${doc(`How the runtime delivers ${operation.name}.`, [['return', 'a new configuration with the declared numbers']])}
    public SwyOperationConfig config() {
      ${operationConfigStatements(spec.sensitiveFields)}
    }
  `;
  return (
    apex`
    ${summary}
    public with sharing class ${name} implements SwyOperation {
      ${operationConstants(operation, system)}

      ${members(config, ...(spec.extraMembers ?? []))}
    }
  ` + '\n'
  );
}

/** An operation that calls a system with retries: what its configuration constants are made of. */
type RetriedCall = Pick<FireAndForgetModel, 'name' | 'method' | 'path' | 'timeoutSeconds' | 'retry'>;

/**
 * The declared callout, retry and breaker values as the constants of a configuration class, read by
 * `operationConfigStatements`. Shared by `<Op>Operation` and the classes of patterns whose entry
 * point is also their configuration (`<Op>PullSync`).
 */
export function operationConstants(operation: RetriedCall, system: ExternalSystemModel): string {
  const { retry } = operation;
  const { failureThreshold, coolDownSeconds } = system.circuitBreaker;
  return apex`
    private static final String OPERATION_NAME = ${str(operation.name)};
    private static final String NAMED_CREDENTIAL = ${str(system.name)};
    private static final String HTTP_METHOD = ${str(operation.method)};
    private static final String PATH = ${str(operation.path)};
    private static final Integer TIMEOUT_SECONDS = ${operation.timeoutSeconds};
    private static final Integer MAX_ATTEMPTS = ${retry.maxAttempts};
    private static final Integer BASE_DELAY_SECONDS = ${retry.baseDelaySeconds};
    private static final Integer MAX_DELAY_SECONDS = ${retry.maxDelaySeconds};
    private static final String JITTER = ${str(retry.jitter)};
    private static final Integer MAX_CHAIN_DEPTH = ${retry.maxChainDepth};
    private static final Integer BREAKER_FAILURE_THRESHOLD = ${failureThreshold};
    private static final Integer BREAKER_COOL_DOWN_SECONDS = ${coolDownSeconds};
  `;
}

/** The body of a method returning the `SwyOperationConfig` of `operationConstants`. */
export function operationConfigStatements(sensitiveFields: readonly string[]): string {
  return apex`
    SwyOperationConfig config = new SwyOperationConfig();
    config.operationName = OPERATION_NAME;
    config.namedCredential = NAMED_CREDENTIAL;
    config.method = HTTP_METHOD;
    config.path = PATH;
    config.timeoutSeconds = TIMEOUT_SECONDS;
    config.retry = new SwyRetryPolicy(MAX_ATTEMPTS, BASE_DELAY_SECONDS, MAX_DELAY_SECONDS, JITTER, MAX_CHAIN_DEPTH);
    config.breakerThreshold = BREAKER_FAILURE_THRESHOLD;
    config.breakerCoolDownSeconds = BREAKER_COOL_DOWN_SECONDS;
    config.sensitiveFields = ${stringSet(sensitiveFields)};
    return config;
  `;
}

/** Statements that deliver one sample message with the operation's config against a mock. */
function deliver(spec: OperationConfigSpec, mock: string): string {
  return apex`
    SwyHttpCalloutMock mock = new SwyHttpCalloutMock()${mock};
    Test.setMock(HttpCalloutMock.class, mock);
    SwyMessage message = new SwyMessage(OPERATION, ${spec.samplePayload}, MESSAGE_KEY);
    Test.startTest();
    System.enqueueJob(new SwyDeliveryJob(OPERATION, new List<SwyMessage>{ message }));
    Test.stopTest();
  `;
}

const LOG_QUERY = `[SELECT Status__c, Error_Category__c, Attempts__c, Max_Attempts__c, Next_Attempt_At__c FROM Integration_Error_Log__c WHERE Idempotency_Key__c = :MESSAGE_KEY WITH SYSTEM_MODE]`;

/** Assertions that the configuration carries every declared number. */
function declaredNumbers(spec: OperationConfigSpec, name: string): string {
  const { operation, system } = spec;
  const { retry } = operation;
  return apex`
    SwyOperationConfig config = new ${name}().config();
    Assert.areEqual(${str(system.name)}, config.namedCredential, 'The declared system');
    Assert.areEqual(${str(operation.method)}, config.method, 'The declared method');
    Assert.areEqual(${str(operation.path)}, config.path, 'The declared path');
    Assert.areEqual(${operation.timeoutSeconds}, config.timeoutSeconds, 'The declared timeout');
    Assert.areEqual(${retry.maxAttempts}, config.retry.maxAttempts, 'The declared attempts');
    Assert.areEqual(${retry.baseDelaySeconds}, config.retry.baseDelaySeconds, 'The declared base delay');
    Assert.areEqual(${retry.maxDelaySeconds}, config.retry.maxDelaySeconds, 'The declared delay cap');
    Assert.areEqual(${retry.maxChainDepth}, config.retry.maxChainDepth, 'The declared chain depth');
    Assert.areEqual(${system.circuitBreaker.failureThreshold}, config.breakerThreshold, 'The breaker threshold of ${system.name}');
    Assert.areEqual(${messagesPerJob(operation.timeoutSeconds)}, config.messagesPerTransaction(), 'floor(120 s / ${operation.timeoutSeconds} s) messages fit one transaction');
  `;
}

function operationTest(spec: OperationConfigSpec, name: string): string {
  const test = testsAs(INTEGRATION_USER);
  const { operation, system } = spec;
  const { retry } = operation;
  const methods = [
    test('carriesTheDeclaredNumbers', [declaredNumbers(spec, name)]),
    test('isFoundByName', [
      `Assert.isInstanceOfType(SwyOperations.forName(OPERATION), ${name}.class, 'The runtime resolves the operation by its declared name');`,
    ]),
    test('deliversWithTheIdempotencyKey', [
      deliver(spec, ".ok('{}')"),
      apex`
        Assert.areEqual(1, mock.requests.size(), 'One callout');
        Assert.areEqual(${str(`callout:${system.name}${operation.path}`)}, mock.requests[0].getEndpoint(), 'The declared endpoint');
        Assert.areEqual(MESSAGE_KEY, mock.requests[0].getHeader(SwyCalloutClient.IDEMPOTENCY_HEADER), 'The message key is the idempotency key');
        Assert.areEqual(0, ${LOG_QUERY}.size(), 'A delivered message leaves no log row');
      `,
    ]),
    retry.maxAttempts > 1 &&
      test('schedulesARetryAfterAServerError', [
        deliver(spec, ".status(500, 'down')"),
        apex`
          List<Integration_Error_Log__c> rows = ${LOG_QUERY};
          Assert.areEqual(1, rows.size(), 'The failed message has one log row');
          Assert.areEqual(SwyErrorLog.STATUS_RETRYING, rows[0].Status__c, 'A 500 is retried');
          Assert.areEqual(1, rows[0].Attempts__c, 'One attempt made');
          Assert.areEqual(${retry.maxAttempts}, rows[0].Max_Attempts__c, 'The declared attempts');
          Assert.isNotNull(rows[0].Next_Attempt_At__c, 'The row says when to try again');
        `,
      ]),
    test('failsForGoodOnAClientError', [
      deliver(spec, '.status(400, \'{"error":"bad request"}\')'),
      apex`
        List<Integration_Error_Log__c> rows = ${LOG_QUERY};
        Assert.areEqual(SwyErrorLog.STATUS_FAILED, rows[0].Status__c, 'A 400 is not retried');
        Assert.areEqual(SwyErrorLog.CATEGORY_PERMANENT, rows[0].Error_Category__c, 'A 400 is a permanent failure');
      `,
    ]),
  ];
  return testClass(
    name,
    `Checks that ${name} carries the declared numbers and that the runtime delivers, retries and fails its messages with them.`,
    members(
      apex`
        private static final String OPERATION = ${str(operation.name)};
        private static final String MESSAGE_KEY = ${str(`${operation.name}-test-1`)};
      `,
      ...methods,
      ...(spec.extraTestMembers ?? []),
    ),
  );
}
