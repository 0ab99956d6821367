/**
 * One empApi subscription per channel, shared by every component of the page that listens to it.
 * Modules are singletons on a Lightning page, so the registry below is page-wide: the first
 * listener subscribes, the last one to leave unsubscribes. Reconnecting lives here only: after an
 * error the channel is re-subscribed with exponential backoff from the last replay id it saw, and
 * messages already delivered are dropped by replay id, so listeners see no gap and no duplicate.
 */
import { isEmpEnabled, onError, subscribe, unsubscribe } from 'lightning/empApi';
import type { EmpError, EmpMessage, EmpSubscription } from 'lightning/empApi';
import type { PlatformEventChannels } from '../generated/platformEvents';

/** connecting -> live; live -> reconnecting -> live; unavailable when empApi is off or retries ran out. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'unavailable';

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

/** -1: only events published from now on (-2 would replay the whole 72-hour retention). */
const FROM_TIP = -1;
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
  private lastReplayId = FROM_TIP;
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
    subscribe<unknown>(this.channel, this.lastReplayId, (message) => this.deliver(message)).then(
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
    this.remember(replayId);
    const streamMessage: StreamMessage<unknown> = { replayId, payload: message.data.payload };
    for (const listener of [...this.listeners]) listener.onMessage(streamMessage);
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
