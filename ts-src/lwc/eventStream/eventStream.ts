/**
 * One empApi subscription per channel, shared by every component of the page that listens to it.
 * Modules are singletons on a Lightning page, so the registry below is page-wide: the first
 * listener subscribes, the last one to leave unsubscribes. Reconnecting lives here only: after an
 * error the channel is re-subscribed with exponential backoff from the last replay id it saw, and
 * messages already delivered are dropped by replay id, so listeners see no gap and no duplicate.
 *
 * Before the first event there is no replay id to resume from, and resuming from the tip (-1) would
 * lose whatever was published during the outage. So a re-subscription without one replays every
 * retained event (-2) and drops those published before the stream opened, by their `CreatedDate`
 * (the server's publish time), until the first event after that point: from there on replay order
 * alone decides, and the stream has a replay id again.
 */
import { isEmpEnabled, onError, subscribe, unsubscribe } from 'lightning/empApi';
import type { EmpError, EmpMessage, EmpSubscription } from 'lightning/empApi';
import type { PlatformEventChannels } from '../generated/platformEvents';

/** connecting -> live; live -> reconnecting -> live; unavailable when empApi is off or retries ran out. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'unavailable';

/** What a component shows for each connection state, in its status badge. */
export const CONNECTION_LABELS: Readonly<Record<ConnectionState, string>> = {
  connecting: 'Connecting',
  live: 'Live',
  reconnecting: 'Reconnecting',
  unavailable: 'Live updates unavailable',
};

/** The SLDS badge theme of each connection state. */
export const CONNECTION_THEMES: Readonly<Record<ConnectionState, string>> = {
  connecting: 'slds-badge_lightest',
  live: 'slds-theme_success',
  reconnecting: 'slds-theme_warning',
  unavailable: 'slds-theme_error',
};

/**
 * The key a component matches an event's record id against the page's with. Salesforce ids come as
 * 15 case-sensitive characters or 18 with a case-checksum suffix; the first 15 identify the record
 * either way. Anything else has no key (and matches nothing).
 * https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/soap_field_types.htm (ID field type)
 */
export function recordKey(id: unknown): string | undefined {
  return typeof id === 'string' && (id.length === 15 || id.length === 18) ? id.slice(0, 15) : undefined;
}

/** A declared Platform Event channel such as `/event/Order_Status_Update__e`. */
export type Channel = keyof PlatformEventChannels;

export interface StreamMessage<Payload> {
  replayId: number;
  payload: Payload;
}

export interface StreamListener<Payload> {
  onMessage(message: StreamMessage<Payload>): void;
  /** Called at once with the current state, then on every change. */
  onStateChange?(state: ConnectionState): void;
}

export interface StreamHandle {
  close(): void;
}

/**
 * -1: only events published from now on; -2: every retained event (72 hours for high-volume
 * events), which a re-subscription without a replay id needs. Subscribing from the tip first keeps
 * the common case (no error before the first event) from replaying three days of the channel.
 * https://developer.salesforce.com/docs/atlas.en-us.api_streaming.meta/api_streaming/using_streaming_api_durability.htm
 */
const FROM_TIP = -1;
const ALL_RETAINED = -2;
/**
 * How far the browser's clock may run ahead of the server's before a replay drops an event that
 * was published after the stream opened. A larger margin only lets through events of the minutes
 * before the page opened; listeners order what they show by the event's own change time.
 */
const CLOCK_MARGIN_MS = 5 * 60 * 1000;
const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;
/** About two minutes of attempts; then the stream reports `unavailable` instead of retrying forever. */
const MAX_ATTEMPTS = 8;
/** Replay ids remembered for de-duplication; replays resume from the last one, so overlaps are short. */
const SEEN_WINDOW = 1000;

class ChannelStream {
  private readonly listeners = new Set<StreamListener<unknown>>();
  private state: ConnectionState = 'connecting';
  private subscription: EmpSubscription | undefined;
  /** Unset until the first event: then a re-subscription resumes after it. */
  private lastReplayId: number | undefined;
  /** Set by the first error: from then on a subscription from the tip could miss events. */
  private interrupted = false;
  /** While a replay of everything retained runs: events published before this time (ms) are older than the stream. */
  private replayCutoff: number | undefined;
  private readonly openedAt = Date.now();
  private readonly seen = new Set<number>();
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every (re)connect and teardown, so a subscribe that resolves late is recognised as stale. */
  private generation = 0;
  private closed = false;

  constructor(readonly channel: Channel) {}

  get size(): number {
    return this.listeners.size;
  }

  add(listener: StreamListener<unknown>): void {
    this.listeners.add(listener);
    listener.onStateChange?.(this.state);
  }

  remove(listener: StreamListener<unknown>): void {
    this.listeners.delete(listener);
  }

  start(): void {
    isEmpEnabled().then(
      (enabled) => {
        // An error that arrived meanwhile scheduled a retry, which will connect.
        if (this.closed || this.state !== 'connecting') return;
        if (enabled) this.connect();
        else this.setState('unavailable');
      },
      () => this.setState('unavailable'),
    );
  }

  /** Ends the shared subscription; called when the last listener leaves. */
  stop(): void {
    this.closed = true;
    this.generation += 1;
    clearTimeout(this.retryTimer);
    this.release();
  }

  /** The connection or this channel failed: drop the subscription and come back with backoff. */
  reconnect(): void {
    if (this.closed || this.retryTimer !== undefined || this.state === 'unavailable') return;
    this.generation += 1;
    this.interrupted = true;
    this.release();
    this.attempts += 1;
    if (this.attempts > MAX_ATTEMPTS) {
      this.setState('unavailable');
      return;
    }
    this.setState('reconnecting');
    // Jitter spreads the reconnects of every open tab after a server-side outage.
    const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (this.attempts - 1));
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    // The components' scheduling lives in this file only (this backoff and nextFrame below);
    // eslint.config.js lets this file alone disable no-async-operation
    // (@lwc/lwc-platform/no-inline-disable whitelist).
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connect();
    }, delay);
  }

  private connect(): void {
    this.generation += 1;
    const generation = this.generation;
    let replayId = this.lastReplayId;
    if (replayId === undefined && this.interrupted) {
      replayId = ALL_RETAINED;
      this.replayCutoff = this.openedAt - CLOCK_MARGIN_MS;
    }
    subscribe<unknown>(this.channel, replayId ?? FROM_TIP, (message) => this.deliver(message)).then(
      (subscription) => {
        if (generation !== this.generation) {
          // Closed, or an error started another attempt while this one was in flight: keep one subscription.
          if (subscription) unsubscribe(subscription).catch(ignoreUnsubscribeFailure);
        } else if (subscription) {
          this.subscription = subscription;
          this.attempts = 0;
          this.setState('live');
        } else {
          this.reconnect();
        }
      },
      () => {
        if (generation === this.generation) this.reconnect();
      },
    );
  }

  private deliver(message: EmpMessage<unknown>): void {
    const replayId = message.data.event.replayId;
    if (this.closed || this.seen.has(replayId)) return;
    if (this.replayCutoff !== undefined) {
      // Resuming after a dropped event is still correct: everything published after it comes next.
      if (publishedAt(message.data.payload) < this.replayCutoff) {
        this.lastReplayId = replayId;
        return;
      }
      this.replayCutoff = undefined;
    }
    this.remember(replayId);
    const streamMessage: StreamMessage<unknown> = { replayId, payload: message.data.payload };
    // No copy of the set per message (a burst has thousands): a listener that leaves while the loop
    // runs is skipped by the iterator, which is what leaving means.
    for (const listener of this.listeners) listener.onMessage(streamMessage);
  }

  private remember(replayId: number): void {
    this.seen.add(replayId);
    if (this.seen.size > SEEN_WINDOW) {
      const oldest = this.seen.values().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    this.lastReplayId = replayId;
  }

  private release(): void {
    if (this.subscription) {
      unsubscribe(this.subscription).catch(ignoreUnsubscribeFailure);
      this.subscription = undefined;
    }
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of [...this.listeners]) listener.onStateChange?.(state);
  }
}

/**
 * Runs `callback` before the browser's next paint. Components batch stream messages with it, so a
 * burst costs one render per frame whatever number of deliveries it arrives in. It lives here
 * because this module is the one allowed to schedule work (see the timer above). Browsers pause
 * animation frames in background tabs: whatever waits for a frame must be bounded.
 */
export function nextFrame(callback: () => void): void {
  // eslint-disable-next-line @lwc/lwc/no-async-operation
  requestAnimationFrame(callback);
}

export interface BurstNotifier {
  /** Something changed: notify now if the last burst is over, else once when this one is. */
  changed(): void;
  cancel(): void;
}

/**
 * Coalesces the notifications of a burst: the first change notifies at once (other components
 * refresh without waiting), later ones only mark the burst; one more notification follows when no
 * change came for `quietMs`, or after `maxWaitMs` of an unbroken stream. A burst shorter than
 * `maxWaitMs` thus costs at most two notifications, however many frames it spans. It lives here,
 * beside the other timers (see the backoff above).
 */
export function burstNotifier(notify: () => void, quietMs: number, maxWaitMs: number): BurstNotifier {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let burstStartedAt = 0;
  let pending = false;
  const settle = (): void => {
    timer = undefined;
    if (pending) {
      pending = false;
      notify();
    }
  };
  return {
    changed(): void {
      if (timer === undefined) {
        burstStartedAt = Date.now();
        notify();
      } else {
        pending = true;
        clearTimeout(timer);
      }
      const wait = Math.max(0, Math.min(quietMs, burstStartedAt + maxWaitMs - Date.now()));
      // eslint-disable-next-line @lwc/lwc/no-async-operation
      timer = setTimeout(settle, wait);
    },
    cancel(): void {
      clearTimeout(timer);
      timer = undefined;
      pending = false;
    },
  };
}

/** The server's publish time of an event (ms); an event without one is never taken for an old one. */
function publishedAt(payload: unknown): number {
  const created = (payload as { CreatedDate?: unknown } | null)?.CreatedDate;
  const time = typeof created === 'string' ? Date.parse(created) : NaN;
  return Number.isNaN(time) ? Infinity : time;
}

export interface FrameScheduler {
  /** Runs `callback` in an animation frame at least `intervalMs` after the previous run. */
  schedule(callback: () => void): void;
}

/**
 * Like nextFrame, but at most one run per `intervalMs`: a burst spread over many frames is
 * rendered a few times a second instead of in every frame, which no one reading the page can
 * tell apart and which costs a fraction of the main-thread time. The first run after a quiet
 * period is not delayed.
 */
export function frameScheduler(intervalMs: number): FrameScheduler {
  let lastRun = -Infinity;
  const run = (callback: () => void) => () => {
    lastRun = Date.now();
    callback();
  };
  return {
    schedule(callback: () => void): void {
      const wait = lastRun + intervalMs - Date.now();
      if (wait <= 0) {
        nextFrame(run(callback));
        return;
      }
      // eslint-disable-next-line @lwc/lwc/no-async-operation
      setTimeout(() => nextFrame(run(callback)), wait);
    },
  };
}

/** A subscription the server already dropped cannot be unsubscribed; there is nothing left to undo. */
function ignoreUnsubscribeFailure(): void {}

const streams = new Map<Channel, ChannelStream>();
let errorHandlerRegistered = false;

/** empApi reports errors for the whole shared connection; route each to the channels it concerns. */
function handleError(error: EmpError): void {
  const named = [...streams.values()].filter((stream) => stream.channel === error.subscription);
  // An error that names no channel of ours (a dropped /meta/connect) affects every subscription.
  for (const stream of named.length > 0 ? named : [...streams.values()]) stream.reconnect();
}

/**
 * Listens to a declared Platform Event channel. The payload type follows from the channel, so a
 * listener that reads an undeclared field does not compile.
 */
export function openStream<C extends Channel>(
  channel: C,
  listener: StreamListener<PlatformEventChannels[C]>,
): StreamHandle {
  if (!errorHandlerRegistered) {
    onError(handleError);
    errorHandlerRegistered = true;
  }
  // The registry holds listeners of every channel; each only ever receives its own channel's payloads.
  const untyped = listener as StreamListener<unknown>;
  let stream = streams.get(channel);
  const isNew = stream === undefined;
  if (!stream) {
    stream = new ChannelStream(channel);
    streams.set(channel, stream);
  }
  stream.add(untyped);
  if (isNew) stream.start();

  const opened = stream;
  let open = true;
  return {
    close(): void {
      if (!open) return;
      open = false;
      opened.remove(untyped);
      if (opened.size === 0) {
        opened.stop();
        streams.delete(channel);
      }
    },
  };
}
