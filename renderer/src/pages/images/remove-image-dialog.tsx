// Remove: asks first, then removes the image by id. When the engine refuses (a container uses it, or it has
// several names) its message shows as it came, with "Force remove" to do it anyway.
import { Button } from 'react-aria-components';
import type { ImageSummary } from '@shared/image-types';
import { useChannelMutation } from '../../data/channel-query';
import { DialogFrame } from '../../components/dialog-frame';
import { imageLabel, usageText } from './image-model';

export function RemoveImageDialog({ image, onClose }: { image: ImageSummary; onClose: () => void }) {
  const mutation = useChannelMutation(
    'images:remove',
    (_, queries) => void queries.invalidateQueries({ queryKey: ['images:list'] }),
  );
  const name = imageLabel(image);
  const refused = mutation.error !== null;
  const remove = (force: boolean) => mutation.mutate({ id: image.id, force }, { onSuccess: onClose });
  const tags = image.repoTags.length;

  return (
    <DialogFrame
      isOpen
      onClose={onClose}
      role="alertdialog"
      isDismissable={!mutation.isPending}
      title={`Remove ${name}?`}
      actions={
        <>
          <Button className="button button-secondary" onPress={onClose} autoFocus>
            Cancel
          </Button>
          {refused ? (
            <Button className="button button-danger" onPress={() => remove(true)} isDisabled={mutation.isPending}>
              Force remove
            </Button>
          ) : (
            <Button className="button button-danger" onPress={() => remove(false)} isDisabled={mutation.isPending}>
              {mutation.isPending ? 'Removing…' : 'Remove'}
            </Button>
          )}
        </>
      }
    >
      <p>
        {tags > 1
          ? `All ${tags} names of this image are removed, and its layers unless another image shares them.`
          : 'The image and the layers no other image shares are deleted.'}{' '}
        {image.containers > 0 && `${usageText(image.containers)}.`}
      </p>
      {mutation.error && (
        <div role="alert" className="alert alert-error dialog-alert">
          <div className="alert-text">
            <strong className="alert-title">The engine refused</strong>
            <span className="alert-message">{mutation.error.message}</span>
            <span>
              Force remove does it anyway: every name goes, and containers using it keep running on the bare image id.
            </span>
          </div>
        </div>
      )}
    </DialogFrame>
  );
}
