// What the Networks page shows of one network beyond its list row: addresses, options and the containers
// attached (running ones with their addresses, stopped ones as configured).

export interface NetworkSubnet {
  subnet: string;
  gateway: string | null;
}

export interface NetworkEndpoint {
  /** The container's full id. */
  id: string;
  name: string;
  /** `running`, `exited`…; a stopped container keeps its network but has no address. */
  state: string;
  ipv4: string | null;
  ipv6: string | null;
  mac: string | null;
  aliases: string[];
}

export interface NetworkDetail {
  id: string;
  name: string;
  driver: string;
  scope: string;
  internal: boolean;
  attachable: boolean;
  /** bridge, host and none: they come with the engine and cannot be removed. */
  predefined: boolean;
  created: string;
  subnets: NetworkSubnet[];
  labels: Record<string, string>;
  options: Record<string, string>;
  containers: NetworkEndpoint[];
}

export interface NetworkPruneResult {
  deleted: string[];
}
