/**
 * `lightning/empApi`: the Streaming API client shared by every component of a Lightning page.
 * `@salesforce/lightning-types` does not declare it, so the contract is written down here.
 * No top-level import: an import would turn this file into a module and the `declare module`
 * below into an augmentation of a module TypeScript cannot find (TS2307).
 * https://developer.salesforce.com/docs/platform/lightning-component-reference/guide/lightning-emp-api.html
 */
declare module 'lightning/empApi' {
  /** What `subscribe` resolves with; pass it back to `unsubscribe`. */
  export interface EmpSubscription {
    id?: string;
    channel: string;
    replayId?: number;
  }

  /** One event message as empApi delivers it. */
  export interface EmpMessage<Payload = Record<string, unknown>> {
    channel: string;
    data: {
      /** `replayId` orders the events of a channel; resubscribing from it replays what came after. */
      event: { replayId: number; EventUuid?: string };
      payload: Payload;
    };
  }

  /** A Bayeux error as the CometD client reports it; `subscription` names the channel when the error is about one. */
  export interface EmpError {
    channel?: string;
    subscription?: string;
    error?: string;
    successful?: boolean;
    [key: string]: unknown;
  }

  /**
   * @param replayId -1: new events only; -2: every retained event (72 hours for high-volume
   *   events); a replay id: the events after it.
   */
  export function subscribe<Payload = Record<string, unknown>>(
    channel: string,
    replayId: number,
    onMessage: (message: EmpMessage<Payload>) => void,
  ): Promise<EmpSubscription | null | undefined>;

  export function unsubscribe(subscription: EmpSubscription, callback?: (response: unknown) => void): Promise<unknown>;

  /** Registers a listener for errors the server returns on any channel of the shared connection. */
  export function onError(callback: (error: EmpError) => void): void;

  export function setDebugFlag(flag: boolean): Promise<unknown>;

  /** False where the Streaming API is not available (mobile app, some communities). */
  export function isEmpEnabled(): Promise<boolean>;
}
