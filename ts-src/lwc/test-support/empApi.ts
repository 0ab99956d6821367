/**
 * Test double of `lightning/empApi`, mapped in jest.config.js. The stub that ships with
 * sfdx-lwc-jest is bare `jest.fn()`s; this one behaves like the shared CometD client: it keeps the
 * callback of every subscription per channel, so a test can publish a message to whoever listens,
 * raise a server error, switch the Streaming API off, or make the next subscriptions fail.
 *
 * Import the controls from this file; the component under test imports the same module instance
 * through `lightning/empApi`.
 */
import type { EmpError, EmpMessage, EmpSubscription } from 'lightning/empApi';

interface MockSubscription {
  id: string;
  channel: string;
  replayId: number;
  callback: (message: EmpMessage<unknown>) => void;
  active: boolean;
}

let subscriptions: MockSubscription[] = [];
const errorListeners: ((error: EmpError) => void)[] = [];
let enabled = true;
let failingSubscribes = 0;
let lastReplayId = 100;
let nextSubscriptionId = 0;

export const subscribe = jest.fn(
  (channel: string, replayId: number, callback: (message: EmpMessage<unknown>) => void): Promise<EmpSubscription> => {
    if (failingSubscribes > 0) {
      failingSubscribes -= 1;
      return Promise.reject(new Error(`subscribe to ${channel} refused`));
    }
    nextSubscriptionId += 1;
    const subscription = { id: `subscription-${nextSubscriptionId}`, channel, replayId, callback, active: true };
    subscriptions.push(subscription);
    return Promise.resolve({ id: subscription.id, channel, replayId });
  },
);

export const unsubscribe = jest.fn((subscription: EmpSubscription, callback?: (response: unknown) => void) => {
  const found = subscriptions.find((candidate) => candidate.id === subscription.id && candidate.active);
  if (found) found.active = false;
  callback?.({ successful: Boolean(found) });
  return Promise.resolve(Boolean(found));
});

/** Listeners stay registered for the whole test file, as the module that registers them does. */
export const onError = jest.fn((callback: (error: EmpError) => void) => {
  errorListeners.push(callback);
});

export const setDebugFlag = jest.fn(() => Promise.resolve(true));

export const isEmpEnabled = jest.fn(() => Promise.resolve(enabled));

/**
 * Delivers one event to every active subscription of the channel, as empApi would.
 * @returns the replay id used (the next in sequence unless given)
 */
export function publish(channel: string, payload: object, replayId?: number): number {
  const id = replayId ?? (lastReplayId += 1);
  lastReplayId = Math.max(lastReplayId, id);
  const message: EmpMessage<unknown> = { channel, data: { event: { replayId: id }, payload } };
  for (const subscription of subscriptions.filter((candidate) => candidate.active && candidate.channel === channel)) {
    subscription.callback(message);
  }
  return id;
}

/** What the server reports when a subscription or the connection fails; the subscriptions stop delivering. */
export function raiseError(
  error: EmpError = { channel: '/meta/connect', error: '403::Unknown client', successful: false },
): void {
  for (const subscription of subscriptions) {
    if (!error.subscription || subscription.channel === error.subscription) subscription.active = false;
  }
  for (const listener of [...errorListeners]) listener(error);
}

export function setEmpEnabled(value: boolean): void {
  enabled = value;
}

/** The next `count` calls to subscribe reject. */
export function failNextSubscribes(count: number): void {
  failingSubscribes = count;
}

export function activeSubscriptions(channel: string): number {
  return subscriptions.filter((subscription) => subscription.active && subscription.channel === channel).length;
}

/** Back to a fresh, enabled empApi between tests (error listeners excepted: see onError). */
export function resetEmpApi(): void {
  subscriptions = [];
  enabled = true;
  failingSubscribes = 0;
  lastReplayId = 100;
  subscribe.mockClear();
  unsubscribe.mockClear();
  isEmpEnabled.mockClear();
}
