import { createElement } from 'lwc';
import LiveRecordFeed, { parseConfig } from 'c/liveRecordFeed';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import * as empApi from '../../test-support/empApi';
import { settle } from '../../test-support/wire';

// Any declared channel will do: the component reads whatever fields its attributes name.
const CHANNEL = '/event/Order_Confirmed__e';
const RECORD_ID = 'a015g00000AbCdEAAV';
const OTHER_ID = 'a015g00000ZzZzZAAV';

const FIELDS = [
  { name: 'Order_Number__c', label: 'Order number', kind: 'text' },
  { name: 'Total_Amount__c', label: 'Total', kind: 'number' },
  { name: 'Confirmed_At__c', label: 'Confirmed', kind: 'dateTime' },
];

type FeedElement = HTMLElement & {
  recordId: string;
  channel: string;
  recordIdField: string;
  fields: string;
  statusField?: string;
  cardTitle?: string;
};

function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Order_Id__c: RECORD_ID,
    Order_Number__c: '00001042',
    Total_Amount__c: 1234.5,
    Confirmed_At__c: '2026-03-12T10:00:00.000Z',
    Currency__c: 'EUR',
    CreatedDate: '2026-03-12T10:00:01.000Z',
    CreatedById: '0055g00000XyZaBAAV',
    ...overrides,
  };
}

function createFeed(attributes: Partial<FeedElement> = {}): FeedElement {
  const element = createElement('c-live-record-feed', { is: LiveRecordFeed }) as FeedElement;
  Object.assign(element, {
    recordId: RECORD_ID,
    channel: CHANNEL,
    recordIdField: 'Order_Id__c',
    fields: JSON.stringify(FIELDS),
    statusField: 'Currency__c',
    cardTitle: 'Confirmations',
    ...attributes,
  });
  document.body.appendChild(element);
  return element;
}

function shown(element: HTMLElement, dataId: string): Element | null {
  return element.shadowRoot!.querySelector(`[data-id="${dataId}"]`);
}

function rows(element: HTMLElement): HTMLLIElement[] {
  return Array.from(element.shadowRoot!.querySelectorAll('[data-id="history"] li'));
}

/** Field label -> shown value of a row. */
function values(row: Element): Record<string, string> {
  return Object.fromEntries(
    Array.from(row.querySelectorAll('dl > div'), (pair) => [
      pair.querySelector('dt')!.textContent!.trim(),
      pair.querySelector('dd')!.textContent!.trim(),
    ]),
  );
}

describe('c-live-record-feed', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    empApi.resetEmpApi();
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('subscribes to the configured channel for new events only and says it is live', async () => {
    const element = createFeed();
    await settle();

    expect(empApi.subscribe).toHaveBeenCalledWith(CHANNEL, -1, expect.any(Function));
    expect((shown(element, 'connection') as HTMLElement & { label: string }).label).toBe('Live');
  });

  it('shows the configured fields of an event for the record, with their labels, formatted', async () => {
    const element = createFeed();
    await settle();

    empApi.publish(CHANNEL, event());
    await settle();

    expect(rows(element)).toHaveLength(1);
    // sfdx-lwc-jest sets the user's locale to en-US and time zone to America/Los_Angeles (UTC-7 in March 2026).
    expect(values(rows(element)[0])).toEqual({
      'Order number': '00001042',
      Total: '1,234.5',
      Confirmed: 'Mar 12, 03:00:00 AM',
    });
    expect(rows(element)[0].querySelector('time')!.getAttribute('datetime')).toBe('2026-03-12T10:00:01.000Z');
    expect(shown(element, 'status')!.textContent).toBe('EUR');
  });

  it('leaves out a field the event has no value for', async () => {
    const element = createFeed();
    await settle();

    empApi.publish(CHANNEL, event({ Total_Amount__c: null }));
    await settle();

    expect(Object.keys(values(rows(element)[0]))).toEqual(['Order number', 'Confirmed']);
  });

  it('ignores an event for another record, and matches the 15-character form of the id', async () => {
    const element = createFeed();
    await settle();

    empApi.publish(CHANNEL, event({ Order_Id__c: OTHER_ID }));
    await settle();
    expect(rows(element)).toHaveLength(0);
    expect(shown(element, 'status')!.textContent).toBe('Not received yet');

    empApi.publish(CHANNEL, event({ Order_Id__c: RECORD_ID.slice(0, 15) }));
    await settle();
    expect(rows(element)).toHaveLength(1);
  });

  it('keeps a bounded history over several renders, newest first', async () => {
    jest.useFakeTimers();
    const element = createFeed();
    await jest.advanceTimersByTimeAsync(100);

    for (let i = 1; i <= 30; i++) {
      empApi.publish(CHANNEL, event({ Order_Number__c: `N-${i}` }));
      if (i % 10 === 0) await jest.advanceTimersByTimeAsync(200);
    }

    const numbers = rows(element).map((row) => values(row)['Order number']);
    expect(numbers).toHaveLength(25);
    expect(numbers[0]).toBe('N-30');
    expect(numbers[24]).toBe('N-6');
  });

  it('coalesces a burst of 2,000 events: few renders, one announcement each, LDS told at most twice', async () => {
    jest.useFakeTimers();
    const element = createFeed();
    await jest.advanceTimersByTimeAsync(100);
    const renders: string[] = [];
    const observer = new MutationObserver(() => renders.push(shown(element, 'announcement')!.textContent ?? ''));
    observer.observe(element.shadowRoot as unknown as Node, { subtree: true, childList: true, characterData: true });

    for (let frame = 0; frame < 20; frame++) {
      for (let i = 0; i < 100; i++) empApi.publish(CHANNEL, event({ Order_Number__c: `F${frame}-${i}` }));
      await jest.advanceTimersByTimeAsync(16);
    }
    await jest.advanceTimersByTimeAsync(60000);
    observer.disconnect();

    expect(new Set(renders).size).toBeLessThanOrEqual(5);
    expect(rows(element)).toHaveLength(25);
    expect(values(rows(element)[0])['Order number']).toBe('F19-99');
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledTimes(2);
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: RECORD_ID }]);
  });

  it('announces a new status, and otherwise the number of new events, in a polite live region', async () => {
    jest.useFakeTimers();
    const element = createFeed();
    await jest.advanceTimersByTimeAsync(100);

    empApi.publish(CHANNEL, event({ Currency__c: 'USD' }));
    await jest.advanceTimersByTimeAsync(200);
    const region = shown(element, 'announcement')!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent!.trim()).toBe('Confirmations: status changed to USD');

    empApi.publish(CHANNEL, event({ Currency__c: 'USD' }));
    empApi.publish(CHANNEL, event({ Currency__c: 'USD' }));
    await jest.advanceTimersByTimeAsync(200);
    expect(region.textContent!.trim()).toBe('Confirmations: 2 new events');
  });

  it('after an error re-subscribes from the last replay id it saw, without duplicate rows', async () => {
    jest.useFakeTimers();
    const element = createFeed();
    await jest.advanceTimersByTimeAsync(0);
    empApi.publish(CHANNEL, event({ Order_Number__c: 'A' }), 501);
    empApi.publish(CHANNEL, event({ Order_Number__c: 'B' }), 502);
    await jest.advanceTimersByTimeAsync(100);

    empApi.raiseError();
    expect((shown(element, 'connection') as HTMLElement & { label: string }).label).toBe('Live');
    await jest.advanceTimersByTimeAsync(30000);
    // The server replays from 502 on: a repeat of 502, then what was missed.
    empApi.publish(CHANNEL, event({ Order_Number__c: 'B' }), 502);
    empApi.publish(CHANNEL, event({ Order_Number__c: 'C' }), 503);
    await jest.advanceTimersByTimeAsync(200);

    expect(empApi.subscribe).toHaveBeenLastCalledWith(CHANNEL, 502, expect.any(Function));
    expect(rows(element).map((row) => values(row)['Order number'])).toEqual(['C', 'B', 'A']);
  });

  it('has no status line when no status field is configured', async () => {
    const element = createFeed({ statusField: undefined });
    await settle();

    expect(shown(element, 'status')).toBeNull();
  });

  it('says what is wrong with its attributes instead of subscribing', async () => {
    const element = createFeed({ fields: 'Status__c' });
    await settle();

    expect(shown(element, 'config-error')!.textContent).toContain('fields is not a JSON list');
    expect(empApi.subscribe).not.toHaveBeenCalled();
  });

  it('shows that live updates are unavailable when empApi is off', async () => {
    empApi.setEmpEnabled(false);
    const element = createFeed();
    await settle();

    expect(shown(element, 'unavailable')).not.toBeNull();
  });

  it('unsubscribes when removed from the page', async () => {
    const element = createFeed();
    await settle();

    document.body.removeChild(element);
    await settle();

    expect(empApi.activeSubscriptions(CHANNEL)).toBe(0);
  });

  it('is accessible with a history, its list reachable from the keyboard', async () => {
    const element = createFeed();
    await settle();
    empApi.publish(CHANNEL, event());
    await settle();

    expect(shown(element, 'history')!.getAttribute('tabindex')).toBe('0');
    expect(shown(element, 'history')!.getAttribute('aria-label')).toBe('Recent events: Confirmations');
    await expect(element).toBeAccessible();
  });
});

describe('parseConfig', () => {
  it('refuses a channel that is not a Platform Event', () => {
    expect(parseConfig({ channel: '/data/AccountChangeEvent', recordIdField: 'Id__c', fields: '[]' })).toMatch(
      /channel/,
    );
  });

  it('refuses a field of an unknown kind', () => {
    const fields = JSON.stringify([{ name: 'A__c', label: 'A', kind: 'picture' }]);
    expect(parseConfig({ channel: CHANNEL, recordIdField: 'Order_Id__c', fields })).toMatch(/fields/);
  });
});
