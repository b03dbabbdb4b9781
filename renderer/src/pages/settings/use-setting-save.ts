// Saves a part of the settings through settings:update and puts the answer in the settings query, so every
// section shows what the core kept.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestOf } from '@shared/contract';
import type { SettingsView } from '@shared/settings-types';
import { channelKey } from '../../data/channel-query';
import { useBerthClient } from '../../data/client-context';

export function useSettingSave() {
  const client = useBerthClient();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (patch: RequestOf<'settings:update'>) => client.invoke('settings:update', patch),
    onSuccess: (view: SettingsView) => queries.setQueryData(channelKey('settings:get', {}), view),
  });
}
