/**
 * A fake of the shared CometD client behind `lightning/empApi`, used by the Jest mock (./empApi.ts)
 * and by the browser tests' stand-in (test/browser/platform/empApi.ts), so both run the components
 * against one model of the server. Like the event bus it retains every published event per channel
 * and replays on subscribe: replay id -1 delivers new events only, -2 every retained event, a
 * replay id the events after it. Replayed events arrive in a task after `subscribe` resolves, as
 * the server sends them after acknowledging the subscription.
 * https://developer.salesforce.com/docs/platform/lightning-component-reference/guide/lightning-emp-api.html
 * https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_subscribe_lc.htm
 */
import type { EmpError, EmpMessage, EmpSubscription } from 'lightning/empApi';

interface FakeSubscription {
  id: string;
  channel: string;
  replayId: number;
  callback: (message: EmpMessage<unknown>) => void;
  active: boolean;
}

interface Retained {
  replayId: number;
  message: EmpMessage<unknown>;
}

export const NEW_EVENTS_ONLY = -1;
export const ALL_RETAINED_EVENTS = -2;

export function createFakeEmpApi() {
  let subscriptions: FakeSubscription[] = [];
  let retained = new Map<string, Retained[]>();
  const errorListeners: ((error: EmpError) => void)[] = [];
  let enabled = true;
  let failingSubscribes = 0;
  let lastReplayId = 100;
  let nextSubscriptionId = 0;

  function retainedAfter(channel: string, replayId: number): Retained[] {
    if (replayId === NEW_EVENTS_ONLY) return [];
    const events = retained.get(channel) ?? [];
    return replayId === ALL_RETAINED_EVENTS ? [...events] : events.filter((event) => event.replayId > replayId);
  }

  function replay(subscription: FakeSubscription): void {
    for (const event of retainedAfter(subscription.channel, subscription.replayId)) {
      if (!subscription.active) return;
      subscription.callback(event.message);
    }
  }

  return {
    subscribe(
      channel: string,
      replayId: number,
      callback: (message: EmpMessage<unknown>) => void,
    ): Promise<EmpSubscription> {
      if (failingSubscribes > 0) {
        failingSubscribes -= 1;
        return Promise.reject(new Error(`subscribe to ${channel} refused`));
      }
      nextSubscriptionId += 1;
      const subscription = { id: `subscription-${nextSubscriptionId}`, channel, replayId, callback, active: true };
      subscriptions.push(subscription);
      setTimeout(() => replay(subscription), 0);
      return Promise.resolve({ id: subscription.id, channel, replayId });
    },

    unsubscribe(subscription: EmpSubscription, callback?: (response: unknown) => void): Promise<boolean> {
      const found = subscriptions.find((candidate) => candidate.id === subscription.id && candidate.active);
      if (found) found.active = false;
      callback?.({ successful: Boolean(found) });
      return Promise.resolve(Boolean(found));
    },

    onError(callback: (error: EmpError) => void): void {
      errorListeners.push(callback);
    },

    isEmpEnabled(): Promise<boolean> {
      return Promise.resolve(enabled);
    },

    /**
     * Publishes one event: the bus retains it and delivers it to every active subscription of the
     * channel. During an outage (no active subscription) it is only retained, for a later replay.
     * @returns the replay id used (the next in sequence unless given)
     */
    publish(channel: string, payload: object, replayId?: number): number {
      const id = replayId ?? (lastReplayId += 1);
      lastReplayId = Math.max(lastReplayId, id);
      const message: EmpMessage<unknown> = { channel, data: { event: { replayId: id }, payload } };
      const events = retained.get(channel) ?? [];
      events.push({ replayId: id, message });
      retained.set(channel, events);
      for (const subscription of subscriptions.filter(
        (candidate) => candidate.active && candidate.channel === channel,
      )) {
        subscription.callback(message);
      }
      return id;
    },

    /** What the server reports when a subscription or the connection fails; the subscriptions stop delivering. */
    raiseError(error: EmpError = { channel: '/meta/connect', error: '403::Unknown client', successful: false }): void {
      for (const subscription of subscriptions) {
        if (!error.subscription || subscription.channel === error.subscription) subscription.active = false;
      }
      for (const listener of [...errorListeners]) listener(error);
    },

    setEmpEnabled(value: boolean): void {
      enabled = value;
    },

    /** The next `count` calls to subscribe reject. */
    failNextSubscribes(count: number): void {
      failingSubscribes = count;
    },

    activeSubscriptions(channel: string): number {
      return subscriptions.filter((subscription) => subscription.active && subscription.channel === channel).length;
    },

    /** Back to a fresh, enabled bus with nothing retained (error listeners stay, as the module that registers them does). */
    reset(): void {
      subscriptions = [];
      retained = new Map();
      enabled = true;
      failingSubscribes = 0;
      lastReplayId = 100;
    },
  };
}

export type FakeEmpApi = ReturnType<typeof createFakeEmpApi>;
