// The pull box at the top of the Images page: takes what `docker pull` takes, checks it as the user types
// with docker's own rules (the core checks again), and starts the pull on Enter or Pull. Progress then shows
// in the transfers panel below; a refusal from the core shows under the field.
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTransferActions } from '../../transfers/use-transfers';
import { checkPullReference } from './image-model';
import { ReferenceField } from '../../components/reference-field';
import { errorMessage } from '@shared/error-message';

export function PullBox() {
  const { start } = useTransferActions();
  const [text, setText] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const check = checkPullReference(text);
  const problem = check.ok || check.empty ? null : check.message;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!check.ok || starting) return;
    setStarting(true);
    setRefusal(null);
    start('pull', text.trim())
      .then(() => setText(''))
      .catch((error: unknown) => setRefusal(errorMessage(error)))
      .finally(() => setStarting(false));
  };

  return (
    <Form className="pull-box" onSubmit={submit} aria-label="Pull an image" validationBehavior="aria">
      <ReferenceField
        label="Image to pull"
        className="pull-field"
        value={text}
        onChange={(value) => {
          setText(value);
          setRefusal(null);
        }}
        error={
          refusal !== null
            ? `The core refused it: ${refusal}`
            : problem !== null
              ? `Not a valid reference: ${problem}`
              : null
        }
        description={
          check.ok
            ? `Pulls ${check.normalised}`
            : 'A name, optionally with a registry, a :tag or an @sha256 digest, as docker pull takes it.'
        }
        placeholder="nginx:1.27, ghcr.io/org/app:tag, 127.0.0.1:5000/team/app"
      />
      <Button type="submit" className="button pull-button" isDisabled={!check.ok || starting}>
        {starting ? 'Starting…' : 'Pull'}
      </Button>
    </Form>
  );
}
