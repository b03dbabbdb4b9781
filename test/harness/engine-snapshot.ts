// Owns "what is on the engine" for tests that must prove they changed nothing: containers, images, volumes and
// networks as one sorted, comparable object.
import type Dockerode from 'dockerode';

export interface EngineSnapshot {
  containers: string[];
  images: string[];
  volumes: string[];
  networks: string[];
}

export async function engineSnapshot(docker: Dockerode): Promise<EngineSnapshot> {
  const [containers, images, volumes, networks] = await Promise.all([
    docker.listContainers({ all: true }),
    docker.listImages({ all: true }),
    docker.listVolumes(),
    docker.listNetworks(),
  ]);
  return {
    containers: containers.map((c) => `${c.Id} ${c.Names.join(',')} ${c.State} ${c.Image}`).sort(),
    images: images.map((i) => `${i.Id} ${(i.RepoTags ?? []).join(',')}`).sort(),
    volumes: (volumes.Volumes ?? []).map((v) => v.Name).sort(),
    networks: networks.map((n) => `${n.Id} ${n.Name}`).sort(),
  };
}
