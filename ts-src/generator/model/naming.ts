/**
 * Every name the generator derives, in one place, so the metadata, Apex and LWC emitters agree on
 * them (a permission set grants exactly the classes the Apex emitter writes).
 */

/**
 * Generated SFDX source comes in two package directories around the hand-written runtime, because
 * apex-ls (and a packaged build) resolve package directories in order: the runtime's own objects
 * and events (declared in ts-src/platform) come first, then the runtime (ts-src/apex), then the app
 * generated from ts-src/integrations, which uses both. sfdx-project.json lists them in that order.
 */
export type GeneratedLayer = 'platform' | 'app';
/** The app: everything generated from ts-src/integrations, plus permission sets, pages and LWC. */
export const GENERATED_ROOT = 'force-app/main/default';
/** Switchyard's own objects and events, which the runtime library needs before it can compile. */
export const PLATFORM_ROOT = 'force-app/platform';

export function generatedRoot(layer: GeneratedLayer): string {
  return layer === 'platform' ? PLATFORM_ROOT : GENERATED_ROOT;
}
/** Hand-written Apex runtime library (an SFDX package directory of its own, never written by the build). */
export const RUNTIME_ROOT = 'ts-src/apex';
/** Prefix of every runtime class, so they cannot collide with a customer org's own classes. */
export const RUNTIME_PREFIX = 'Swy';

export const PERMISSION_SET_ADMIN = 'Switchyard_Integration_Admin';
export const PERMISSION_SET_RUNTIME = 'Switchyard_Integration_Runtime';

/** `Order_Confirmed__e` -> `OrderConfirmed`: the stem of classes generated for an event or object. */
export function apexStem(apiName: string): string {
  return apiName
    .replace(/__(c|e)$/, '')
    .split('_')
    .filter((part) => part.length > 0)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/** External Credential that holds the authentication of a Named Credential. */
export function externalCredentialName(systemName: string): string {
  return `${systemName}_Auth`;
}

/** The one named principal of an External Credential. */
export function principalName(systemName: string): string {
  return `${systemName}_Principal`;
}

/** Lightning app, console tab and Order record page the LWC emitter writes; permission sets grant them. */
export const CONSOLE_APP = 'Switchyard';
export const CONSOLE_TAB = 'Integration_Error_Console';
export const ORDER_RECORD_PAGE = 'Order_Record_Page';
/** Hand-written controller behind the error console (runtime library). */
export const CONSOLE_CONTROLLER = 'SwyErrorConsoleController';

/** Apex REST resource generated for a remote call-in operation. */
export function restResourceClassName(operationName: string): string {
  return `${operationName}Resource`;
}

/**
 * Apex classes generated per declaration, named after it. The runtime resolves `<operation>Operation`
 * by name (SwyOperations.forName), and permission sets grant the entry points users call.
 */
export const apexClassName = {
  request: (operationName: string) => `${operationName}Request`,
  response: (operationName: string) => `${operationName}Response`,
  /** Request-reply client; its invocable method is what a flow or a user runs. */
  service: (operationName: string) => `${operationName}Service`,
  /** Delivery configuration of a fire-and-forget or batch-sync operation (SwyOperation). */
  operation: (operationName: string) => `${operationName}Operation`,
  batch: (operationName: string) => `${operationName}Batch`,
  /** Pull sync: Schedulable entry point and its configuration (SwyPullSync.Source). */
  pullSync: (operationName: string) => `${operationName}PullSync`,
  monitor: (monitoringName: string) => `${monitoringName}Monitor`,
  trigger: (eventApiName: string) => `${apexStem(eventApiName)}Trigger`,
  /**
   * The one trigger of an object's record-event operations: `Order` -> `OrderSwyRecordEvents`. The
   * runtime prefix inside the name keeps it apart from a team's own `OrderTrigger`/`OrderHandler`.
   */
  recordEventTrigger: (objectApiName: string) => `${apexStem(objectApiName)}SwyRecordEvents`,
  /** Configuration of an object's record-event operations (SwyRecordEvents.Config list). */
  recordEvents: (objectApiName: string) => `${apexStem(objectApiName)}RecordEvents`,
  /** An inbound-event operation's configuration (SwyInboundEvents.Config) and its event trigger. */
  consumer: (operationName: string) => `${operationName}Consumer`,
  consumerTrigger: (operationName: string) => `${operationName}Trigger`,
  test: (className: string) => `${className}Test`,
} as const;
