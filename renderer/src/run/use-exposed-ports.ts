// Owns reading which ports an image EXPOSEs (images:inspect) for the run dialog's "publish all", only while
// that switch is on: each becomes its own `-p ADDRESS::PORT`, because `-P` cannot say on which address.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { channelKey } from '../data/channel-query';
import { useBerthClient } from '../data/client-context';
import type { ExposedPorts } from './run-form-check';

export function useExposedPorts(image: string, wanted: boolean): ExposedPorts {
  const client = useBerthClient();
  const id = image.trim();
  // The General tab says what is wrong with an empty or spaced reference; no request for those.
  const valid = id !== '' && !/\s/.test(id);
  const query = useQuery({
    queryKey: channelKey('images:inspect', { id }),
    queryFn: () => client.invoke('images:inspect', { id }),
    enabled: wanted && valid,
    retry: false,
  });
  const ports = query.data?.config.exposedPorts;
  const failure = query.error;
  return useMemo((): ExposedPorts => {
    if (!wanted) return { state: 'known', ports: [] };
    if (!valid) return { state: 'unknown', message: 'Enter the image first: its exposed ports are published from it.' };
    if (ports) return { state: 'known', ports };
    if (failure) {
      return {
        state: 'unknown',
        message: `Berth cannot tell which ports ${id} exposes (${failure.message}). Pull it first, or add its ports below.`,
      };
    }
    return { state: 'loading' };
  }, [wanted, valid, ports, failure, id]);
}
