// The docker CLI's requests read as HTTP/1.1: creates held until judged, everything else forwarded at once and
// unchanged, however the bytes are split, and the rest of a connection passed through after an upgrade.
import { describe, expect, it } from 'vitest';
import { CreateRequestFilter, type FilterStep } from '../../../../../main/core/engines/vm/create-request-filter';

const refuseOpt = (body: Buffer) => (body.toString().includes('/opt') ? 'outside' : null);

function request(method: string, path: string, body = '', headers: string[] = []): string {
  const length = body === '' && method === 'GET' ? [] : [`Content-Length: ${Buffer.byteLength(body)}`];
  return [`${method} ${path} HTTP/1.1`, 'Host: api.moby.localhost', ...length, ...headers, '', body].join('\r\n');
}

function chunked(path: string, parts: string[]): string {
  const head = [`POST ${path} HTTP/1.1`, 'Host: x', 'Transfer-Encoding: chunked', '', ''].join('\r\n');
  const chunks = parts.map((part) => `${Buffer.byteLength(part).toString(16)};ext=1\r\n${part}\r\n`).join('');
  return `${head}${chunks}0\r\nX-Trailer: y\r\n\r\n`;
}

/** Feeds `input` in pieces of `size` bytes; returns the forwarded bytes and the refusals. */
function feed(input: string, size: number): { forwarded: string; refusals: string[] } {
  const filter = new CreateRequestFilter(refuseOpt);
  const steps: FilterStep[] = [];
  const bytes = Buffer.from(input);
  for (let at = 0; at < bytes.length; at += size) steps.push(...filter.push(bytes.subarray(at, at + size)));
  steps.push(...filter.flush());
  return {
    forwarded: Buffer.concat(steps.flatMap((step) => ('forward' in step ? [step.forward] : []))).toString(),
    refusals: steps.flatMap((step) => ('refuse' in step ? [step.refuse] : [])),
  };
}

const sizes = [1, 3, 7, 64, 100_000];

describe('the create request filter', () => {
  it('forwards a kept-alive sequence of requests unchanged, creates included, split anyhow', () => {
    const input =
      request('GET', '/_ping') +
      request('POST', '/v1.41/containers/create?name=a', '{"HostConfig":{"Binds":["/home/me:/x"]}}') +
      chunked('/v1.41/build', ['abc', 'defgh']) +
      chunked('/containers/create', ['{"Image":', '"busybox"}']) +
      request('POST', '/v1.41/containers/abc/start');
    for (const size of sizes)
      expect(feed(input, size), `pieces of ${size}`).toEqual({ forwarded: input, refusals: [] });
  });

  it('refuses a create the judge refuses, after forwarding what came before, and forwards nothing after', () => {
    const before = request('GET', '/_ping');
    const create = request('POST', '/v1.51/containers/create', '{"HostConfig":{"Binds":["/opt:/x"]}}');
    for (const size of sizes)
      expect(feed(before + create + request('GET', '/_ping'), size), `pieces of ${size}`).toEqual({
        forwarded: before,
        refusals: ['outside'],
      });
    expect(feed(chunked('/containers/create', ['{"Binds":', '["/opt:/x"]}']), 5).refusals).toEqual(['outside']);
  });

  it('judges only POST …/containers/create, not a container named create', () => {
    const input = request('POST', '/v1.41/containers/create/start', '/opt') + request('GET', '/containers/create');
    expect(feed(input, 4)).toEqual({ forwarded: input, refusals: [] });
  });

  it('passes the rest of the connection through after an upgrade (a hijacked attach) or bytes it cannot read', () => {
    const attach = request('POST', '/v1.41/containers/a/attach?stream=1', '', ['Connection: Upgrade', 'Upgrade: tcp']);
    const stream = attach + request('POST', '/containers/create', '{"Binds":["/opt:/x"]}');
    expect(feed(stream, 5)).toEqual({ forwarded: stream, refusals: [] });
    const garbage = 'NOT HTTP\r\n\r\n' + request('POST', '/containers/create', '/opt');
    expect(feed(garbage, 5)).toEqual({ forwarded: garbage, refusals: [] });
  });

  it('forwards what a client sent before closing mid-request', () => {
    const partial = request('POST', '/containers/create', '{"HostConfig":{}}').slice(0, -5);
    expect(feed(partial, 8)).toEqual({ forwarded: partial, refusals: [] });
  });
});
