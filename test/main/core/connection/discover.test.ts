import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contextDigest } from '../../../../main/core/connection/docker-config';
import { discoverEngine } from '../../../../main/core/connection/discover';
import { FakeMachine, home } from './discover-fixture';

let machine: FakeMachine;
beforeEach(() => {
  machine = new FakeMachine();
});
afterEach(() => machine.remove());

const hosts = (env: Record<string, string> = {}, platform: NodeJS.Platform = 'linux', pipes: string[] = []) =>
  discoverEngine(machine.deps(env, platform, pipes)).targets.map((t) => t.endpoint.host);

describe('discovery order', () => {
  it('DOCKER_HOST wins over DOCKER_CONTEXT, currentContext and existing sockets', () => {
    machine
      .write('/var/run/docker.sock')
      .write(`${home}/.docker/config.json`, JSON.stringify({ currentContext: 'remote' }))
      .context('remote', { Host: 'ssh://me@remote' })
      .context('other', { Host: 'tcp://other:2375' });
    const result = discoverEngine(machine.deps({ DOCKER_HOST: 'unix:///tmp/my.sock', DOCKER_CONTEXT: 'other' }));
    expect(result.problem).toBeNull();
    expect(result.targets.map((t) => t.endpoint)).toEqual([{ host: 'unix:///tmp/my.sock', source: 'DOCKER_HOST' }]);
  });

  it('DOCKER_CONTEXT wins over config.json currentContext', () => {
    machine
      .write(`${home}/.docker/config.json`, JSON.stringify({ currentContext: 'remote' }))
      .context('remote', { Host: 'ssh://me@remote' })
      .context('rootless', { Host: 'unix:///run/user/1000/docker.sock' });
    const result = discoverEngine(machine.deps({ DOCKER_CONTEXT: 'rootless' }));
    expect(result.targets.map((t) => t.endpoint)).toEqual([
      { host: 'unix:///run/user/1000/docker.sock', source: 'context', label: 'rootless' },
    ]);
  });

  it('uses config.json currentContext, read from DOCKER_CONFIG when set', () => {
    machine.write('/etc/dockercfg/config.json', JSON.stringify({ currentContext: 'remote' }));
    machine.write(
      `/etc/dockercfg/contexts/meta/${contextDigest('remote')}/meta.json`,
      JSON.stringify({ Name: 'remote', Endpoints: { docker: { Host: 'tcp://10.0.0.5:2375' } } }),
    );
    expect(hosts({ DOCKER_CONFIG: '/etc/dockercfg' })).toEqual(['tcp://10.0.0.5:2375']);
  });

  it('an explicit context is the only candidate even when default sockets exist', () => {
    machine.write('/var/run/docker.sock').context('remote', { Host: 'ssh://me@remote' });
    expect(hosts({ DOCKER_CONTEXT: 'remote' })).toEqual(['ssh://me@remote']);
  });

  it('currentContext "default" falls through to the default sockets', () => {
    machine
      .write('/var/run/docker.sock')
      .write(`${home}/.docker/config.json`, JSON.stringify({ currentContext: 'default', auths: {} }));
    expect(hosts()).toEqual(['unix:///var/run/docker.sock']);
  });

  it('DOCKER_CONTEXT=default also means the default sockets', () => {
    machine
      .write('/var/run/docker.sock')
      .write(`${home}/.docker/config.json`, JSON.stringify({ currentContext: 'remote' }));
    expect(hosts({ DOCKER_CONTEXT: 'default' })).toEqual(['unix:///var/run/docker.sock']);
  });
});

describe('default sockets', () => {
  const runtime = '/run/user/1000';

  it('lists only the sockets that exist, in the docker CLI order, labelled', () => {
    machine.write('/var/run/docker.sock').write(`${runtime}/podman/podman.sock`);
    const result = discoverEngine(machine.deps({ XDG_RUNTIME_DIR: runtime }));
    expect(result.targets.map((t) => t.endpoint)).toEqual([
      { host: 'unix:///var/run/docker.sock', source: 'default-socket', label: 'docker' },
      { host: `unix://${runtime}/podman/podman.sock`, source: 'default-socket', label: 'podman rootless' },
    ]);
  });

  it('orders system docker, rootless docker, rootless podman, system podman', () => {
    machine
      .write('/run/podman/podman.sock')
      .write(`${runtime}/podman/podman.sock`)
      .write(`${runtime}/docker.sock`)
      .write('/var/run/docker.sock');
    expect(discoverEngine(machine.deps({ XDG_RUNTIME_DIR: runtime })).targets.map((t) => t.endpoint.label)).toEqual([
      'docker',
      'docker rootless',
      'podman rootless',
      'podman',
    ]);
  });

  it('finds a rootless engine alone', () => {
    machine.write(`${runtime}/docker.sock`);
    expect(hosts({ XDG_RUNTIME_DIR: runtime })).toEqual([`unix://${runtime}/docker.sock`]);
  });

  it('reports every place it looked when nothing exists', () => {
    const result = discoverEngine(machine.deps({ XDG_RUNTIME_DIR: runtime }));
    expect(result.targets).toEqual([]);
    expect(result.problem).toBeNull();
    expect(result.searched).toEqual([
      'unix:///var/run/docker.sock',
      `unix://${runtime}/docker.sock`,
      `unix://${runtime}/podman/podman.sock`,
      'unix:///run/podman/podman.sock',
      `unix://${home}/.docker/desktop/docker.sock`,
    ]);
  });

  it('finds Docker Desktop on macOS under ~/.docker/run', () => {
    machine.write(`${home}/.docker/run/docker.sock`);
    expect(discoverEngine(machine.deps({}, 'darwin')).targets.map((t) => t.endpoint)).toEqual([
      { host: `unix://${home}/.docker/run/docker.sock`, source: 'default-socket', label: 'Docker Desktop' },
    ]);
  });

  it('lists the named pipes that are open on Windows', () => {
    expect(hosts({}, 'win32', ['openssh-ssh-agent', 'podman-machine-default'])).toEqual([
      'npipe:////./pipe/podman-machine-default',
    ]);
    expect(hosts({}, 'win32', ['docker_engine', 'podman-machine-default'])).toEqual([
      'npipe:////./pipe/docker_engine',
      'npipe:////./pipe/podman-machine-default',
    ]);
  });
});

describe('problems the user can act on', () => {
  it.each([
    ['http://localhost:2375', 'the scheme "http://" is not one the engine speaks'],
    ['unix://relative/docker.sock', 'is not absolute'],
    ['tcp://localhost:notaport', 'it is not a valid tcp:// URL'],
    ['ssh://', 'it names no host'],
    ['ssh://me@box/var/run/docker.sock', 'extra path'],
  ])('DOCKER_HOST=%s is refused with a reason', (value, reason) => {
    const result = discoverEngine(machine.deps({ DOCKER_HOST: value }));
    expect(result.targets).toEqual([]);
    expect(result.problem).toContain(`DOCKER_HOST=${value} is not a valid engine address: `);
    expect(result.problem).toContain(reason);
  });

  it('a corrupt meta.json names the context, the file and what to do', () => {
    const file = `${home}/.docker/contexts/meta/${contextDigest('broken')}/meta.json`;
    machine
      .write(`${home}/.docker/config.json`, JSON.stringify({ currentContext: 'broken' }))
      .write(file, '{"Name": "broken", "Endp');
    const result = discoverEngine(machine.deps());
    expect(result.targets).toEqual([]);
    expect(result.problem).toMatch(
      /^The docker context "broken" \(the current context in config\.json\) has a corrupt /,
    );
    expect(result.problem).toContain(file);
    expect(result.problem).toContain('docker context use default');
  });

  it('a context without a docker endpoint is a problem, not a crash', () => {
    machine.context('empty', {});
    expect(discoverEngine(machine.deps({ DOCKER_CONTEXT: 'empty' })).problem).toContain('has no docker endpoint host');
  });

  it('a context that does not exist says so', () => {
    const result = discoverEngine(machine.deps({ DOCKER_CONTEXT: 'nope' }));
    expect(result.problem).toMatch(/^The docker context "nope" \(from DOCKER_CONTEXT\) does not exist/);
  });

  it('a corrupt config.json is a warning; the default sockets are still used', () => {
    machine.write('/var/run/docker.sock').write(`${home}/.docker/config.json`, '{ not json');
    const result = discoverEngine(machine.deps());
    expect(result.problem).toBeNull();
    expect(result.targets.map((t) => t.endpoint.host)).toEqual(['unix:///var/run/docker.sock']);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain(`${home}/.docker/config.json is not valid JSON`);
  });
});

describe('TLS and SSH', () => {
  it('tcp with DOCKER_TLS_VERIFY reads the PEM files from DOCKER_CERT_PATH and defaults to port 2376', () => {
    machine.write('/certs/ca.pem', 'CA').write('/certs/cert.pem', 'CERT').write('/certs/key.pem', 'KEY');
    const [target] = discoverEngine(
      machine.deps({ DOCKER_HOST: 'tcp://engine.example', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' }),
    ).targets;
    expect(target.endpoint.host).toBe('tcp://engine.example:2376');
    expect(target.address).toEqual({ kind: 'tcp', host: 'engine.example', port: 2376 });
    expect(target.tls).toEqual({ ca: 'CA', cert: 'CERT', key: 'KEY', verify: true });
  });

  it('tcp without TLS variables is plain HTTP on 2375', () => {
    const [target] = discoverEngine(machine.deps({ DOCKER_HOST: 'localhost' })).targets;
    expect(target.endpoint.host).toBe('tcp://localhost:2375');
    expect(target.tls).toBeNull();
  });

  it('a client certificate without its key is a problem', () => {
    machine.write('/certs/cert.pem', 'CERT');
    const result = discoverEngine(
      machine.deps({ DOCKER_HOST: 'tcp://e:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' }),
    );
    expect(result.problem).toContain('cert.pem but no key.pem');
  });

  it('a context keeps its TLS files and SkipTLSVerify', () => {
    machine.context('secure', { Host: 'tcp://10.1.1.1:2376', SkipTLSVerify: true }, { ca: 'CA', cert: 'C', key: 'K' });
    const [target] = discoverEngine(machine.deps({ DOCKER_CONTEXT: 'secure' })).targets;
    expect(target.tls).toEqual({ ca: 'CA', cert: 'C', key: 'K', verify: false });
  });

  it('ssh keeps user and port, and the agent socket', () => {
    const [target] = discoverEngine(
      machine.deps({ DOCKER_HOST: 'ssh://me@box.example:2222', SSH_AUTH_SOCK: '/tmp/agent.sock' }),
    ).targets;
    expect(target.endpoint).toEqual({ host: 'ssh://me@box.example:2222', source: 'DOCKER_HOST' });
    expect(target.address).toEqual({ kind: 'ssh', host: 'box.example', port: 2222, user: 'me' });
    expect(target.sshAgent).toBe('/tmp/agent.sock');
    expect(target.tls).toBeNull();
  });
});
