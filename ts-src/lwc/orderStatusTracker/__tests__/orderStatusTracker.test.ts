import { createElement } from 'lwc';
import OrderStatusTracker from 'c/orderStatusTracker';
import { getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import * as empApi from '../../test-support/empApi';
import { settle, testAdapter } from '../../test-support/wire';
import type { OrderStatusUpdatePayload } from '../../generated/platformEvents';

const CHANNEL = '/event/Order_Status_Update__e';
const ORDER_ID = '8015g00000AbCdEAAV';

function statusUpdate(status: string, overrides: Partial<OrderStatusUpdatePayload> = {}): OrderStatusUpdatePayload {
  return {
    Order_Id__c: ORDER_ID,
    Status__c: status,
    Source_System__c: 'WMS',
    Changed_At__c: '2026-03-12T10:00:00.000Z',
    CreatedDate: '2026-03-12T10:00:01.000Z',
    CreatedById: '0055g00000XyZaBAAV',
    ...overrides,
  };
}

/** Order record data as Lightning Data Service emits it. */
function orderRecord(status: string, changedAt: string | null) {
  return {
    id: ORDER_ID,
    apiName: 'Order',
    fields: {
      Fulfilment_Status__c: { value: status, displayValue: status },
      Fulfilment_Status_Changed_At__c: { value: changedAt, displayValue: changedAt },
    },
  };
}

function createTracker(recordId = ORDER_ID): HTMLElement & { recordId: string } {
  const element = createElement('c-order-status-tracker', { is: OrderStatusTracker }) as HTMLElement & {
    recordId: string;
  };
  element.recordId = recordId;
  document.body.appendChild(element);
  return element;
}

function shown(element: HTMLElement, dataId: string): Element | null {
  return element.shadowRoot!.querySelector(`[data-id="${dataId}"]`);
}

function timelineEntries(element: HTMLElement): NodeListOf<HTMLLIElement> {
  return element.shadowRoot!.querySelectorAll('[data-id="timeline"] li');
}

/** Statuses of the timeline, newest first. */
function timelineStatuses(element: HTMLElement): string[] {
  return Array.from(timelineEntries(element), (entry) => entry.querySelector('.slds-badge')!.textContent ?? '');
}

describe('c-order-status-tracker', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    empApi.resetEmpApi();
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('subscribes to the status channel for new events only', async () => {
    createTracker();
    await settle();

    expect(empApi.subscribe).toHaveBeenCalledTimes(1);
    expect(empApi.subscribe).toHaveBeenCalledWith(CHANNEL, -1, expect.any(Function));
  });

  it('says it is live once subscribed', async () => {
    const element = createTracker();
    await settle();

    expect((shown(element, 'connection') as HTMLElement & { label: string }).label).toBe('Live');
  });

  it('shows the status stored on the record', async () => {
    const element = createTracker();
    testAdapter(getRecord).emit({
      id: ORDER_ID,
      apiName: 'Order',
      fields: { Fulfilment_Status__c: { value: 'On_Hold', displayValue: 'On Hold' } },
    });
    await settle();

    expect(shown(element, 'status')!.textContent).toBe('On Hold');
  });

  it('ignores an event for another order', async () => {
    const element = createTracker();
    await settle();

    empApi.publish(CHANNEL, statusUpdate('Shipped', { Order_Id__c: '8015g00000ZzZzZAAV' }));
    await settle();

    expect(shown(element, 'status')!.textContent).toBe('Not set');
    expect(timelineEntries(element)).toHaveLength(0);
  });

  it('shows an event for this order, matching its 15-character id', async () => {
    const element = createTracker();
    await settle();

    empApi.publish(CHANNEL, statusUpdate('Shipped', { Order_Id__c: ORDER_ID.slice(0, 15) }));
    await settle();

    expect(shown(element, 'status')!.textContent).toBe('Shipped');
    expect(timelineEntries(element)).toHaveLength(1);
  });

  it('renders a burst of 2,000 events as a bounded history ending on the latest status', async () => {
    const element = createTracker();
    await settle();

    const statuses = ['Received', 'Picking', 'Packed', 'Shipped'];
    for (let i = 0; i < 2000; i++) empApi.publish(CHANNEL, statusUpdate(statuses[i % statuses.length]));
    empApi.publish(CHANNEL, statusUpdate('Delivered'));
    await settle();

    const statusesShown = timelineStatuses(element);
    expect(statusesShown).toHaveLength(25);
    expect(statusesShown[0]).toBe('Delivered');
    expect(shown(element, 'status')!.textContent).toBe('Delivered');
  });

  it('tells Lightning Data Service about the change once per burst', async () => {
    createTracker();
    await settle();

    for (let i = 0; i < 2000; i++) empApi.publish(CHANNEL, statusUpdate('Picking'));
    await settle();

    expect(notifyRecordUpdateAvailable).toHaveBeenCalledTimes(1);
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: ORDER_ID }]);
  });

  it('renders deliveries that arrive within one animation frame once', async () => {
    jest.useFakeTimers();
    const element = createTracker();
    await jest.advanceTimersByTimeAsync(100);

    empApi.publish(CHANNEL, statusUpdate('Picking'));
    await jest.advanceTimersByTimeAsync(1);
    empApi.publish(CHANNEL, statusUpdate('Packed'));
    await jest.advanceTimersByTimeAsync(16);

    expect(notifyRecordUpdateAvailable).toHaveBeenCalledTimes(1);
    expect(timelineStatuses(element)).toEqual(['Packed', 'Picking']);
  });

  it("shows when each change happened in the user's locale and time zone", async () => {
    const element = createTracker();
    await settle();

    empApi.publish(CHANNEL, statusUpdate('Packed', { Changed_At__c: '2026-03-12T10:00:00.000Z' }));
    await settle();

    // sfdx-lwc-jest sets the user's locale to en-US and time zone to America/Los_Angeles (UTC-7 in March 2026).
    const time = timelineEntries(element)[0].querySelector('time')!;
    expect(time.textContent).toBe('Mar 12, 03:00:00 AM');
    expect(time.getAttribute('datetime')).toBe('2026-03-12T10:00:00.000Z');
  });

  it('announces a status change in a polite live region', async () => {
    const element = createTracker();
    await settle();

    empApi.publish(CHANNEL, statusUpdate('On_Hold'));
    await settle();

    const region = shown(element, 'announcement')!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('Fulfilment status changed to On Hold');
  });

  it('after an error re-subscribes from the last replay id it saw, without duplicate entries', async () => {
    jest.useFakeTimers();
    const element = createTracker();
    await jest.advanceTimersByTimeAsync(0);
    empApi.publish(CHANNEL, statusUpdate('Picking'), 501);
    empApi.publish(CHANNEL, statusUpdate('Packed'), 502);

    empApi.raiseError();
    await jest.advanceTimersByTimeAsync(30000);
    // The server replays from 502 on: a repeat of 502, then what was missed.
    empApi.publish(CHANNEL, statusUpdate('Packed'), 502);
    empApi.publish(CHANNEL, statusUpdate('Shipped'), 503);
    await jest.advanceTimersByTimeAsync(100);

    expect(empApi.subscribe).toHaveBeenLastCalledWith(CHANNEL, 502, expect.any(Function));
    expect(timelineStatuses(element)).toEqual(['Shipped', 'Packed', 'Picking']);
  });

  it('keeps a newer live status when older record data arrives after it', async () => {
    const element = createTracker();
    await settle();

    empApi.publish(CHANNEL, statusUpdate('Shipped', { Changed_At__c: '2026-03-12T10:05:00.000Z' }));
    await settle();
    testAdapter(getRecord).emit(orderRecord('Picking', '2026-03-12T10:01:00.000Z'));
    await settle();

    expect(shown(element, 'status')!.textContent).toBe('Shipped');
  });

  it('takes the stored status when the record changed after the last live event', async () => {
    const element = createTracker();
    await settle();

    empApi.publish(CHANNEL, statusUpdate('Shipped', { Changed_At__c: '2026-03-12T10:05:00.000Z' }));
    await settle();
    testAdapter(getRecord).emit(orderRecord('Delivered', '2026-03-12T10:30:00.000Z'));
    await settle();

    expect(shown(element, 'status')!.textContent).toBe('Delivered');
  });

  it('lists an event older than the stored status without showing it as current', async () => {
    const element = createTracker();
    testAdapter(getRecord).emit(orderRecord('Shipped', '2026-03-12T10:05:00.000Z'));
    await settle();

    empApi.publish(CHANNEL, statusUpdate('Picking', { Changed_At__c: '2026-03-12T10:01:00.000Z' }));
    await settle();

    expect(shown(element, 'status')!.textContent).toBe('Shipped');
    expect(timelineStatuses(element)).toEqual(['Picking']);
  });

  it('orders the history by change time, not by arrival', async () => {
    const element = createTracker();
    await settle();

    empApi.publish(CHANNEL, statusUpdate('Packed', { Changed_At__c: '2026-03-12T10:02:00.000Z' }));
    empApi.publish(CHANNEL, statusUpdate('Picking', { Changed_At__c: '2026-03-12T10:01:00.000Z' }));
    await settle();

    expect(timelineStatuses(element)).toEqual(['Packed', 'Picking']);
    expect(shown(element, 'status')!.textContent).toBe('Packed');
  });

  it('keeps the newest change when a frame brings many older ones after it', async () => {
    const element = createTracker();
    await settle();

    empApi.publish(CHANNEL, statusUpdate('Delivered', { Changed_At__c: '2026-03-12T12:00:00.000Z' }));
    for (let i = 0; i < 60; i++) {
      empApi.publish(
        CHANNEL,
        statusUpdate('Picking', { Changed_At__c: new Date(Date.UTC(2026, 2, 12, 10, 0, i)).toISOString() }),
      );
    }
    await settle();

    expect(shown(element, 'status')!.textContent).toBe('Delivered');
    expect(timelineStatuses(element)[0]).toBe('Delivered');
  });

  it('patches the row of a status as its run grows over frames, instead of re-creating rows', async () => {
    jest.useFakeTimers();
    const element = createTracker();
    await jest.advanceTimersByTimeAsync(100);

    for (let i = 0; i < 30; i++) empApi.publish(CHANNEL, statusUpdate('Picking', { Message__c: `Scan ${i}` }));
    await jest.advanceTimersByTimeAsync(150);
    const [picking] = Array.from(timelineEntries(element));
    for (let i = 30; i < 60; i++) empApi.publish(CHANNEL, statusUpdate('Picking', { Message__c: `Scan ${i}` }));
    await jest.advanceTimersByTimeAsync(150);
    const grown = Array.from(timelineEntries(element));
    empApi.publish(CHANNEL, statusUpdate('Packed'));
    await jest.advanceTimersByTimeAsync(150);
    const after = Array.from(timelineEntries(element));

    expect(grown).toEqual([picking]);
    expect(picking.textContent).toContain('60 updates');
    expect(picking.textContent).toContain('Scan 59');
    expect(timelineStatuses(element)).toEqual(['Packed', 'Picking']);
    expect(after[1]).toBe(picking);
  });

  it('renders a burst spread over 20 frames a few times, not in every frame', async () => {
    jest.useFakeTimers();
    const element = createTracker();
    await jest.advanceTimersByTimeAsync(100);
    const renders: string[] = [];
    const observer = new MutationObserver(() => renders.push(shown(element, 'status')!.textContent ?? ''));
    observer.observe(element.shadowRoot as unknown as Node, { subtree: true, childList: true, characterData: true });

    for (let frame = 0; frame < 20; frame++) {
      for (let i = 0; i < 100; i++) empApi.publish(CHANNEL, statusUpdate(frame < 19 ? 'Picking' : 'Packed'));
      await jest.advanceTimersByTimeAsync(16);
    }
    await jest.advanceTimersByTimeAsync(200);
    observer.disconnect();

    // 20 frames of 16 ms at ten renders a second: the first frame, then every 100 ms, then the last.
    expect(renders.length).toBeLessThanOrEqual(5);
    expect(shown(element, 'status')!.textContent).toBe('Packed');
  });

  it('tells Lightning Data Service at most twice about a burst spread over 20 frames', async () => {
    jest.useFakeTimers();
    createTracker();
    await jest.advanceTimersByTimeAsync(100);

    for (let frame = 0; frame < 20; frame++) {
      for (let i = 0; i < 100; i++) empApi.publish(CHANNEL, statusUpdate(frame < 19 ? 'Picking' : 'Packed'));
      await jest.advanceTimersByTimeAsync(16);
    }
    await jest.advanceTimersByTimeAsync(60000);

    expect(notifyRecordUpdateAvailable).toHaveBeenCalledTimes(2);
  });

  it('shows that live updates are unavailable when empApi is off', async () => {
    empApi.setEmpEnabled(false);
    const element = createTracker();
    await settle();

    expect(shown(element, 'unavailable')).not.toBeNull();
    expect(empApi.subscribe).not.toHaveBeenCalled();
  });

  it('unsubscribes when removed from the page', async () => {
    const element = createTracker();
    await settle();

    document.body.removeChild(element);
    await settle();

    expect(empApi.unsubscribe).toHaveBeenCalledTimes(1);
    expect(empApi.activeSubscriptions(CHANNEL)).toBe(0);
  });

  it('shares one subscription between two trackers on the page', async () => {
    const first = createTracker();
    const second = createTracker();
    await settle();

    empApi.publish(CHANNEL, statusUpdate('Packed'));
    await settle();

    expect(empApi.subscribe).toHaveBeenCalledTimes(1);
    expect(shown(first, 'status')!.textContent).toBe('Packed');
    expect(shown(second, 'status')!.textContent).toBe('Packed');
  });

  it('keeps the shared subscription until the last tracker leaves', async () => {
    const first = createTracker();
    const second = createTracker();
    await settle();

    document.body.removeChild(first);
    await settle();
    expect(empApi.unsubscribe).not.toHaveBeenCalled();

    document.body.removeChild(second);
    await settle();
    expect(empApi.unsubscribe).toHaveBeenCalledTimes(1);
  });

  it('is accessible with a timeline', async () => {
    const element = createTracker();
    await settle();
    empApi.publish(CHANNEL, statusUpdate('Shipped', { Message__c: 'Left the warehouse' }));
    await settle();

    await expect(element).toBeAccessible();
  });
});
