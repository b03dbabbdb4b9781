// Owns a test's WebSocket client of a real `berth serve`: connects to the bridge with the printed token, sends
// requests (typed or as raw text), matches replies by id with a deadline, and records pushed events, so tests
// and the soak see the core exactly as the renderer does.
import WebSocket from 'ws';
import { bridgePath, type WsServerFrame } from '../../main/shared/transport';
import type { Envelope } from '../../main/shared/errors';

export interface BridgeTarget {
  port: number;
  token: string;
}

type Waiter = { resolve: (reply: Envelope<unknown>) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

export class BridgeClient {
  private nextId = 1;
  private readonly waiters = new Map<number, Waiter>();
  private readonly listeners = new Set<(event: string, payload: unknown) => void>();
  /** Replies that came with `id: null` (frames the bridge could not read). */
  readonly unmatched: Envelope<unknown>[] = [];
  closeCode: number | null = null;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(data.toString()));
    socket.on('close', (code) => {
      this.closeCode = code;
      for (const [id, waiter] of this.waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error(`[bridge-client] the bridge closed (${code}) before replying to request ${id}`));
      }
      this.waiters.clear();
    });
    // A closed or reset socket also ends in 'close', where waiters are told; nothing else to do here.
    socket.on('error', () => undefined);
  }

  static connect(target: BridgeTarget, timeoutMs = 10_000): Promise<BridgeClient> {
    const socket = new WebSocket(
      `ws://127.0.0.1:${target.port}${bridgePath}?token=${encodeURIComponent(target.token)}`,
      { maxPayload: 256 * 1024 * 1024 },
    );
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.terminate();
        reject(new Error(`[bridge-client] no connection to 127.0.0.1:${target.port} within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('open', () => {
        clearTimeout(timer);
        resolve(new BridgeClient(socket));
      });
      socket.once('unexpected-response', (_request, response) => {
        clearTimeout(timer);
        reject(new Error(`[bridge-client] the bridge refused the upgrade: HTTP ${response.statusCode}`));
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** One request; rejects when no reply arrives within `timeoutMs` or the socket closes first. */
  request(channel: string, payload: unknown, timeoutMs = 15_000): Promise<Envelope<unknown>> {
    const id = this.nextId++;
    return this.raw(id, JSON.stringify({ id, channel, payload }), timeoutMs);
  }

  /** Sends `text` as it is, as the frame of request `id`; resolves with the reply that carries that id. */
  raw(id: number, text: string, timeoutMs = 15_000): Promise<Envelope<unknown>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(id);
        reject(new Error(`[bridge-client] no reply to request ${id} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(id, { resolve, reject, timer });
      this.socket.send(text, (error) => {
        if (!error) return;
        clearTimeout(timer);
        this.waiters.delete(id);
        reject(error);
      });
    });
  }

  /** A fresh id for `raw`. */
  takeId(): number {
    return this.nextId++;
  }

  onEvent(listener: (event: string, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The next pushed event (from now on) that matches; rejects after `timeoutMs` saying what it waited for. */
  next<T = unknown>(event: string, match: (payload: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const stop = this.onEvent((name, payload) => {
        if (name !== event || !match(payload as T)) return;
        stop();
        clearTimeout(timer);
        resolve(payload as T);
      });
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`[bridge-client] no ${event} event (${what}) within ${timeoutMs} ms`));
      }, timeoutMs);
    });
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
      setTimeout(() => this.socket.terminate(), 2_000).unref();
    });
  }

  private receive(text: string): void {
    const frame = JSON.parse(text) as WsServerFrame;
    if (frame.type === 'event') {
      for (const listener of [...this.listeners]) listener(frame.event, frame.payload);
      return;
    }
    if (frame.id === null) {
      this.unmatched.push(frame.reply);
      return;
    }
    const waiter = this.waiters.get(frame.id);
    if (!waiter) return;
    this.waiters.delete(frame.id);
    clearTimeout(waiter.timer);
    waiter.resolve(frame.reply);
  }
}
