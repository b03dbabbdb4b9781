// ImagesService without an engine: events become images:changed, and the engine's answers map to the shared types.
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import type { EngineConnection, EngineEvent } from '../../../../main/core/connection/engine-connection';
import { EventHub } from '../../../../main/core/ipc/event-hub';
import { silentLogger } from '../../../../main/core/logger';
import {
  countByImage,
  ImagesService,
  toHistoryEntry,
  toImageDetail,
} from '../../../../main/core/resources/images-service';

function fakeConnection() {
  let onEvent: (event: EngineEvent) => void = () => undefined;
  let onConnected: () => void = () => undefined;
  const connection = {
    client: () => ({}) as Dockerode,
    onEngineEvent: (listener: (event: EngineEvent) => void) => ((onEvent = listener), () => undefined),
    onConnected: (listener: () => void) => ((onConnected = listener), () => undefined),
  };
  return {
    connection: connection as unknown as EngineConnection,
    emit: (e: EngineEvent) => onEvent(e),
    connect: () => onConnected(),
  };
}

const event = (Type: string, Action: string, ID: string): EngineEvent => ({
  Type,
  Action,
  Actor: { ID, Attributes: {} },
  time: 1,
});

describe('ImagesService', () => {
  it('turns image events (and container create/destroy, which change usage) into images:changed, and resyncs on connect', () => {
    const hub = new EventHub();
    const seen: unknown[] = [];
    hub.subscribe((name, payload) => name === 'images:changed' && seen.push(payload));
    const fake = fakeConnection();
    new ImagesService(fake.connection, hub, silentLogger);
    fake.emit(event('image', 'tag', 'sha256:1'));
    fake.emit(event('image', 'delete', 'sha256:2'));
    fake.emit(event('container', 'start', 'c1'));
    fake.emit(event('container', 'destroy', 'c1'));
    fake.emit(event('volume', 'create', 'v'));
    fake.connect();
    expect(seen).toEqual([
      { id: 'sha256:1', action: 'tag' },
      { id: 'sha256:2', action: 'delete' },
      { id: null, action: 'container-destroy' },
      { id: null, action: 'resync' },
    ]);
  });

  it('counts containers per image id', () => {
    expect(countByImage([{ ImageID: 'a' }, { ImageID: 'b' }, { ImageID: 'a' }, { ImageID: '' }])).toEqual(
      new Map([
        ['a', 2],
        ['b', 1],
      ]),
    );
  });

  it('maps an inspect with the containers that use it', () => {
    const info = {
      Id: 'sha256:i',
      RepoTags: ['web:1', '<none>:<none>'],
      RepoDigests: [],
      Created: '2026-01-01T00:00:00Z',
      Size: 42,
      Architecture: 'amd64',
      Os: 'linux',
      Author: '',
      Config: {
        Cmd: ['httpd'],
        Entrypoint: '/init',
        Env: ['A=1'],
        ExposedPorts: { '80/tcp': {} },
        WorkingDir: '/',
        User: '',
        Labels: null,
        Volumes: null,
      },
      RootFS: { Type: 'layers', Layers: ['sha256:l1'] },
    } as unknown as Dockerode.ImageInspectInfo;
    const containers = [
      { Id: 'c1', Names: ['/one'], ImageID: 'sha256:i', State: 'running' },
      { Id: 'c2', Names: ['/two'], ImageID: 'sha256:other', State: 'exited' },
    ] as Dockerode.ContainerInfo[];
    expect(toImageDetail(info, containers)).toEqual({
      id: 'sha256:i',
      repoTags: ['web:1'],
      repoDigests: [],
      created: '2026-01-01T00:00:00Z',
      sizeBytes: 42,
      architecture: 'amd64',
      os: 'linux',
      author: '',
      config: {
        cmd: ['httpd'],
        entrypoint: ['/init'],
        env: ['A=1'],
        exposedPorts: ['80/tcp'],
        workingDir: '/',
        user: '',
        labels: {},
        volumes: [],
      },
      layers: ['sha256:l1'],
      containers: [{ id: 'c1', name: 'one', state: 'running' }],
    });
  });

  it('maps history entries, keeping <missing>', () => {
    expect(
      toHistoryEntry({ Id: '<missing>', Created: 5, CreatedBy: '/bin/sh -c x', Size: 3, Comment: '', Tags: null }),
    ).toEqual({
      id: '<missing>',
      created: 5,
      createdBy: '/bin/sh -c x',
      sizeBytes: 3,
      comment: '',
      tags: [],
    });
  });
});
