// Tag: gives the image another name (`docker tag`), checked as typed with docker's rules; the core's
// refusal shows in place and the dialog stays open, so the name can be fixed.
import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { ImageSummary } from '@shared/image-types';
import { useChannelMutation } from '../../data/channel-query';
import { DialogFrame } from '../../components/dialog-frame';
import { imageLabel, tagTarget } from './image-model';
import { ReferenceField } from '../../components/reference-field';

export function TagDialog({ image, onClose }: { image: ImageSummary; onClose: () => void }) {
  const [text, setText] = useState(image.repoTags[0] ?? '');
  const [touched, setTouched] = useState(false);
  const mutation = useChannelMutation(
    'images:tag',
    (_, queries) => void queries.invalidateQueries({ queryKey: ['images:list'] }),
  );
  const target = tagTarget(text);
  const problem = touched && !target.ok ? target.message : null;
  const refusal = mutation.error?.message ?? null;
  const submit = () => {
    setTouched(true);
    if (!target.ok) return;
    mutation.mutate({ id: image.id, repository: target.repository, tag: target.tag }, { onSuccess: onClose });
  };
  const formId = 'tag-image-form';

  return (
    <DialogFrame
      isOpen
      onClose={onClose}
      isDismissable={!mutation.isPending}
      title={`Tag ${imageLabel(image)}`}
      actions={
        <>
          <Button className="button button-secondary" onPress={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            form={formId}
            className="button"
            isDisabled={mutation.isPending || (touched && !target.ok)}
          >
            {mutation.isPending ? 'Tagging…' : 'Tag'}
          </Button>
        </>
      }
    >
      <Form
        id={formId}
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <ReferenceField
          label="New name"
          value={text}
          onChange={(value) => {
            setText(value);
            setTouched(true);
            mutation.reset();
          }}
          error={refusal ?? (problem !== null ? `Not a valid name: ${problem}` : null)}
          description={
            target.ok
              ? `Adds ${target.shown}; the image keeps its other names.`
              : 'repository[:tag], e.g. 127.0.0.1:5000/team/app:1.0'
          }
          autoFocus
        />
      </Form>
    </DialogFrame>
  );
}
