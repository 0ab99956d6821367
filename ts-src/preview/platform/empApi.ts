/**
 * Stand-in for `lightning/empApi` in the browser bundle: the fake event bus the Jest mock uses
 * (ts-src/lwc/test-support/fakeEmpApi.ts), so a replay behaves the same in both, plus a log of the
 * replay ids the components subscribed with.
 */
import type { EmpMessage } from 'lightning/empApi';
import { createFakeEmpApi } from '../../lwc/test-support/fakeEmpApi';

export const bus = createFakeEmpApi();

/** `[channel, replayId]` of every subscribe call, in order. */
export const subscribeCalls: [string, number][] = [];

export function subscribe(channel: string, replayId: number, callback: (message: EmpMessage<unknown>) => void) {
  subscribeCalls.push([channel, replayId]);
  return bus.subscribe(channel, replayId, callback);
}

export const { unsubscribe, onError, isEmpEnabled } = bus;

export function setDebugFlag(): Promise<boolean> {
  return Promise.resolve(true);
}
