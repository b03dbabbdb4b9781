// How the docker CLI names a registry in config.json and to credential helpers: Docker Hub under its legacy
// URL `https://index.docker.io/v1/`, every other registry under its host (`ghcr.io`, `127.0.0.1:5000`).
// Keys written by other tools may carry a scheme or a path; they match by host, as the CLI's own lookup does.
import { dockerHubConfigKey } from '../../shared/image-reference';

export { dockerHubConfigKey };

const hubHosts = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** The host of a config key or registry name: scheme and path dropped (the CLI's ConvertToHostname). */
export function hostnameOf(key: string): string {
  const withoutScheme = key.replace(/^https?:\/\//i, '');
  return withoutScheme.split('/', 1)[0].toLowerCase();
}

export function isDockerHub(registry: string): boolean {
  return hubHosts.has(hostnameOf(registry));
}

/** The key `docker login <registry>` writes: the Hub's legacy URL, else the host as given. */
export function configKeyFor(registry: string): string {
  return isDockerHub(registry) ? dockerHubConfigKey : hostnameOf(registry);
}

/** The name Berth shows and the contract uses: `docker.io` for the Hub. */
export function displayName(key: string): string {
  return isDockerHub(key) ? 'docker.io' : hostnameOf(key);
}

/** Whether a key found in a config (or a helper's list) names the same registry. */
export function sameRegistry(key: string, registry: string): boolean {
  return configKeyFor(key) === configKeyFor(registry);
}
