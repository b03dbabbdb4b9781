// IPC fuzz: every channel of the contract, over both transports (the Electron IPC adapter's real handler with
// a fake sender, and the WebSocket bridge of a real `berth serve` child), gets seeded hostile requests. Every
// reply must be a typed error envelope within a bound, the core must stay up, Object.prototype unpolluted, and
// the engine's containers, images, volumes and networks unchanged. Prints how many cases ran.
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../../main/core/create-core';
import { silentLogger } from '../../../../main/core/logger';
import { appPageUrl } from '../../../../main/electron/app-response';
import { attachIpcAdapter } from '../../../../main/electron/ipc-adapter';
import { channels, isChannel } from '../../../../main/shared/contract';
import { errorCodes, type Envelope } from '../../../../main/shared/errors';
import { BridgeClient } from '../../../harness/bridge-client';
import { harness } from '../../../harness/context';
import { isAlive } from '../../../harness/run-command';
import { engineSnapshot, type EngineSnapshot } from '../../../harness/engine-snapshot';
import { startServe, type ServeProcess } from '../../../harness/serve-process';
import { describe as show, generateCases, type FuzzCase } from './fuzz-cases';

// The Electron adapter registers its handler on ipcMain and trusts only the main frame of Berth's own window:
// stand in for both, so the real adapter code serves the cases.
const electron = vi.hoisted(() => {
  const frame = { url: '' };
  return {
    frame,
    handler: null as null | ((event: unknown, channel: unknown, payload: unknown) => Promise<unknown>),
    windows: [{ isDestroyed: () => false, webContents: { mainFrame: frame, send: () => undefined } }],
  };
});
vi.mock('electron', () => ({
  ipcMain: {
    handle: (_channel: string, handler: typeof electron.handler) => (electron.handler = handler),
    removeHandler: () => (electron.handler = null),
  },
  BrowserWindow: { getAllWindows: () => electron.windows },
}));

const SEED = Number(process.env.BERTH_FUZZ_SEED ?? 20261204);
const SHAPES_PER_CHANNEL = Number(process.env.BERTH_FUZZ_SHAPES ?? 40);
/** A reply slower than this is a hang: every case names something absent or unreachable, answered at once. */
const REPLY_BOUND_MS = Number(process.env.BERTH_FUZZ_BOUND_MS ?? 15_000);
/** The bridge's maxPayload (serve-server.ts): bigger frames close the socket with 1009 instead of a reply. */
const BRIDGE_MAX_FRAME = 1024 * 1024;
/**
 * Channels where a hostile string that the schema lets through may be accepted, because nothing on the engine
 * changes: logging out of a registry Berth has no login for (the schema allows `..` in a host name), and
 * dismissing a transfer that is not there (dismiss is idempotent so two windows can both close one).
 */
const harmlessWhenAccepted = new Set(['registries:logout', 'transfers:dismiss']);

const known = new Set<string>(errorCodes);
const generated = generateCases(SEED, SHAPES_PER_CHANNEL);
const cases = generated.cases;
const { acceptedShapes } = generated;

let docker: Dockerode;
let before: EngineSnapshot;
let home: string;
let core: Core;
let detach: () => void;
let serve: ServeProcess;
const tally = {
  adapter: 0,
  bridge: 0,
  bridgeTooBig: 0,
  bridgeBecameValid: 0,
  bridgeUnsendable: 0,
  slowestMs: 0,
  slowest: '',
};

beforeAll(async () => {
  docker = new Dockerode({ socketPath: harness().socketPath });
  before = await engineSnapshot(docker);
  home = await mkdtemp(join(tmpdir(), 'berth-fuzz-'));
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    DOCKER_HOST: harness().dockerHost,
    DOCKER_CONFIG: join(home, '.docker'),
    BERTH_CONFIG_DIR: join(home, 'berth'),
    BERTH_EMBEDDED_ENGINE: '0',
    // setup:install-engine must never install anything here: an installer that is not there is refused first.
    BERTH_ENGINE_INSTALLER: '/nonexistent/berth-fuzz-engine-install',
  };
  core = createCore({ log: silentLogger, transport: 'electron', env });
  electron.frame.url = appPageUrl;
  detach = attachIpcAdapter(core, appPageUrl);
  serve = await startServe(harness().dockerHost);
  const status = await core.connection.reconnect();
  expect(status.state).toBe('connected');
});

afterAll(async () => {
  detach?.();
  await core?.close();
  await serve?.stop();
  if (home) await rm(home, { recursive: true, force: true });
  console.info(
    `[fuzz] seed ${SEED}: ${cases.length} cases per transport (${cases.filter((c) => c.kind === 'shape').length} malformed shapes, ` +
      `${cases.filter((c) => c.kind === 'string').length} hostile strings; ${acceptedShapes} generated shapes were valid and not sent); ` +
      `Electron adapter ${tally.adapter} replies, WebSocket bridge ${tally.bridge} replies + ${tally.bridgeTooBig} frames over 1 MiB refused ` +
      `(${tally.bridgeBecameValid} became well formed through JSON, ${tally.bridgeUnsendable} unsendable as JSON); slowest reply ${tally.slowestMs} ms (${tally.slowest})`,
  );
});

function timed<T>(promise: Promise<T>, what: string): Promise<T> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no reply within ${REPLY_BOUND_MS} ms: ${what}`)), REPLY_BOUND_MS);
  });
  return Promise.race([promise, bound]).finally(() => {
    clearTimeout(timer);
    const took = Date.now() - started;
    if (took > tally.slowestMs) Object.assign(tally, { slowestMs: took, slowest: what });
  });
}

/** What a reply must be: `refuse` INVALID_PAYLOAD; `hostile` a typed refusal (or, on a harmless channel, success); `well-formed` any envelope. */
type Expectation = 'refuse' | 'hostile' | 'well-formed';

/** The rule every reply obeys: an envelope; a refusal with a known code and a message. Returns what is wrong, or null. */
function replyProblem(reply: unknown, fuzzCase: FuzzCase, expectation: Expectation, where: string): string | null {
  const what = `${where} ${fuzzCase.channel} ${fuzzCase.what}: ${show(reply)}`;
  const envelope = reply as Envelope<unknown>;
  if (typeof envelope?.ok !== 'boolean') return `not an envelope: ${what}`;
  if (envelope.ok) {
    const allowed =
      expectation === 'well-formed' || (expectation === 'hostile' && harmlessWhenAccepted.has(fuzzCase.channel));
    return allowed ? null : `accepted: ${what}`;
  }
  if (!known.has(envelope.error.code)) return `unknown error code: ${what}`;
  if (typeof envelope.error.message !== 'string' || envelope.error.message.length === 0) return `no message: ${what}`;
  if (expectation === 'refuse' && envelope.error.code !== 'INVALID_PAYLOAD') return `not INVALID_PAYLOAD: ${what}`;
  return null;
}

/** Sends one case, recording a wrong reply or a hang (no reply within the bound) as a problem and going on. */
async function probe(
  problems: string[],
  send: () => Promise<unknown>,
  fuzzCase: FuzzCase,
  expectation: Expectation,
  where: string,
): Promise<void> {
  try {
    const problem = replyProblem(
      await timed(send(), `${where} ${fuzzCase.channel} ${fuzzCase.what}`),
      fuzzCase,
      expectation,
      where,
    );
    if (problem) problems.push(problem);
  } catch (error) {
    problems.push((error as Error).message);
  }
}

/**
 * JSON for the wire, as a browser's JSON.stringify writes it: null for nesting deeper than its stack (the bridge
 * is then sent the same depth written by hand), 'unsendable' for a BigInt, which it refuses to write at all.
 * Writing a BigInt as its digits instead made `1n` the id "1": a real image's short id prefix, which the engine
 * tagged.
 */
function wireText(id: number, fuzzCase: FuzzCase): string | null | 'unsendable' {
  try {
    return JSON.stringify({ id, channel: fuzzCase.channel, payload: fuzzCase.payload });
  } catch (error) {
    return error instanceof RangeError ? null : 'unsendable';
  }
}

/** All problems of a transport in test-results/, since the assertion shows only the first ones. */
function report(where: string, problems: string[]): void {
  if (problems.length === 0) return;
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/fuzz-${where}-problems.txt`, `${problems.join('\n')}\n`);
  console.warn(`[fuzz] ${problems.length} problems over the ${where}: see test-results/fuzz-${where}-problems.txt`);
}

function expectUnpolluted(): void {
  expect(({} as Record<string, unknown>).berthFuzzPolluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'berthFuzzPolluted')).toBe(false);
}

describe('IPC fuzz over both transports', () => {
  it('the Electron adapter answers every hostile request with a typed error, and refuses foreign frames', async () => {
    const trusted = { senderFrame: electron.frame, sender: { id: 1, on: () => undefined, once: () => undefined } };
    const foreign = { senderFrame: { url: 'https://evil.example/' }, sender: trusted.sender };
    const problems: string[] = [];
    for (const fuzzCase of cases) {
      await probe(
        problems,
        () => electron.handler!(trusted, fuzzCase.channel, fuzzCase.payload),
        fuzzCase,
        fuzzCase.kind === 'shape' ? 'refuse' : 'hostile',
        'adapter',
      );
      tally.adapter += 1;
    }
    for (const channel of [
      'containers:list',
      '__proto__',
      'constructor',
      'toString',
      'containers:list\u0000',
      'x'.repeat(100_000),
      42,
      null,
    ]) {
      const reply = (await electron.handler!(trusted, channel, {})) as Envelope<unknown>;
      if (!isChannel(channel)) expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      expect(await electron.handler!(foreign, channel, {})).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL' },
      });
    }
    report('adapter', problems);
    expect(problems.slice(0, 30)).toEqual([]);
    expectUnpolluted();
    expect((await core.router.handle('engine:status', {})).ok).toBe(true);
  }, 240_000);

  it('the WebSocket bridge of a real serve answers every hostile request with a typed error and stays up', async () => {
    const problems: string[] = [];
    let client = await BridgeClient.connect(serve);
    try {
      for (const fuzzCase of cases) {
        const id = client.takeId();
        let text = wireText(id, fuzzCase);
        if (text === 'unsendable') {
          tally.bridgeUnsendable += 1;
          continue;
        }
        if (text === null)
          text = `{"id":${id},"channel":${JSON.stringify(fuzzCase.channel)},"payload":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
        if (Buffer.byteLength(text) > BRIDGE_MAX_FRAME) {
          // Too big for the bridge: the socket is closed with 1009 (message too big), never read; a new one works.
          await expect(client.raw(id, text, REPLY_BOUND_MS)).rejects.toThrow(/closed \(1009\)/);
          tally.bridgeTooBig += 1;
          client = await BridgeClient.connect(serve);
          continue;
        }
        // What arrives is what JSON carried: NaN became null, a Map {}; such a request may now be well formed.
        const wire = (JSON.parse(text) as { payload: unknown }).payload;
        const refusable =
          fuzzCase.kind === 'shape' &&
          !channels[fuzzCase.channel].request.safeParse(wire === undefined ? {} : wire).success;
        if (fuzzCase.kind === 'shape' && !refusable) tally.bridgeBecameValid += 1;
        await probe(
          problems,
          () => client.raw(id, text, REPLY_BOUND_MS),
          fuzzCase,
          refusable ? 'refuse' : fuzzCase.kind === 'string' ? 'hostile' : 'well-formed',
          'bridge',
        );
        tally.bridge += 1;
        if (!client.open) {
          problems.push(`bridge ${fuzzCase.channel} ${fuzzCase.what}: the socket closed (${client.closeCode})`);
          if (!isAlive(serve.pid)) break;
          client = await BridgeClient.connect(serve);
        }
      }
      report('bridge', problems);
      expect(problems.slice(0, 30)).toEqual([]);
      expect(client.unmatched).toEqual([]);
      const status = await client.request('engine:status', {});
      expect(status).toMatchObject({ ok: true, data: { state: 'connected' } });
    } finally {
      await client.close();
    }
    // The serve process is still the one that started: it never crashed.
    expect(isAlive(serve.pid), serve.output().slice(-2000)).toBe(true);
  }, 240_000);

  it('nothing on the engine changed', async () => {
    expect(await engineSnapshot(docker)).toEqual(before);
  });
});
