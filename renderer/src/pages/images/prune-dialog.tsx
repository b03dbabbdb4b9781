// Prune: removes dangling images only (`docker image prune`) or every image no container uses (`-a`), then
// says how much was deleted and how much space came back.
import { useState } from 'react';
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { PruneDialog } from '../../components/prune-dialog';
import { useChannelMutation } from '../../data/channel-query';
import { pruneOutcome } from './image-model';

export function PruneImagesDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
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
    <PruneDialog
      isOpen={isOpen}
      title="Prune images"
      explanation={
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
      }
      result={done ? pruneOutcome(done) : null}
      pending={mutation.isPending}
      error={mutation.error}
      onPrune={() => mutation.mutate({ all: scope === 'unused' })}
      onClose={close}
    />
  );
}
