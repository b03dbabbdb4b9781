// Prune: removes dangling images only (`docker image prune`) or every image no container uses (`-a`), then
// says how much was deleted and how much space came back.
import { useState } from 'react';
import { Button, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { ErrorAlert } from '../../components/error-alert';
import { useChannelMutation } from '../../data/channel-query';
import { DialogFrame } from '../../components/dialog-frame';
import { pruneOutcome } from './image-model';

export function PruneDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const [scope, setScope] = useState<'dangling' | 'unused'>('dangling');
  const mutation = useChannelMutation(
    'images:prune',
    (_, queries) => void queries.invalidateQueries({ queryKey: ['images:list'] }),
  );
  const close = () => {
    mutation.reset();
    onClose();
  };
  const done = mutation.data;

  return (
    <DialogFrame
      isOpen={isOpen}
      onClose={close}
      isDismissable={!mutation.isPending}
      title="Prune images"
      actions={
        done ? (
          <Button className="button" onPress={close} autoFocus>
            Close
          </Button>
        ) : (
          <>
            <Button className="button button-secondary" onPress={close} autoFocus>
              Cancel
            </Button>
            <Button
              className="button button-danger"
              isDisabled={mutation.isPending}
              onPress={() => mutation.mutate({ all: scope === 'unused' })}
            >
              {mutation.isPending ? 'Pruning…' : 'Prune'}
            </Button>
          </>
        )
      }
    >
      {done ? (
        <p role="status" className="prune-outcome">
          {pruneOutcome(done)}
        </p>
      ) : (
        <RadioGroup
          className="radio-group"
          value={scope}
          onChange={(value) => setScope(value as 'dangling' | 'unused')}
          isDisabled={mutation.isPending}
        >
          <Label className="field-label">What to remove</Label>
          <Radio value="dangling" className="radio">
            <span className="radio-circle" aria-hidden="true" />
            Dangling images only
          </Radio>
          <Radio value="unused" className="radio">
            <span className="radio-circle" aria-hidden="true" />
            All unused images
          </Radio>
          <Text slot="description" className="field-description">
            Dangling images are untagged ones, usually left behind by a newer pull or build of the same name. All unused
            also removes tagged images no container uses; they must be pulled again to run.
          </Text>
        </RadioGroup>
      )}
      {mutation.error && <ErrorAlert title="Could not prune" message={mutation.error.message} />}
    </DialogFrame>
  );
}
