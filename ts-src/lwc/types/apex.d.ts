/**
 * Apex methods the components call, typed after the hand-written controller
 * (ts-src/apex/classes/SwyErrorConsoleController.cls), and `refreshApex`.
 * An imported Apex method is both callable and a wire adapter.
 * https://developer.salesforce.com/docs/platform/lwc/guide/apex-wire-method.html
 */
declare module '@salesforce/apex' {
  /** Refetches a wired Apex result; pass the whole value the wire provisioned. */
  export function refreshApex(wiredValue: unknown): Promise<void>;
}

declare namespace SwyApex {
  type WireAdapterConstructor<Config extends Record<string, unknown>, Value> = import('lwc').WireAdapterConstructor<
    Config,
    Value
  >;

  /** What a wired Apex method provisions. */
  interface WireResult<T> {
    data?: T;
    error?: unknown;
  }

  /** Callable imperatively and usable with `@wire`. */
  interface Method<Params extends Record<string, unknown>, Result> extends WireAdapterConstructor<
    Params,
    WireResult<Result>
  > {
    (params: Params): Promise<Result>;
  }

  /** `SwyFailureRate`: failures of one integration inside the window. */
  interface FailureRate {
    integration: string;
    total: number;
    failed: number;
    /** Failed share, 0-1. */
    rate: number;
  }

  type ErrorLogRecord = import('../generated/platformEvents').IntegrationErrorLogRecord;
}

declare module '@salesforce/apex/SwyErrorConsoleController.getRecentLogs' {
  /** Newest first; a blank integration or status means every one. */
  const getRecentLogs: SwyApex.Method<
    { integration: string | null; status: string | null; maxRows: number },
    SwyApex.ErrorLogRecord[]
  >;
  export default getRecentLogs;
}

declare module '@salesforce/apex/SwyErrorConsoleController.getFailureRates' {
  const getFailureRates: SwyApex.Method<{ windowMinutes: number }, SwyApex.FailureRate[]>;
  export default getFailureRates;
}

declare module '@salesforce/apex/SwyErrorConsoleController.reprocess' {
  /** Marks the rows Retrying for the sweeper; resolves with the number of rows changed. */
  const reprocess: (params: { logIds: string[] }) => Promise<number>;
  export default reprocess;
}

declare module '@salesforce/apex/SwyErrorConsoleController.resolve' {
  /** Marks the rows Resolved; resolves with the number of rows changed. */
  const resolve: (params: { logIds: string[] }) => Promise<number>;
  export default resolve;
}
