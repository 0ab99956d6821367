/**
 * Live fulfilment status of one Order. The stored status comes from Lightning Data Service; status
 * changes pushed by the ERP/WMS arrive on `Order_Status_Update__e` through the page's shared
 * stream. A burst (a warehouse replaying a day of scans) is buffered and applied once per
 * animation frame: one render, one LDS notification and one announcement per frame, and a
 * bounded history, instead of one of each per event.
 */
import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import type { RecordRepresentation, WireResult } from 'lightning/uiRecordApi';
import FULFILMENT_STATUS_FIELD from '@salesforce/schema/Order.Fulfilment_Status__c';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { nextFrame, openStream } from 'c/eventStream';
import type { ConnectionState, StreamHandle, StreamMessage } from 'c/eventStream';
import type { OrderStatusUpdatePayload } from '../generated/platformEvents';

/**
 * Entries kept on screen: what fits a record-page sidebar. Older changes are dropped in the
 * browser, so memory and render cost do not grow with the burst.
 */
const HISTORY_LIMIT = 25;

interface TimelineEntry {
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

function toEntry(message: StreamMessage<OrderStatusUpdatePayload>): TimelineEntry {
  const event = message.payload;
  const changedAt = event.Changed_At__c ?? event.CreatedDate;
  return {
    key: String(message.replayId),
    status: event.Status__c,
    label: toLabel(event.Status__c),
    detail: [event.Message__c, event.Source_System__c].filter((part) => part).join(' · '),
    changedAt,
    time: TIME_FORMAT.format(new Date(changedAt)),
  };
}

export default class OrderStatusTracker extends LightningElement {
  @api recordId?: string;

  status = '';
  timeline: TimelineEntry[] = [];
  connection: ConnectionState = 'connecting';
  announcement = '';

  private stream: StreamHandle | undefined;
  /** Messages for this record since the last frame; only the newest HISTORY_LIMIT can be shown. */
  private pending: StreamMessage<OrderStatusUpdatePayload>[] = [];
  private flushQueued = false;

  @wire(getRecord, { recordId: '$recordId', fields: [FULFILMENT_STATUS_FIELD] })
  wiredOrder({ data }: WireResult<RecordRepresentation>): void {
    if (data) {
      const stored = getFieldValue(data, FULFILMENT_STATUS_FIELD);
      this.status = typeof stored === 'string' ? stored : '';
    }
  }

  connectedCallback(): void {
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
    this.pending.push(message);
    if (this.pending.length > HISTORY_LIMIT) this.pending.splice(0, this.pending.length - HISTORY_LIMIT);
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

    const entries = batch.map(toEntry).reverse();
    const latest = entries[0];
    this.timeline = [...entries, ...this.timeline].slice(0, HISTORY_LIMIT);
    if (latest.status !== this.status) {
      this.status = latest.status;
      this.announcement = `Fulfilment status changed to ${this.statusLabel}`;
    }
    // Other components showing this Order (highlights panel, details) refetch it from LDS.
    notifyRecordUpdateAvailable([{ recordId: this.recordId }]).catch(() => {
      // The record is refetched on the next navigation anyway; the live view is already current.
    });
  }
}
