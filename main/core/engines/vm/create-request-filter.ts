// Reads the docker CLI's side of one connection to the VM's engine as HTTP/1.1 requests, to hold back each
// `POST /containers/create` (any API version prefix) until its body has come and a judge has seen it: the
// create is then forwarded as it came, or refused. Every other byte is forwarded at once and unchanged: other
// requests' bodies stream, and after an upgrade (the hijacked attach and exec streams) or anything this reader
// cannot follow, the rest of the connection passes through without being read at all.
import { ChunkedBody } from './chunked-body';

/** What the proxy does with what came in, in order: send bytes to the engine, or answer a refusal and close. */
export type FilterStep = { forward: Buffer } | { refuse: string };

const MAX_HEAD = 64 * 1024;
/** A create body is a few KiB; one larger than this passes unjudged rather than being held in memory. */
const MAX_HELD = 4 * 1024 * 1024;
const CREATE_PATH = /^(\/v\d+(\.\d+)?)?\/containers\/create$/;

interface RequestHead {
  create: boolean;
  upgrade: boolean;
  /** The body's length, or its chunked framing. */
  body: number | ChunkedBody;
}

/** The request line and headers (without the blank line); null when it does not read as an HTTP/1.x request. */
export function parseRequestHead(head: string): RequestHead | null {
  const [requestLine, ...lines] = head.split('\r\n');
  const request = /^([A-Z]+) (\S+) HTTP\/1\.[01]$/.exec(requestLine);
  if (!request) return null;
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    headers.set(
      line.slice(0, colon).trim().toLowerCase(),
      line
        .slice(colon + 1)
        .trim()
        .toLowerCase(),
    );
  }
  const path = request[2].split('?')[0];
  const create = request[1] === 'POST' && CREATE_PATH.test(path);
  const upgrade = headers.has('upgrade') || /(^|,)\s*upgrade\s*(,|$)/.test(headers.get('connection') ?? '');
  const chunked = /(^|,)\s*chunked\s*$/.test(headers.get('transfer-encoding') ?? '');
  const length = Number(headers.get('content-length') ?? '0');
  if (!chunked && !(Number.isSafeInteger(length) && length >= 0)) return null;
  return { create, upgrade, body: chunked ? new ChunkedBody(create) : length };
}

export class CreateRequestFilter {
  private mode: 'head' | 'body' | 'through' | 'refused' = 'head';
  private pendingHead = Buffer.alloc(0);
  private body: number | ChunkedBody = 0;
  private upgradeAfterBody = false;
  /** The create request being held (its head and raw body bytes), or null when none is. */
  private held: Buffer[] | null = null;
  private heldBytes = 0;
  private heldBody: Buffer[] = [];

  /** `judge` gets a create request's decoded body and answers a refusal, or null to let it through. */
  constructor(private readonly judge: (body: Buffer) => string | null) {}

  push(chunk: Buffer): FilterStep[] {
    const steps: FilterStep[] = [];
    let rest = chunk;
    while (rest.length > 0 && this.mode !== 'refused') {
      if (this.mode === 'through') {
        steps.push({ forward: rest });
        break;
      }
      rest = this.mode === 'head' ? this.readHead(rest, steps) : this.readBody(rest, steps);
    }
    return steps;
  }

  /** What the client sent before it closed its side mid-request: forwarded, so the engine sees what it would have. */
  flush(): FilterStep[] {
    const steps: FilterStep[] = [];
    if (this.held) steps.push({ forward: Buffer.concat(this.held) });
    if (this.pendingHead.length > 0) steps.push({ forward: this.pendingHead });
    this.held = null;
    this.heldBody = [];
    this.pendingHead = Buffer.alloc(0);
    return steps;
  }

  private readHead(chunk: Buffer, steps: FilterStep[]): Buffer {
    const pending = Buffer.concat([this.pendingHead, chunk]);
    const end = pending.indexOf('\r\n\r\n');
    if (end === -1) {
      this.pendingHead = pending;
      if (pending.length > MAX_HEAD) this.passThrough(steps);
      return Buffer.alloc(0);
    }
    this.pendingHead = Buffer.alloc(0);
    const headBytes = pending.subarray(0, end + 4);
    const head = parseRequestHead(pending.subarray(0, end).toString('latin1'));
    if (!head) {
      this.pendingHead = pending;
      this.passThrough(steps);
      return Buffer.alloc(0);
    }
    this.body = head.body;
    this.upgradeAfterBody = head.upgrade;
    if (head.create) {
      this.held = [headBytes];
      this.heldBytes = headBytes.length;
      this.heldBody = [];
    } else {
      steps.push({ forward: headBytes });
    }
    this.mode = 'body';
    this.endBodyIfDone(steps);
    return pending.subarray(end + 4);
  }

  private readBody(chunk: Buffer, steps: FilterStep[]): Buffer {
    let used: number;
    if (typeof this.body === 'number') {
      used = Math.min(this.body, chunk.length);
      this.body -= used;
    } else {
      try {
        used = this.body.consume(chunk);
      } catch {
        // Framing this reader cannot follow: stop reading and let the engine judge the bytes as they are.
        this.mode = 'through';
        steps.push(...this.flush(), { forward: chunk });
        return Buffer.alloc(0);
      }
    }
    const part = chunk.subarray(0, used);
    if (this.held) {
      this.held.push(part);
      if (typeof this.body === 'number') this.heldBody.push(part);
      this.heldBytes += part.length;
      if (this.heldBytes > MAX_HELD) steps.push(...this.flush());
    } else if (part.length > 0) {
      steps.push({ forward: part });
    }
    this.endBodyIfDone(steps);
    return chunk.subarray(used);
  }

  private endBodyIfDone(steps: FilterStep[]): void {
    const done = typeof this.body === 'number' ? this.body === 0 : this.body.done;
    if (!done) return;
    if (this.held) {
      const decoded = typeof this.body === 'number' ? Buffer.concat(this.heldBody) : this.body.decoded();
      const refusal = this.judge(decoded);
      if (refusal !== null) {
        this.held = null;
        this.mode = 'refused';
        steps.push({ refuse: refusal });
        return;
      }
      steps.push(...this.flush());
    }
    this.mode = this.upgradeAfterBody ? 'through' : 'head';
  }

  private passThrough(steps: FilterStep[]): void {
    this.mode = 'through';
    steps.push(...this.flush());
  }
}
