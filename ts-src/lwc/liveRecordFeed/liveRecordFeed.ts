/**
 * Live events of the record on the page, for any object: the component a `ui-update` operation
 * without a `component` of its own gets. It is configured through its design attributes, which
 * the generated record page sets from the declaration (ts-src/generator/emit/lwc/liveRecord.ts):
 * the channel, the event field holding the record id, the event fields to show (with labels and
 * kinds, as JSON), an optional status field and the card title. The same attributes can be set by
 * hand in Lightning App Builder.
 *
 * Events come through the page's shared stream (c/eventStream: reconnect with backoff from the
 * last replay id, de-duplication). A burst is buffered outside the reactive fields and rendered in
 * an animation frame at most ten times a second, one announcement per render, at most two LDS
 * notifications per burst, and only the newest HISTORY_LIMIT events are kept.
 */
import { LightningElement, api } from 'lwc';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
  burstNotifier,
  CONNECTION_LABELS,
  CONNECTION_THEMES,
  frameScheduler,
  openStream,
  recordKey,
} from 'c/eventStream';
import type { BurstNotifier, ConnectionState, FrameScheduler, StreamHandle, StreamMessage } from 'c/eventStream';
import type { AnyLiveRecordConfig, LiveFieldKind } from '../generated/liveRecords';

/** Events kept on screen: what fits a record-page sidebar; memory does not grow with a burst. */
const HISTORY_LIMIT = 25;
/** Renders during a burst at most this often: ten a second reads as live. */
const RENDER_INTERVAL_MS = 100;
/** A burst is over when no event came for this long; then LDS hears about it once more. */
const BURST_QUIET_MS = 1000;
/** An unbroken stream still refreshes the rest of the page this often. */
const BURST_MAX_WAIT_MS = 10000;

const KINDS: ReadonlySet<string> = new Set<LiveFieldKind>(['text', 'number', 'checkbox', 'date', 'dateTime']);
const CHANNEL_FORMAT = /^\/event\/[A-Za-z][A-Za-z0-9_]*__e$/;
const FIELD_FORMAT = /^[A-Za-z][A-Za-z0-9_]*$/;

type LiveRecordField = AnyLiveRecordConfig['fields'][number];

/** Times in the user's Salesforce locale and time zone, not the browser's. */
const TIME_FORMAT = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
/** A date field has no time zone: shown as the calendar day it names. */
const DATE_FORMAT = new Intl.DateTimeFormat(LOCALE, {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});
const NUMBER_FORMAT = new Intl.NumberFormat(LOCALE);

/** The payload of any declared channel, read by field name (`read`). */
type Payload = object;

function read(payload: Payload, field: string): unknown {
  return (payload as Readonly<Record<string, unknown>>)[field];
}

interface ShownValue {
  key: string;
  label: string;
  value: string;
}

interface FeedEntry {
  key: string;
  /** ISO 8601 publish time, for the `datetime` attribute. */
  publishedAt: string;
  time: string;
  values: ShownValue[];
}

function format(value: unknown, kind: LiveFieldKind): string {
  if (value === null || value === undefined || value === '') return '';
  if (kind === 'checkbox') return value === true ? 'Yes' : 'No';
  if (kind === 'number' && typeof value === 'number') return NUMBER_FORMAT.format(value);
  if ((kind === 'dateTime' || kind === 'date') && typeof value === 'string') {
    const time = Date.parse(value);
    if (!Number.isNaN(time)) return (kind === 'date' ? DATE_FORMAT : TIME_FORMAT).format(new Date(time));
  }
  return String(value);
}

function isField(value: unknown): value is LiveRecordField {
  const field = value as Partial<Record<keyof LiveRecordField, unknown>> | null;
  return (
    typeof field === 'object' &&
    field !== null &&
    typeof field.name === 'string' &&
    FIELD_FORMAT.test(field.name) &&
    typeof field.label === 'string' &&
    typeof field.kind === 'string' &&
    KINDS.has(field.kind)
  );
}

function parseFields(json: string | undefined): LiveRecordField[] | undefined {
  try {
    const fields: unknown = JSON.parse(json ?? '');
    return Array.isArray(fields) && fields.length > 0 && fields.every(isField) ? fields : undefined;
  } catch {
    return undefined;
  }
}

/** The design attributes as one typed configuration, or why they are not one. */
export function parseConfig(attributes: {
  channel?: string;
  recordIdField?: string;
  fields?: string;
  statusField?: string;
  cardTitle?: string;
}): AnyLiveRecordConfig | string {
  const { channel, recordIdField, statusField } = attributes;
  if (!channel || !CHANNEL_FORMAT.test(channel)) return 'channel is not a Platform Event channel (/event/Name__e)';
  if (!recordIdField || !FIELD_FORMAT.test(recordIdField)) return 'recordIdField is not an event field name';
  if (statusField && !FIELD_FORMAT.test(statusField)) return 'statusField is not an event field name';
  const fields = parseFields(attributes.fields);
  if (!fields) return 'fields is not a JSON list of {"name", "label", "kind"}';
  // Checked for their form only: the generated page names a declared channel and its fields.
  return {
    channel,
    recordIdField,
    fields,
    ...(statusField ? { statusField } : {}),
    title: attributes.cardTitle || 'Live updates',
  } as AnyLiveRecordConfig;
}

/** The newest events of the record, newest first, outside the component's reactive fields. */
class Feed {
  entries: FeedEntry[] = [];
  /** Events received since the last render: at most HISTORY_LIMIT, so a burst costs no more. */
  pending: StreamMessage<Payload>[] = [];
  received = 0;
  queued = false;
  recordKey: string | undefined;

  constructor(readonly config: AnyLiveRecordConfig) {}

  /** Takes an event if it is about this record; true when a frame must be requested for it. */
  receive(message: StreamMessage<Payload>): boolean {
    if (
      this.recordKey === undefined ||
      recordKey(read(message.payload, this.config.recordIdField)) !== this.recordKey
    ) {
      return false;
    }
    this.pending.push(message);
    if (this.pending.length > HISTORY_LIMIT) this.pending.shift();
    this.received += 1;
    if (this.queued) return false;
    this.queued = true;
    return true;
  }

  /** Moves the pending events into the history; the newest one, or undefined when none came. */
  apply(): StreamMessage<Payload> | undefined {
    const fresh = this.pending.reverse().map((message) => this.toEntry(message));
    const newest = this.pending[0];
    this.pending = [];
    this.entries = [...fresh, ...this.entries].slice(0, HISTORY_LIMIT);
    return newest;
  }

  private toEntry({ replayId, payload }: StreamMessage<Payload>): FeedEntry {
    const created = read(payload, 'CreatedDate');
    const publishedAt = typeof created === 'string' ? created : '';
    return {
      key: `event-${replayId}`,
      publishedAt,
      time: format(publishedAt, 'dateTime'),
      values: this.config.fields
        .map((field) => ({ key: field.name, label: field.label, value: format(read(payload, field.name), field.kind) }))
        .filter((shown) => shown.value !== ''),
    };
  }
}

export default class LiveRecordFeed extends LightningElement {
  /** Platform Event channel, such as `/event/Shipment_Update__e`. */
  @api channel?: string;
  /** Event field holding the id of the record the page shows. */
  @api recordIdField?: string;
  /** JSON list of the event fields to show: `[{"name": "Status__c", "label": "Status", "kind": "text"}]`. */
  @api fields?: string;
  /** Event field whose newest value is the record's current status. */
  @api statusField?: string;
  @api cardTitle?: string;

  private currentRecordId: string | undefined;

  @api
  get recordId(): string | undefined {
    return this.currentRecordId;
  }
  set recordId(value: string | undefined) {
    this.currentRecordId = value;
    if (this.feed) this.feed.recordKey = recordKey(value);
  }

  entries: FeedEntry[] = [];
  status = '';
  connection: ConnectionState = 'connecting';
  announcement = '';
  configError = '';
  /** The card title (not `title`: that is the element's HTML attribute). */
  heading = 'Live updates';

  private feed: Feed | undefined;
  private stream: StreamHandle | undefined;
  private notifier: BurstNotifier | undefined;
  private readonly frames: FrameScheduler = frameScheduler(RENDER_INTERVAL_MS);

  connectedCallback(): void {
    const config = parseConfig(this);
    if (typeof config === 'string') {
      this.configError = config;
      this.connection = 'unavailable';
      return;
    }
    this.heading = config.title;
    const feed = new Feed(config);
    feed.recordKey = recordKey(this.currentRecordId);
    this.feed = feed;
    // Other components showing this record (highlights panel, details) refetch it from LDS.
    this.notifier = burstNotifier(() => this.notifyRecord(), BURST_QUIET_MS, BURST_MAX_WAIT_MS);
    this.stream = openStream(config.channel, {
      onMessage: (message) => {
        if (feed.receive(message)) this.frames.schedule(() => this.flush());
      },
      onStateChange: (state) => {
        this.connection = state;
      },
    });
  }

  disconnectedCallback(): void {
    this.stream?.close();
    this.stream = undefined;
    this.notifier?.cancel();
    this.notifier = undefined;
  }

  get hasEntries(): boolean {
    return this.entries.length > 0;
  }

  get hasStatus(): boolean {
    return this.feed?.config.statusField !== undefined;
  }

  get statusLabel(): string {
    return this.status || 'Not received yet';
  }

  get connectionLabel(): string {
    return CONNECTION_LABELS[this.connection];
  }

  get connectionClass(): string {
    return CONNECTION_THEMES[this.connection];
  }

  get isUnavailable(): boolean {
    return this.connection === 'unavailable' && !this.configError;
  }

  get historyLabel(): string {
    return `Recent events: ${this.heading}`;
  }

  /** Applies everything received since the last frame in one re-render and one announcement. */
  private flush(): void {
    const feed = this.feed;
    if (!feed) return;
    feed.queued = false;
    // Removed from the page before the frame: nothing to show.
    if (!this.stream) return;
    const received = feed.received;
    feed.received = 0;
    const newest = feed.apply();
    if (!newest) return;
    this.entries = feed.entries;
    const statusField = feed.config.statusField;
    const status = statusField ? format(read(newest.payload, statusField), 'text') : '';
    if (statusField && status && status !== this.status) {
      this.status = status;
      this.announcement = `${this.heading}: status changed to ${status}`;
    } else {
      this.announcement = `${this.heading}: ${received === 1 ? '1 new event' : `${received} new events`}`;
    }
    this.notifier?.changed();
  }

  private notifyRecord(): void {
    if (!this.currentRecordId) return;
    notifyRecordUpdateAvailable([{ recordId: this.currentRecordId }]).catch(() => {
      // The record is refetched on the next navigation anyway; the live view is already current.
    });
  }
}
