/**
 * Test double of `lightning/empApi`, mapped in jest.config.js. The stub that ships with
 * sfdx-lwc-jest is bare `jest.fn()`s; this one behaves like the shared CometD client and the event
 * bus behind it (./fakeEmpApi.ts): it keeps the callback of every subscription per channel and
 * retains published events, so a test can publish to whoever listens, publish during an outage and
 * see what a re-subscription replays, raise a server error, switch the Streaming API off, or make
 * the next subscriptions fail.
 *
 * Import the controls from this file; the component under test imports the same module instance
 * through `lightning/empApi`.
 */
import { createFakeEmpApi } from './fakeEmpApi';

const fake = createFakeEmpApi();

export const subscribe = jest.fn(fake.subscribe);
export const unsubscribe = jest.fn(fake.unsubscribe);
/** Listeners stay registered for the whole test file, as the module that registers them does. */
export const onError = jest.fn(fake.onError);
export const setDebugFlag = jest.fn(() => Promise.resolve(true));
export const isEmpEnabled = jest.fn(fake.isEmpEnabled);

export const { publish, raiseError, setEmpEnabled, failNextSubscribes, activeSubscriptions } = fake;

/** Back to a fresh, enabled empApi with nothing retained between tests (error listeners excepted: see onError). */
export function resetEmpApi(): void {
  fake.reset();
  subscribe.mockClear();
  unsubscribe.mockClear();
  isEmpEnabled.mockClear();
}
