// Prune: removes every network without a running container (the built-in ones stay), then says which went.
import { Button } from 'react-aria-components';
import { DialogFrame } from '../../components/dialog-frame';
import { ErrorAlert } from '../../components/error-alert';
import { useChannelMutation } from '../../data/channel-query';

export function PruneNetworksDialog({ onClose }: { onClose: () => void }) {
  const mutation = useChannelMutation(
    'networks:prune',
    (_, queries) => void queries.invalidateQueries({ queryKey: ['networks:list'] }),
  );
  const done = mutation.data;
  return (
    <DialogFrame
      isOpen
      onClose={onClose}
      isDismissable={!mutation.isPending}
      title="Prune networks"
      role="alertdialog"
      actions={
        done ? (
          <Button className="button" onPress={onClose} autoFocus>
            Close
          </Button>
        ) : (
          <>
            <Button className="button button-secondary" onPress={onClose} autoFocus>
              Cancel
            </Button>
            <Button
              className="button button-danger"
              isDisabled={mutation.isPending}
              onPress={() => mutation.mutate({})}
            >
              {mutation.isPending ? 'Pruning…' : 'Prune'}
            </Button>
          </>
        )
      }
    >
      {done ? (
        <p role="status">
          {done.deleted.length === 0
            ? 'No network was unused: nothing was removed.'
            : `Removed ${done.deleted.length} ${done.deleted.length === 1 ? 'network' : 'networks'}: ${done.deleted.join(', ')}.`}
        </p>
      ) : (
        <p>
          Removes every network no running container is on. The engine does not count stopped containers: one that used
          a removed network cannot start until it is connected to another. bridge, host and none stay.
        </p>
      )}
      {mutation.error && <ErrorAlert title="Could not prune" message={mutation.error.message} />}
    </DialogFrame>
  );
}
