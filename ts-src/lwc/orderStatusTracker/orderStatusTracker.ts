/**
 * Live fulfilment status of one Order. The stored status comes from Lightning Data Service; status
 * changes pushed by the ERP/WMS arrive on `Order_Status_Update__e` through the page's shared
 * stream. A burst (a warehouse replaying a day of scans) is buffered and applied in an animation
 * frame at most ten times a second: one render and one announcement each, at most two LDS notifications per
 * burst, and a bounded history of runs (consecutive events of one status share a row, patched in
 * place as the run grows), instead of one of each per event.
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
import {
  burstNotifier,
  CONNECTION_LABELS,
  CONNECTION_THEMES,
  frameScheduler,
  openStream,
  recordKey,
} from 'c/eventStream';
import type { BurstNotifier, ConnectionState, FrameScheduler, StreamHandle, StreamMessage } from 'c/eventStream';
import type { OrderStatusUpdatePayload } from '../generated/platformEvents';

/**
 * Rows kept on screen: what fits a record-page sidebar. Older changes are dropped in the browser,
 * so memory and render cost do not grow with the burst.
 */
const HISTORY_LIMIT = 25;
/** Renders during a burst at most this often: ten a second reads as live, and costs a sixth of one per frame. */
const RENDER_INTERVAL_MS = 100;
/** A burst is over when no event came for this long; then LDS hears about it once more. */
const BURST_QUIET_MS = 1000;
/** An unbroken stream still refreshes the rest of the page this often. */
const BURST_MAX_WAIT_MS = 10000;

/** One status change as the stream delivered it. */
interface Change {
  replayId: number;
  /** Milliseconds since the epoch; ties are broken by replay order. */
  at: number;
  event: OrderStatusUpdatePayload;
}

interface TimelineEntry {
  /** The run's first event: a run that grows keeps its row, and the frame patches its text. */
  key: string;
  status: string;
  label: string;
  /** "400 updates" when a run has more than one event. */
  count: string;
  detail: string;
  /** ISO 8601, for the `datetime` attribute. */
  changedAt: string;
  /** In the user's locale and time zone. */
  time: string;
}

/**
 * Consecutive changes to the same status, shown as one row with the newest one's time and detail.
 * A warehouse replaying a day of scans sends hundreds of events per status; one row per event
 * would scroll the real changes away and rebuild the whole list every frame.
 */
interface Run {
  key: string;
  status: string;
  count: number;
  newest: Change;
  /** Unset when the run changed since its row was last built. */
  entry: TimelineEntry | undefined;
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

/** Picklist API names use underscores (`On_Hold`); people read spaces. */
function toLabel(status: string): string {
  return status.replace(/_/g, ' ');
}

/** A missing or unreadable time sorts first: a status of unknown age never hides a dated one. */
function toTime(value: unknown): number {
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? -Infinity : time;
}

function isNewer(a: Change, b: Change): boolean {
  return a.at > b.at || (a.at === b.at && a.replayId > b.replayId);
}

function toEntry(run: Run): TimelineEntry {
  const { event } = run.newest;
  const changedAt = event.Changed_At__c ?? event.CreatedDate;
  return {
    key: run.key,
    status: run.status,
    label: toLabel(run.status),
    count: run.count > 1 ? `${run.count} updates` : '',
    detail: [event.Message__c, event.Source_System__c].filter((part) => part).join(' · '),
    changedAt,
    time: TIME_FORMAT.format(new Date(changedAt)),
  };
}

/**
 * The history, newest run first, outside the component's reactive fields: a burst's events touch
 * plain objects only, and a frame renders the result once.
 */
class StatusHistory {
  runs: Run[] = [];
  changed = false;
  /** A frame is requested and has not run yet. */
  queued = false;
  /** The first 15 characters of the record id, compared with each event's `Order_Id__c`. */
  recordKey: string | undefined;

  /** Takes an event if it is about this record; true when a frame must be requested for it. */
  receive(message: StreamMessage<OrderStatusUpdatePayload>): boolean {
    const event = message.payload;
    if (this.recordKey === undefined || recordKey(event.Order_Id__c) !== this.recordKey) return false;
    this.add({ replayId: message.replayId, at: toTime(event.Changed_At__c ?? event.CreatedDate), event });
    if (this.queued) return false;
    this.queued = true;
    return true;
  }

  /**
   * Events usually arrive newest last and extend the first run or start a new one. One replayed
   * out of order goes where its time puts it, joining a neighbouring run of its status.
   */
  add(change: Change): void {
    const status = change.event.Status__c;
    const runs = this.runs;
    // Written as loops, not findIndex/find: this runs for every event of a burst.
    let index = 0;
    while (index < runs.length && !isNewer(change, runs[index].newest)) index += 1;
    const before = runs[index - 1];
    const after = runs[index];
    const into = before?.status === status ? before : after?.status === status ? after : undefined;
    if (into) {
      into.count += 1;
      if (isNewer(change, into.newest)) into.newest = change;
      into.entry = undefined;
    } else if (index < HISTORY_LIMIT) {
      runs.splice(index, 0, { key: `run-${change.replayId}`, status, count: 1, newest: change, entry: undefined });
      if (runs.length > HISTORY_LIMIT) runs.pop();
    } else {
      return;
    }
    this.changed = true;
  }

  get latest(): Change | undefined {
    return this.runs[0]?.newest;
  }

  /** Rows for the template; a run that did not change keeps its entry object. */
  entries(): TimelineEntry[] {
    return this.runs.map((run) => (run.entry ??= toEntry(run)));
  }
}

export default class OrderStatusTracker extends LightningElement {
  private currentRecordId: string | undefined;

  @api
  get recordId(): string | undefined {
    return this.currentRecordId;
  }
  set recordId(value: string | undefined) {
    this.currentRecordId = value;
    // Kept on the history, so the per-event path reads no reactive property of the component.
    this.history.recordKey = recordKey(value);
  }

  status = '';
  timeline: TimelineEntry[] = [];
  connection: ConnectionState = 'connecting';
  announcement = '';

  private stream: StreamHandle | undefined;
  private history = new StatusHistory();
  private readonly frames: FrameScheduler = frameScheduler(RENDER_INTERVAL_MS);
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
    const history = this.history;
    this.stream = openStream('/event/Order_Status_Update__e', {
      onMessage: (message) => {
        if (history.receive(message)) this.frames.schedule(() => this.flush());
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

  /** Applies everything received since the last frame in one re-render. */
  private flush(): void {
    const history = this.history;
    history.queued = false;
    // Removed from the page before the frame: nothing to show.
    if (!history.changed || !this.recordId || !this.stream) return;
    history.changed = false;

    this.timeline = history.entries();
    const latest = history.latest;
    if (latest && latest.at >= this.statusChangedAt) {
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
