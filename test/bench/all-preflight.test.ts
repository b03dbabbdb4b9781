// Which benches run, and why one cannot run here: `--only` names, and each need checked through a probe, the
// first unmet one said with what to do.
import { describe, expect, it } from 'vitest';
import { argsFor, benches, selectBenches } from '../../bench/all-benches';
import { figureSpecs } from '../../bench/all-goals';
import { unmetNeed, type Probe } from '../../bench/all-preflight';

function probe(overrides: Partial<Probe> & { missing?: string[] } = {}): Probe {
  const missing = new Set(overrides.missing ?? []);
  return {
    isRoot: overrides.isRoot ?? (() => true),
    hasCommand: (name) => !missing.has(name),
    hasFile: (path) => !missing.has(path),
    vmImageProblem: overrides.vmImageProblem ?? (async () => undefined),
  };
}

describe('unmetNeed', () => {
  it('is undefined when every need is met', async () => {
    expect(await unmetNeed(['root', 'engine', 'chromium', 'build', 'qemu', 'vm-image'], probe(), '/repo/dist')).toBe(
      undefined,
    );
  });

  it('says root is needed, and why', async () => {
    const why = await unmetNeed(['root', 'engine'], probe({ isRoot: () => false }), '/repo/dist');
    expect(why).toMatch(/^needs root: it starts its own private engine/);
  });

  it('names the missing command and its Debian package', async () => {
    expect(await unmetNeed(['qemu'], probe({ missing: ['qemu-system-x86_64'] }), '/d')).toMatch(
      /^`qemu-system-x86_64` is not on PATH \(Debian package qemu-system-x86\)/,
    );
    expect(await unmetNeed(['registry'], probe({ missing: ['docker-registry'] }), '/d')).toMatch(/docker-registry/);
  });

  it('says Berth must be built when dist/main/cli.js is missing', async () => {
    expect(await unmetNeed(['build'], probe({ missing: ['/repo/dist/main/cli.js'] }), '/repo/dist')).toMatch(
      /npm run build/,
    );
  });

  it('passes on why no VM image was found', async () => {
    const vmImageProblem = async () => 'No VM image in /root/.cache/berth/vm: build it with `npm run vm:image`';
    expect(await unmetNeed(['root', 'vm-image'], probe({ vmImageProblem }), '/d')).toBe(
      'No VM image in /root/.cache/berth/vm: build it with `npm run vm:image`',
    );
  });
});

describe('the benches', () => {
  it('are the ones the issue names, each with its figures', () => {
    const names = benches.map((bench) => bench.name);
    for (const name of ['stats', 'pull', 'startup', 'ui', 'ops', 'vm']) expect(names).toContain(name);
    for (const name of names) expect(figureSpecs[name]?.length, name).toBeGreaterThan(0);
  });

  it('pass --quick only to the benches that have a quick mode', () => {
    const byName = (name: string) => benches.find((bench) => bench.name === name)!;
    expect(argsFor(byName('ui'), true)).toEqual(['--quick']);
    expect(argsFor(byName('ui'), false)).toEqual([]);
    expect(argsFor(byName('pull'), true)).toEqual([]);
    expect(argsFor(byName('vm-resume'), false)).toEqual(['--resume-only']);
  });

  it('selects with --only, in run order, and refuses a name that is no bench', () => {
    expect(selectBenches('ui,stats').map((bench) => bench.name)).toEqual(['stats', 'ui']);
    expect(selectBenches(undefined)).toBe(benches);
    expect(() => selectBenches('stats,nope')).toThrow(/names no bench: nope; the benches are stats, /);
    expect(() => selectBenches(',')).toThrow(/--only is empty/);
  });
});
