import { describe, expect, it } from 'vitest';
import { DEFAULT_REMOTE_SOCKET, parseRemoteSocket } from '../../../../../main/core/engines/ssh/remote-socket';

describe('parseRemoteSocket', () => {
  it("uses the remote user's DOCKER_HOST when it is a unix socket", () => {
    expect(parseRemoteSocket('berth-socket env unix:///run/user/1000/docker.sock\n')).toEqual({
      path: '/run/user/1000/docker.sock',
      source: 'DOCKER_HOST on that machine',
    });
  });

  it('ignores what shell start-up files print around the answer', () => {
    expect(parseRemoteSocket('Welcome to box!\nberth-socket rootless unix:///run/user/5/docker.sock\n')).toMatchObject({
      path: '/run/user/5/docker.sock',
    });
  });

  it('falls back to the default socket when the shell said nothing usable', () => {
    expect(parseRemoteSocket('')).toMatchObject({ path: DEFAULT_REMOTE_SOCKET });
    expect(parseRemoteSocket('berth-socket default unix:///var/run/docker.sock\n')).toMatchObject({
      path: '/var/run/docker.sock',
    });
  });

  it('says what to fix when the remote DOCKER_HOST is not a local socket', () => {
    expect(parseRemoteSocket('berth-socket env tcp://10.0.0.5:2375\n')).toEqual({
      problem: expect.stringContaining('DOCKER_HOST=tcp://10.0.0.5:2375 on that machine is not a unix socket'),
    });
    expect(parseRemoteSocket('berth-socket env unix://relative\n')).toEqual({
      problem: expect.stringContaining('is not a valid engine address'),
    });
  });
});
