import { openStream as open, recordKey } from 'c/eventStream';
import type { ConnectionState, StreamHandle, StreamMessage } from 'c/eventStream';
import * as empApi from '../../test-support/empApi';
import { settle } from '../../test-support/wire';
import type { OrderStatusUpdatePayload } from '../../generated/platformEvents';

const CHANNEL = '/event/Order_Status_Update__e';
const OTHER_CHANNEL = '/event/Integration_Alert__e';

function recorder() {
  const messages: StreamMessage<OrderStatusUpdatePayload>[] = [];
  const states: ConnectionState[] = [];
  return {
    messages,
    states,
    listener: {
      onMessage: (message: StreamMessage<OrderStatusUpdatePayload>) => messages.push(message),
      onStateChange: (state: ConnectionState) => states.push(state),
    },
  };
}

const payload = { Order_Id__c: '8015g00000AbCdEAAV', Status__c: 'Packed' };

/** Streams opened by a test, closed after it even when an assertion fails, so no state leaks into the next. */
let handles: StreamHandle[] = [];
const openStream: typeof open = (channel, listener) => {
  const handle = open(channel, listener);
  handles.push(handle);
  return handle;
};

describe('c/eventStream', () => {
  afterEach(() => {
    handles.forEach((handle) => handle.close());
    handles = [];
    empApi.resetEmpApi();
    jest.useRealTimers();
  });

  it('gives every listener of a channel the same message from one subscription', async () => {
    const first = recorder();
    const second = recorder();
    openStream(CHANNEL, first.listener);
    openStream(CHANNEL, second.listener);
    await settle();

    empApi.publish(CHANNEL, payload, 700);

    expect(empApi.subscribe).toHaveBeenCalledTimes(1);
    expect(first.messages).toEqual([{ replayId: 700, payload }]);
    expect(second.messages).toEqual([{ replayId: 700, payload }]);
  });

  it('drops a message whose replay id it has already delivered', async () => {
    const listener = recorder();
    openStream(CHANNEL, listener.listener);
    await settle();

    empApi.publish(CHANNEL, payload, 700);
    empApi.publish(CHANNEL, payload, 700);

    expect(listener.messages).toHaveLength(1);
  });

  it('re-subscribes only the channel a subscription error names', async () => {
    jest.useFakeTimers();
    openStream(CHANNEL, recorder().listener);
    openStream(OTHER_CHANNEL, { onMessage: () => undefined });
    await jest.advanceTimersByTimeAsync(0);

    empApi.raiseError({ subscription: OTHER_CHANNEL, error: '400::The replayId is unknown', successful: false });
    await jest.advanceTimersByTimeAsync(30000);

    expect(empApi.subscribe.mock.calls.map(([channel]) => channel)).toEqual([CHANNEL, OTHER_CHANNEL, OTHER_CHANNEL]);
  });

  it('reports reconnecting, then live again, across an error', async () => {
    jest.useFakeTimers();
    const listener = recorder();
    openStream(CHANNEL, listener.listener);
    await jest.advanceTimersByTimeAsync(0);

    empApi.raiseError();
    await jest.advanceTimersByTimeAsync(30000);

    expect(listener.states).toEqual(['connecting', 'live', 'reconnecting', 'live']);
  });

  it('waits longer after each failed re-subscription and gives up as unavailable', async () => {
    jest.useFakeTimers();
    const listener = recorder();
    openStream(CHANNEL, listener.listener);
    await jest.advanceTimersByTimeAsync(0);
    empApi.failNextSubscribes(100);

    empApi.raiseError();
    await jest.advanceTimersByTimeAsync(10 * 60 * 1000);

    // The first subscription and eight refused attempts; then no more.
    expect(empApi.subscribe).toHaveBeenCalledTimes(9);
    expect(listener.states[listener.states.length - 1]).toBe('unavailable');
  });

  it('keeps one subscription when an error arrives while subscribing', async () => {
    jest.useFakeTimers();
    openStream(CHANNEL, recorder().listener);

    empApi.raiseError();
    await jest.advanceTimersByTimeAsync(30000);

    expect(empApi.activeSubscriptions(CHANNEL)).toBe(1);
  });

  it('drops a subscription that resolves after an error started a new attempt', async () => {
    jest.useFakeTimers();
    openStream(CHANNEL, recorder().listener);
    // One microtask turn: isEmpEnabled has resolved and subscribe was called, its result not yet handled.
    await Promise.resolve();
    expect(empApi.subscribe).toHaveBeenCalledTimes(1);

    empApi.raiseError({ subscription: CHANNEL, error: '503::Service unavailable', successful: false });
    await jest.advanceTimersByTimeAsync(30000);

    const first = await (empApi.subscribe.mock.results[0].value as Promise<{ id: string }>);
    expect(empApi.unsubscribe.mock.calls.map(([subscription]) => subscription.id)).toContain(first.id);
  });

  it('after an error before the first event, delivers every event published since it subscribed, once', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-12T10:00:00.000Z') });
    // Retained on the bus from before the page opened: not for this listener.
    empApi.publish(CHANNEL, { ...payload, CreatedDate: '2026-03-12T09:00:00.000Z' });
    const listener = recorder();
    openStream(CHANNEL, listener.listener);
    await jest.advanceTimersByTimeAsync(1000);

    empApi.raiseError();
    const published = Array.from({ length: 8 }, (_, i) =>
      empApi.publish(CHANNEL, { ...payload, CreatedDate: new Date(Date.now() + i).toISOString() }),
    );
    await jest.advanceTimersByTimeAsync(30000);
    // A second error once events arrived resumes from the last of them, replaying nothing twice.
    empApi.raiseError();
    await jest.advanceTimersByTimeAsync(30000);

    expect(listener.messages.map((message) => message.replayId)).toEqual(published);
    expect(listener.states).toEqual(['connecting', 'live', 'reconnecting', 'live', 'reconnecting', 'live']);
  });

  it('keeps the events at the subscription point of a replay, whatever their publish time says after it', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-12T10:00:00.000Z') });
    const listener = recorder();
    openStream(CHANNEL, listener.listener);
    await jest.advanceTimersByTimeAsync(1000);

    empApi.raiseError();
    const inWindow = empApi.publish(CHANNEL, { ...payload, CreatedDate: '2026-03-12T10:00:02.000Z' });
    // The publisher's clock says earlier, but the event is after the subscription point in replay order.
    const later = empApi.publish(CHANNEL, { ...payload, CreatedDate: '2026-03-12T08:00:00.000Z' });
    await jest.advanceTimersByTimeAsync(30000);

    expect(listener.messages.map((message) => message.replayId)).toEqual([inWindow, later]);
  });

  it('unsubscribes a subscription that arrives after the last listener left', async () => {
    const handle = openStream(CHANNEL, recorder().listener);
    handle.close();
    await settle();

    expect(empApi.activeSubscriptions(CHANNEL)).toBe(0);
  });
});

describe('recordKey', () => {
  it('keys a 15- and an 18-character id of one record alike, and nothing else at all', () => {
    expect(recordKey('8015g00000AbCdE')).toBe('8015g00000AbCdE');
    expect(recordKey('8015g00000AbCdEAAV')).toBe('8015g00000AbCdE');
    expect(recordKey('8015g00000AbCdF')).not.toBe(recordKey('8015g00000AbCdEAAV'));
    for (const other of ['', '8015g00000AbCd', '8015g00000AbCdEAA', undefined, null, 8015]) {
      expect(recordKey(other)).toBeUndefined();
    }
  });
});
