/**
 * Live fulfilment status of one Order. The stored status comes from Lightning Data Service; status
 * changes pushed by the ERP/WMS arrive on `Order_Status_Update__e` through the page's shared
 * stream. A burst (a warehouse replaying a day of scans) is buffered and applied once per
 * animation frame: one render and one announcement per frame, at most two LDS notifications per
 * burst, and a bounded history whose rows are patched in place, instead of one of each per event.
 *
 * Both sources can arrive late (LDS answers after the first events, an event replayed after a
 * reconnect is older than the stored status), so each is ordered by its change time: the event's
 * `Changed_At__c`, the record's `Fulfilment_Status_Changed_At__c` (the same value: the inbound
 * operation stores the event's change time on the Order). The newer one is the current status.
 */
import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import type { RecordRepresentation, WireResult } from 'lightning/uiRecordApi';
import FULFILMENT_STATUS_FIELD from '@salesforce/schema/Order.Fulfilment_Status__c';
import STATUS_CHANGED_AT_FIELD from '@salesforce/schema/Order.Fulfilment_Status_Changed_At__c';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { burstNotifier, nextFrame, openStream } from 'c/eventStream';
import type { BurstNotifier, ConnectionState, StreamHandle, StreamMessage } from 'c/eventStream';
import type { OrderStatusUpdatePayload } from '../generated/platformEvents';

/**
 * Entries kept on screen: what fits a record-page sidebar. Older changes are dropped in the
 * browser, so memory and render cost do not grow with the burst.
 */
const HISTORY_LIMIT = 25;
/** A burst is over when no event came for this long; then LDS hears about it once more. */
const BURST_QUIET_MS = 1000;
/** An unbroken stream still refreshes the rest of the page this often. */
const BURST_MAX_WAIT_MS = 10000;

/** An event for this record, waiting for the next frame. */
interface Received {
  replayId: number;
  /** Milliseconds since the epoch; ties are broken by replay order. */
  at: number;
  event: OrderStatusUpdatePayload;
}

interface Change extends Received {
  /** What a row shows, formatted once: a change stays on screen for many frames. */
  entry: Omit<TimelineEntry, 'key'>;
}

interface TimelineEntry {
  /**
   * The row's position. Keyed by position, a frame that brings new entries patches the text of the
   * rows already on screen; keyed by event, a frame with 25 new events would replace all 25 rows.
   */
  key: string;
  status: string;
  label: string;
  detail: string;
  /** ISO 8601, for the `datetime` attribute. */
  changedAt: string;
  /** In the user's locale and time zone. */
  time: string;
}

/** Times in the user's Salesforce locale and time zone, not the browser's. */
const TIME_FORMAT = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const CONNECTION_LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting',
  live: 'Live',
  reconnecting: 'Reconnecting',
  unavailable: 'Live updates unavailable',
};

const CONNECTION_THEMES: Record<ConnectionState, string> = {
  connecting: 'slds-badge_lightest',
  live: 'slds-theme_success',
  reconnecting: 'slds-theme_warning',
  unavailable: 'slds-theme_error',
};

/**
 * Salesforce ids come as 15 case-sensitive characters or 18 with a case-checksum suffix; the first
 * 15 identify the record either way.
 * https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/soap_field_types.htm (ID field type)
 */
function sameRecordId(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b || (a.length !== 15 && a.length !== 18) || (b.length !== 15 && b.length !== 18)) return false;
  return a.slice(0, 15) === b.slice(0, 15);
}

/** Picklist API names use underscores (`On_Hold`); people read spaces. */
function toLabel(status: string): string {
  return status.replace(/_/g, ' ');
}

/** A missing or unreadable time sorts first: a status of unknown age never hides a dated one. */
function toTime(value: unknown): number {
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? -Infinity : time;
}

function toReceived(message: StreamMessage<OrderStatusUpdatePayload>): Received {
  const event = message.payload;
  return { replayId: message.replayId, at: toTime(event.Changed_At__c ?? event.CreatedDate), event };
}

function toChange(received: Received): Change {
  const event = received.event;
  const changedAt = event.Changed_At__c ?? event.CreatedDate;
  return {
    ...received,
    entry: {
      status: event.Status__c,
      label: toLabel(event.Status__c),
      detail: [event.Message__c, event.Source_System__c].filter((part) => part).join(' · '),
      changedAt,
      time: TIME_FORMAT.format(new Date(changedAt)),
    },
  };
}

/** Newest first. */
function byChangeTime(a: Received, b: Received): number {
  return b.at - a.at || b.replayId - a.replayId;
}

/** The HISTORY_LIMIT newest by change time: a replayed event can be older than one that came before it. */
function newest<T extends Received>(items: T[]): T[] {
  return items.sort(byChangeTime).slice(0, HISTORY_LIMIT);
}

function toEntry(change: Change, position: number): TimelineEntry {
  return { key: `row-${position}`, ...change.entry };
}

export default class OrderStatusTracker extends LightningElement {
  @api recordId?: string;

  status = '';
  timeline: TimelineEntry[] = [];
  connection: ConnectionState = 'connecting';
  announcement = '';

  private stream: StreamHandle | undefined;
  /** Messages for this record since the last frame; only the newest HISTORY_LIMIT can be shown. */
  private pending: Received[] = [];
  private flushQueued = false;
  /** The shown changes, newest first, at most HISTORY_LIMIT. */
  private changes: Change[] = [];
  /** Change time of `status`, from whichever source set it. */
  private statusChangedAt = -Infinity;
  private notifier: BurstNotifier | undefined;

  @wire(getRecord, { recordId: '$recordId', fields: [FULFILMENT_STATUS_FIELD, STATUS_CHANGED_AT_FIELD] })
  wiredOrder({ data }: WireResult<RecordRepresentation>): void {
    if (!data) return;
    const stored = getFieldValue(data, FULFILMENT_STATUS_FIELD);
    const changedAt = toTime(getFieldValue(data, STATUS_CHANGED_AT_FIELD));
    // A tie is one change seen through both sources; the stored record is the reference.
    if (changedAt >= this.statusChangedAt) {
      this.statusChangedAt = changedAt;
      this.status = typeof stored === 'string' ? stored : '';
    }
  }

  connectedCallback(): void {
    // Other components showing this Order (highlights panel, details) refetch it from LDS.
    this.notifier = burstNotifier(() => this.notifyRecord(), BURST_QUIET_MS, BURST_MAX_WAIT_MS);
    this.stream = openStream('/event/Order_Status_Update__e', {
      onMessage: (message) => this.receive(message),
      onStateChange: (state) => {
        this.connection = state;
      },
    });
  }

  disconnectedCallback(): void {
    this.stream?.close();
    this.stream = undefined;
    this.pending = [];
    this.notifier?.cancel();
    this.notifier = undefined;
  }

  get hasTimeline(): boolean {
    return this.timeline.length > 0;
  }

  get statusLabel(): string {
    return this.status ? toLabel(this.status) : 'Not set';
  }

  get connectionLabel(): string {
    return CONNECTION_LABELS[this.connection];
  }

  get connectionClass(): string {
    return CONNECTION_THEMES[this.connection];
  }

  get isUnavailable(): boolean {
    return this.connection === 'unavailable';
  }

  private receive(message: StreamMessage<OrderStatusUpdatePayload>): void {
    if (!sameRecordId(message.payload.Order_Id__c, this.recordId)) return;
    this.pending.push(toReceived(message));
    // Trimmed in steps, so a burst costs one sort per HISTORY_LIMIT events, not one per event.
    if (this.pending.length >= 2 * HISTORY_LIMIT) this.pending = newest(this.pending);
    if (!this.flushQueued) {
      this.flushQueued = true;
      nextFrame(() => this.flush());
    }
  }

  /** Applies everything buffered since the last frame in one re-render. */
  private flush(): void {
    this.flushQueued = false;
    const batch = this.pending;
    this.pending = [];
    // Removed from the page before the frame: nothing to show.
    if (batch.length === 0 || !this.recordId || !this.stream) return;

    const incoming = newest(batch).map(toChange);
    this.changes = newest([...incoming, ...this.changes]);
    this.timeline = this.changes.map(toEntry);
    const latest = incoming[0];
    if (latest.at >= this.statusChangedAt) {
      this.statusChangedAt = latest.at;
      if (latest.event.Status__c !== this.status) {
        this.status = latest.event.Status__c;
        this.announcement = `Fulfilment status changed to ${this.statusLabel}`;
      }
    }
    this.notifier?.changed();
  }

  private notifyRecord(): void {
    if (!this.recordId) return;
    notifyRecordUpdateAvailable([{ recordId: this.recordId }]).catch(() => {
      // The record is refetched on the next navigation anyway; the live view is already current.
    });
  }
}
