// Owns test containers: an idle container to look at, and removing everything tests created.
import type Dockerode from 'dockerode';

/** Label on every container the harness creates, so cleanup never touches anything else. */
export const TEST_LABEL = 'berth.test';

export interface TestContainerOptions {
  image: string;
  name?: string;
  cmd: string[];
  hostConfig?: Dockerode.HostConfig & { NanoCpus?: number };
}

/** Creates and starts a container labelled `berth.test=1`. */
export async function runTestContainer(docker: Dockerode, options: TestContainerOptions): Promise<Dockerode.Container> {
  const container = await docker.createContainer({
    Image: options.image,
    name: options.name,
    Cmd: options.cmd,
    Labels: { [TEST_LABEL]: '1' },
    HostConfig: options.hostConfig,
    // A shell or sleep as PID 1 ignores SIGTERM; a short stop timeout keeps `stop` from waiting the default 10 s.
    StopTimeout: 1,
  });
  await container.start();
  return container;
}

/** Creates and starts a container that idles for an hour (`sleep 3600`), labelled `berth.test=1`. */
export function runIdleContainer(docker: Dockerode, image: string, name?: string): Promise<Dockerode.Container> {
  return runTestContainer(docker, { image, name, cmd: ['sleep', '3600'] });
}

/** Force-removes every container labelled `berth.test`; returns how many were removed. */
export async function removeTestContainers(docker: Dockerode): Promise<number> {
  const containers = await docker.listContainers({ all: true, filters: { label: [TEST_LABEL] } });
  await Promise.all(containers.map((info) => docker.getContainer(info.Id).remove({ force: true, v: true })));
  return containers.length;
}
