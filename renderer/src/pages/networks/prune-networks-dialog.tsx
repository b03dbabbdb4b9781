// Prune networks: removes every network without a running container (the built-in ones stay), then says which went.
import { PruneDialog } from '../../components/prune-dialog';
import { useChannelMutation } from '../../data/channel-query';

export function PruneNetworksDialog({ onClose }: { onClose: () => void }) {
  const mutation = useChannelMutation(
    'networks:prune',
    (_, queries) => void queries.invalidateQueries({ queryKey: ['networks:list'] }),
  );
  const done = mutation.data;
  return (
    <PruneDialog
      title="Prune networks"
      explanation="Removes every network no running container is on. The engine does not count stopped containers: one that used a removed network cannot start until it is connected to another. bridge, host and none stay."
      result={
        done
          ? done.deleted.length === 0
            ? 'No network was unused: nothing was removed.'
            : `Removed ${done.deleted.length} ${done.deleted.length === 1 ? 'network' : 'networks'}: ${done.deleted.join(', ')}.`
          : null
      }
      pending={mutation.isPending}
      error={mutation.error}
      onPrune={() => mutation.mutate({})}
      onClose={onClose}
    />
  );
}
