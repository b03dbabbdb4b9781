// The WebSocket transport to `berth serve`: numbered requests, validated frames, pending requests answered
// with TRANSPORT_CLOSED when the socket drops, and reconnection with backoff. Its state is observable.
import { fail, type Envelope } from '@shared/errors';
import { wsRequestFrame, wsServerFrame, type RawTransport } from '@shared/transport';
import { createStore, type ReadableStore } from '../lib/store';
import { reconnectDelay } from './reconnect-backoff';
import { describeClose, type Bridge, type BridgeState } from './bridge-state';
import { errorMessage } from '@shared/error-message';

/** The part of the DOM WebSocket used here; the `ws` package offers the same, which the tests use. */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void;
}

export interface WebSocketTransportOptions {
  createSocket?: (url: string) => SocketLike;
  /** Milliseconds before reconnect attempt `attempt` (0 after the first failure). */
  delay?: (attempt: number) => number;
  now?: () => number;
  log?: (message: string, ...details: unknown[]) => void;
}

type Resolve = (reply: Envelope<unknown>) => void;

export class WebSocketTransport implements RawTransport, Bridge {
  private readonly store = createStore<BridgeState>({ state: 'connecting', attempt: 0, reconnecting: false });
  readonly state: ReadableStore<BridgeState> = this.store;

  private readonly createSocket: (url: string) => SocketLike;
  private readonly delay: (attempt: number) => number;
  private readonly now: () => number;
  private readonly log: (message: string, ...details: unknown[]) => void;

  private socket: SocketLike | null = null;
  private open = false;
  private everOpened = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private nextId = 1;
  private readonly pending = new Map<number, Resolve>();
  /** Frames asked for while the socket is still connecting; sent as soon as it opens. */
  private outbox: string[] = [];
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  constructor(
    private readonly url: string,
    options: WebSocketTransportOptions = {},
  ) {
    this.createSocket = options.createSocket ?? ((target) => new WebSocket(target));
    this.delay = options.delay ?? ((attempt) => reconnectDelay(attempt));
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((message, ...details) => console.warn(message, ...details));
    this.connect();
  }

  invoke(channel: string, payload: unknown): Promise<Envelope<unknown>> {
    const socket = this.socket;
    if (!socket) {
      return Promise.resolve(fail('TRANSPORT_CLOSED', 'Not connected to the Berth core; reconnecting.'));
    }
    const frame = { id: this.nextId++, channel, payload };
    const checked = wsRequestFrame.safeParse(frame);
    if (!checked.success) {
      return Promise.resolve(fail('INVALID_PAYLOAD', `Cannot send a request on "${channel.slice(0, 100)}".`));
    }
    let text: string;
    try {
      text = JSON.stringify(frame);
    } catch (error) {
      return Promise.resolve(
        fail('INVALID_PAYLOAD', `The request for ${channel} cannot be sent: ${errorMessage(error)}`),
      );
    }
    return new Promise<Envelope<unknown>>((resolve) => {
      this.pending.set(frame.id, resolve);
      if (this.open) this.send(socket, text);
      else this.outbox.push(text);
    });
  }

  on(event: string, listener: (payload: unknown) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    const own = (payload: unknown) => listener(payload);
    set.add(own);
    return () => set.delete(own);
  }

  reconnectNow(): void {
    if (this.disposed || this.socket) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.connect();
  }

  /** Closes for good: no reconnect; pending requests get TRANSPORT_CLOSED. */
  dispose(): void {
    this.disposed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.closed('closed by Berth');
    socket?.close(1000, 'bye');
  }

  private connect(): void {
    this.retryTimer = null;
    this.store.set({ state: 'connecting', attempt: this.attempt, reconnecting: this.everOpened });
    let socket: SocketLike;
    try {
      socket = this.createSocket(this.url);
    } catch (error) {
      this.closed(`cannot open ${this.url.split('?')[0]}: ${errorMessage(error)}`);
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (socket !== this.socket) return;
      const reconnected = this.everOpened;
      this.open = true;
      this.everOpened = true;
      this.attempt = 0;
      const queued = this.outbox;
      this.outbox = [];
      for (const text of queued) this.send(socket, text);
      this.store.set({ state: 'open', since: this.now(), reconnected });
    });
    socket.addEventListener('message', (event) => {
      if (socket === this.socket) this.receive(event.data);
    });
    // An 'error' event is always followed by 'close', which is where the transport reacts.
    socket.addEventListener('close', (event) => {
      if (socket === this.socket) this.closed(describeClose(event.code, event.reason));
    });
  }

  private send(socket: SocketLike, text: string): void {
    try {
      socket.send(text);
    } catch (error) {
      // The socket is closing: its close event answers the request with TRANSPORT_CLOSED.
      this.log('[bridge] send failed', error);
    }
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') {
      this.log('[bridge] ignored a binary frame');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch (error) {
      this.log(`[bridge] ignored a frame that is not JSON: ${errorMessage(error)}`);
      return;
    }
    const parsed = wsServerFrame.safeParse(json);
    if (!parsed.success) {
      this.log('[bridge] ignored a frame of unknown shape', parsed.error.issues);
      return;
    }
    const frame = parsed.data;
    if (frame.type === 'event') {
      for (const listener of [...(this.listeners.get(frame.event) ?? [])]) {
        try {
          listener(frame.payload);
        } catch (error) {
          this.log(`[bridge] a listener of ${frame.event} failed`, error);
        }
      }
      return;
    }
    const resolve = frame.id === null ? undefined : this.pending.get(frame.id);
    if (!resolve) {
      this.log(`[bridge] a reply for no pending request (id ${frame.id})`, frame.reply);
      return;
    }
    this.pending.delete(frame.id as number);
    // The schema checks the code is a string; the typed client maps codes it does not know.
    resolve(frame.reply as Envelope<unknown>);
  }

  private closed(reason: string): void {
    this.socket = null;
    this.open = false;
    this.outbox = [];
    const reply = fail('TRANSPORT_CLOSED', `Disconnected from the Berth core (${reason}) before it replied.`);
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of waiting) resolve(reply);
    if (this.disposed) {
      this.store.set({ state: 'closed', reason, retryAt: null, attempt: this.attempt });
      return;
    }
    const wait = this.delay(this.attempt);
    this.attempt += 1;
    this.store.set({ state: 'closed', reason, retryAt: this.now() + wait, attempt: this.attempt });
    this.retryTimer = setTimeout(() => this.connect(), wait);
  }
}
