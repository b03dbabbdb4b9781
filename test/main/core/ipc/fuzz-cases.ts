// Owns the IPC fuzz suite's cases: a seeded generator (same seed, same cases) of hostile requests for every
// channel of the contract. Each channel has a base request that is well formed but names nothing that exists
// (an absent container, an unreachable registry at 127.0.0.1:1), so no case can change the engine even when
// its shape is accepted; the cases break it: wrong types, out-of-range and NaN-ish numbers, huge strings, deep
// nesting, `__proto__`/`constructor` keys, missing keys, and hostile strings (path traversal, unicode oddities)
// in every string the request carries.
import { channelNames, channels, type Channel } from '../../../../main/shared/contract';

/** mulberry32: small, fast, and enough to make cases repeatable from a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const absentContainer = 'berth-fuzz-absent';
const absentImage = 'berth-fuzz/absent:never';
/** Nothing listens on port 1: an engine asked to reach it is refused at once. */
const unreachable = '127.0.0.1:1';
const noLimits = {
  cpus: 1,
  cpusetCpus: '0',
  memoryBytes: 64 * 1024 * 1024,
  restartPolicy: { name: 'no', maximumRetryCount: 0 },
};

/** Well-formed requests that can change nothing: every name in them is absent or unreachable. */
const bases: Record<Channel, Record<string, unknown>> = {
  'app:info': {},
  'engine:status': {},
  'engine:reconnect': {},
  'engines:list': {},
  'engines:set-active': { id: 'fuzz-absent' },
  'engines:start': { id: 'fuzz-absent' },
  'engines:stop': { id: 'fuzz-absent' },
  'engines:restart': { id: 'fuzz-absent' },
  'engines:add-owned': { name: 'fuzz' },
  'engines:set-run-as': { id: 'fuzz-absent', runAs: 'auto' },
  'engines:add-remote': {
    name: 'fuzz',
    host: `ssh://fuzz@${unreachable}`,
    identityFile: '/nonexistent/berth-fuzz-key',
    socketPath: '/var/run/docker.sock',
    trustFingerprint: 'SHA256:fuzz',
  },
  'engines:add-vm': { name: 'fuzz', cpus: 1, memoryMiB: 512, diskGiB: 4 },
  'engines:remove': { id: 'fuzz-absent', deleteData: false },
  'engines:trust-host-key': { id: 'fuzz-absent', fingerprint: 'SHA256:fuzz' },
  'engines:logs': { id: 'fuzz-absent' },
  'engines:disk-usage': { id: 'fuzz-absent' },
  'engines:vm-usage': { id: 'fuzz-absent' },
  'engines:vm-compact': { id: 'fuzz-absent' },
  'engines:vm-shared-folders': { id: 'fuzz-absent', folders: ['/tmp/berth-fuzz-absent'] },
  'engines:diagnostics': {},
  'containers:list': { all: true },
  'containers:start': { id: absentContainer },
  'containers:stop': { id: absentContainer, timeoutSeconds: 1 },
  'containers:remove': { id: absentContainer, force: false, volumes: false },
  'stats:watch': { all: false, ids: [absentContainer] },
  'stats:history': { id: absentContainer, seconds: 60 },
  'stats:recording': {},
  'engines:setup-options': {},
  'stats:range': { ids: [absentContainer], from: Date.UTC(2026, 0, 1) },
  'stats:top': { from: Date.UTC(2026, 0, 1), by: 'cpu', limit: 5 },
  'stats:export': { ids: [absentContainer], from: Date.UTC(2026, 0, 1), format: 'csv' },
  'limits:get': { id: absentContainer },
  'limits:apply': { id: absentContainer, change: noLimits, acknowledgeBelowUsage: false },
  'limits:undo': { id: absentContainer, acknowledgeBelowUsage: false },
  'limits:apply-bulk': { ids: [absentContainer], change: noLimits, acknowledgeBelowUsage: false },
  'limits:suggest': { id: absentContainer },
  'images:list': {},
  'images:inspect': { id: absentImage },
  'images:history': { id: absentImage },
  'images:remove': { id: absentImage, force: false },
  'images:prune': { all: false },
  'images:tag': { id: absentImage, repository: 'berth-fuzz/tagged', tag: 'never' },
  'images:pull': { reference: `${unreachable}/berth-fuzz/absent:never` },
  'images:push': { reference: `${unreachable}/berth-fuzz/absent:never` },
  'transfers:list': {},
  'transfers:cancel': { id: 'fuzz-absent' },
  'transfers:dismiss': { id: 'fuzz-absent' },
  'registries:list': {},
  'registries:login': { registry: unreachable, username: 'fuzz', password: 'fuzz' },
  'registries:logout': { registry: unreachable },
  'containers:run': {
    spec: {
      image: `${unreachable}/berth-fuzz/absent:never`,
      name: absentContainer,
      command: ['sh'],
      entrypoint: null,
      env: [{ key: 'A', value: 'b' }],
      publishAll: false,
      ports: [{ containerPort: 80, protocol: 'tcp', hostPort: null, hostIp: '127.0.0.1' }],
      mounts: [{ type: 'volume', source: 'berth-fuzz-volume', target: '/data', readOnly: true }],
      network: 'berth-fuzz-network',
      restartPolicy: { name: 'no', maximumRetryCount: 0 },
      labels: [{ key: 'berth.fuzz', value: '1' }],
      limits: noLimits,
    },
    replicas: 1,
  },
  'containers:create': {
    spec: {
      image: `${unreachable}/berth-fuzz/absent:never`,
      name: absentContainer,
      command: ['sh'],
      entrypoint: null,
      env: [],
      publishAll: false,
      ports: [],
      mounts: [],
      network: null,
      restartPolicy: { name: 'no', maximumRetryCount: 0 },
      labels: [],
      limits: noLimits,
    },
  },
  'containers:restart': { id: absentContainer, timeoutSeconds: 1 },
  'containers:pause': { id: absentContainer },
  'containers:unpause': { id: absentContainer },
  'containers:kill': { id: absentContainer, signal: 'SIGTERM' },
  'containers:rename': { id: absentContainer, name: 'berth-fuzz-renamed' },
  'containers:bulk': { action: 'stop', ids: [absentContainer], force: false, timeoutSeconds: 1 },
  'containers:exit-info': { id: absentContainer },
  'containers:run-quick': { image: `${unreachable}/berth-fuzz/absent:never` },
  'replicas:list': {},
  'replicas:scale': { name: absentContainer, replicas: 0 },
  'settings:get': {},
  'settings:update': { defaultRunLimits: { cpus: 1, cpusetCpus: '0' }, registryCredentials: 'docker-config' },
  'volumes:list': {},
  'networks:list': {},
  'exec:open': { streamId: '00000000-0000-4000-8000-000000000001', id: absentContainer, cols: 80, rows: 24 },
  'exec:input': { streamId: '00000000-0000-4000-8000-000000000001', data: 'ls\r' },
  'exec:resize': { streamId: '00000000-0000-4000-8000-000000000001', cols: 80, rows: 24 },
  'exec:sessions': { id: absentContainer },
  'exec:attach': {
    streamId: '00000000-0000-4000-8000-000000000001',
    sessionId: '00000000-0000-4000-8000-000000000002',
    cols: 80,
    rows: 24,
  },
  'exec:close': { sessionId: '00000000-0000-4000-8000-000000000002' },
  'compose:cli': {},
  'compose:up': { streamId: '00000000-0000-4000-8000-000000000001', file: '/nonexistent/berth-fuzz/compose.yaml' },
  'compose:down': { streamId: '00000000-0000-4000-8000-000000000002', file: '/nonexistent/berth-fuzz/compose.yaml' },
  // A driver no engine has, so even an accepted create is refused; prune only what carries a label nobody uses.
  'networks:create': {
    name: 'berth-fuzz-network',
    driver: 'berth-fuzz-absent-driver',
    internal: true,
    labels: [{ key: 'berth.fuzz', value: '1' }],
    subnet: '10.250.250.0/24',
  },
  'networks:inspect': { id: 'berth-fuzz-network' },
  'networks:remove': { id: 'berth-fuzz-network' },
  'networks:prune': { label: 'berth.fuzz.absent=never' },
  'networks:connect': { network: 'berth-fuzz-network', container: absentContainer, aliases: ['fuzz'] },
  'networks:disconnect': { network: 'berth-fuzz-network', container: absentContainer, force: false },
  'logs:follow': { streamId: '00000000-0000-4000-8000-000000000001', id: absentContainer, tail: 10 },
  'logs:fetch': { id: absentContainer, before: '2026-01-01T00:00:00.000000000Z', limit: 10 },
  'containers:inspect': { id: absentContainer },
  'containers:top': { id: absentContainer },
  'containers:changes': { id: absentContainer },
  'images:build': {
    streamId: '00000000-0000-4000-8000-0000000000b1',
    context: '/nonexistent/berth-fuzz-context',
    dockerfile: 'Dockerfile',
    tag: 'berth-fuzz/absent:never',
    buildArgs: [{ key: 'FUZZ', value: '1' }],
    target: 'fuzz',
    noCache: true,
  },
  // A driver the engine does not have: refused before anything is created, whatever the name.
  'volumes:create': {
    name: 'berth-fuzz-never',
    driver: 'berth-fuzz-no-such-driver',
    labels: [{ key: 'a', value: 'b' }],
  },
  'volumes:inspect': { name: 'berth-fuzz-absent' },
  'volumes:remove': { name: 'berth-fuzz-absent', force: false },
  'volumes:prune': {},
  'volumes:sizes': {},
  'files:list': { id: absentContainer, path: '/etc' },
  'files:download': { id: absentContainer, path: '/etc/hostname' },
  // An absent container: the upload fails at its inspect, before anything is written anywhere.
  'files:upload': { id: absentContainer, folder: '/tmp', files: [{ name: 'fuzz.txt', base64: 'ZnV6eg==', mode: 420 }] },
  // The fuzz core names an installer that does not exist (BERTH_ENGINE_INSTALLER): refused before anything runs.
  'setup:install-engine': { streamId: '00000000-0000-4000-8000-0000000000c1' },
  'setup:cancel-install': {},
  'streams:close': { id: '00000000-0000-4000-8000-000000000000' },
};

/** Strings an attacker or a confused client might send where a name, an id or a reference belongs. */
export const hostileStrings: readonly string[] = [
  '',
  '..',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  'a/../../b',
  '/containers/json',
  'berth-fuzz/../../v1.41/containers/create',
  'busybox?force=1&x=',
  'a#frag',
  'C:\\Windows\\System32',
  '\\\\?\\pipe\\docker_engine',
  'a\u0000b',
  'a\r\nX-Injected: 1',
  '\u202eevil\u202c',
  'ab\u200bcd',
  'ａｂｃ',
  'é',
  '\ud800',
  '\udfff\ud800',
  '😀'.repeat(64),
  '$(touch /tmp/berth-fuzz-pwned)',
  '`id`',
  '; rm -rf /',
  '%n%s%x',
  '{{.}}',
  '-v',
  '--privileged',
  ' berth fuzz ',
  '\t',
  'a'.repeat(4097),
  'x'.repeat(100_000),
];

/** Values of the wrong type or out of every range, for any slot. */
function wrongValues(random: () => number): unknown[] {
  return [
    null,
    true,
    0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    2 ** 53 * 1024,
    -(2 ** 31),
    BigInt(1),
    'true',
    '1',
    'NaN',
    [],
    [null],
    {},
    { length: 1 },
    new Date(0),
    new Map([['a', 1]]),
    new Uint8Array(4),
    deepArray(2_000 + Math.floor(random() * 3_000)),
    deepObject(500),
    protoPayload(),
    'y'.repeat(1_000_000),
  ];
}

function deepArray(depth: number): unknown {
  return JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown;
}

function deepObject(depth: number): unknown {
  return JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) as unknown;
}

/** An object whose own `__proto__` key tries to pollute Object.prototype when merged carelessly. */
export function protoPayload(): Record<string, unknown> {
  return JSON.parse(
    '{"__proto__":{"berthFuzzPolluted":"yes"},"constructor":{"prototype":{"berthFuzzPolluted":"yes"}}}',
  ) as Record<string, unknown>;
}

const hostileKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  '\u0000',
  'id\u200b',
  '__defineGetter__',
];

type Path = Array<string | number>;

/** Every leaf (and every object or array) in a request, with its path. */
function slots(value: unknown, path: Path = []): Array<{ path: Path; value: unknown }> {
  const found = [{ path, value }];
  if (Array.isArray(value)) value.forEach((item, index) => found.push(...slots(item, [...path, index])));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) found.push(...slots(item, [...path, key]));
  return found;
}

/** A copy of `base` with the slot at `path` replaced (or removed when `remove`); own keys such as `__proto__` kept. */
function replaced(base: unknown, path: Path, next: unknown, remove = false): unknown {
  if (path.length === 0) return next;
  const copy = (Array.isArray(base) ? [...(base as unknown[])] : { ...(base as object) }) as Record<
    string | number,
    unknown
  >;
  const [head, ...rest] = path;
  if (rest.length === 0 && remove) delete copy[head];
  else if (rest.length === 0)
    Object.defineProperty(copy, head, { value: next, enumerable: true, writable: true, configurable: true });
  else copy[head] = replaced(copy[head], rest, next, remove);
  return copy;
}

function withKey(base: unknown, path: Path, key: string, value: unknown): unknown {
  const target = path.reduce<unknown>((node, part) => (node as Record<string | number, unknown>)[part], base);
  if (!target || typeof target !== 'object' || Array.isArray(target)) return undefined;
  const extended = { ...(target as object) };
  Object.defineProperty(extended, key, { value, enumerable: true, writable: true, configurable: true });
  return replaced(base, path, extended);
}

export interface FuzzCase {
  channel: Channel;
  /** `shape`: the schema must refuse it (INVALID_PAYLOAD); `string`: a hostile string where a string belongs. */
  kind: 'shape' | 'string';
  /** What was changed, for failure messages. */
  what: string;
  /** The string slot a `string` case replaced (`spec.image`); empty for shape cases. */
  slot: string;
  /** The hostile string of a `string` case. */
  text?: string;
  payload: unknown;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/**
 * `perChannel` shape cases for every channel (kept only when the channel's schema refuses them, so they are
 * invalid by construction), then every hostile string in every string slot of the base request.
 */
export function generateCases(seed: number, perChannel: number): { cases: FuzzCase[]; acceptedShapes: number } {
  const random = seededRandom(seed);
  const cases: FuzzCase[] = [];
  let acceptedShapes = 0;
  for (const channel of channelNames) {
    const base = bases[channel];
    const all = slots(base);
    const objects = all.filter((slot) => slot.value && typeof slot.value === 'object' && !Array.isArray(slot.value));
    const keyed = all.filter((slot) => slot.path.length > 0 && typeof slot.path.at(-1) === 'string');
    for (let i = 0; i < perChannel; i += 1) {
      const mode = random();
      let payload: unknown;
      let what: string;
      if (mode < 0.55) {
        const slot = pick(random, all);
        const value = pick(random, wrongValues(random));
        payload = replaced(base, slot.path, value);
        what = `${slot.path.join('.') || 'payload'} = ${describe(value)}`;
      } else if (mode < 0.8) {
        const slot = pick(random, objects);
        const key = pick(random, hostileKeys);
        payload = withKey(base, slot.path, key, pick(random, [1, 'x', protoPayload(), null]));
        what = `extra key ${JSON.stringify(key)} at ${slot.path.join('.') || 'payload'}`;
      } else if (mode < 0.9 && keyed.length > 0) {
        const slot = pick(random, keyed);
        payload = replaced(base, slot.path, undefined, true);
        what = `without ${slot.path.join('.')}`;
      } else {
        payload = pick(random, [
          protoPayload(),
          [base],
          JSON.stringify(base),
          deepArray(10_000),
          'x'.repeat(2_000_000),
          42,
          null,
          false,
        ]);
        what = `payload = ${describe(payload)}`;
      }
      if (channels[channel].request.safeParse(payload === undefined ? {} : payload).success) acceptedShapes += 1;
      else cases.push({ channel, kind: 'shape', what, slot: '', payload });
    }
    for (const slot of all.filter((candidate) => typeof candidate.value === 'string')) {
      for (const text of hostileStrings) {
        const where = slot.path.join('.');
        cases.push({
          channel,
          kind: 'string',
          what: `${where} = ${describe(text)}`,
          slot: where,
          text,
          payload: replaced(base, slot.path, text),
        });
      }
    }
  }
  return { cases, acceptedShapes };
}

export function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value instanceof Map) return 'Map';
  if (value instanceof Date) return 'Date';
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 60 ? `${text.slice(0, 40)}… (${text.length} chars)` : text;
}
