// Log in: registry, user name and password. The core verifies them with the registry before saving
// anything; a refusal shows here as the registry said it, and a success says where the credentials went.
import { useState } from 'react';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import type { KnownRegistry } from '@shared/registry-types';
import { ErrorAlert } from '../../components/error-alert';
import { useChannelMutation } from '../../data/channel-query';
import { DialogFrame } from '../../components/dialog-frame';
import { registryProblem, savedToText } from './registry-model';

export interface LoginDialogProps {
  /** Prefilled when logging in again to a known registry. */
  registry: string;
  known: readonly KnownRegistry[];
  onClose: () => void;
}

export function LoginDialog({ registry: initial, known, onClose }: LoginDialogProps) {
  const [registry, setRegistry] = useState(initial);
  const [username, setUsername] = useState(known.find((entry) => entry.registry === initial)?.username ?? '');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const mutation = useChannelMutation(
    'registries:login',
    (_, queries) => void queries.invalidateQueries({ queryKey: ['registries:list'] }),
  );
  const problem = registryProblem(registry);
  const complete = problem === null && username.trim() !== '' && password !== '';
  const formId = 'registry-login-form';
  const done = mutation.data;

  return (
    <DialogFrame
      isOpen
      onClose={onClose}
      isDismissable={!mutation.isPending}
      title={done ? `Logged in to ${done.registry}` : 'Log in to a registry'}
      actions={
        done ? (
          <Button className="button" onPress={onClose} autoFocus>
            Close
          </Button>
        ) : (
          <>
            <Button className="button button-secondary" onPress={onClose}>
              Cancel
            </Button>
            <Button type="submit" form={formId} className="button" isDisabled={mutation.isPending}>
              {mutation.isPending ? 'Checking…' : 'Log in'}
            </Button>
          </>
        )
      }
    >
      {done ? (
        <div role="status" className="login-done">
          <p>
            {done.status || 'Login Succeeded'} as <strong>{done.username}</strong>.
          </p>
          <p>{savedToText(done)}</p>
        </div>
      ) : (
        <Form
          id={formId}
          className="dialog-form"
          validationBehavior="aria"
          onSubmit={(event) => {
            event.preventDefault();
            setSubmitted(true);
            if (complete) mutation.mutate({ registry: registry.trim(), username: username.trim(), password });
          }}
        >
          <TextField
            className="dialog-field"
            value={registry}
            onChange={setRegistry}
            isInvalid={submitted && problem !== null}
            autoFocus={initial === ''}
            spellCheck="false"
          >
            <Label className="field-label">Registry</Label>
            <Input className="text-field-input mono" placeholder="ghcr.io or 127.0.0.1:5000" />
            <FieldError className="text-field-error">{problem}</FieldError>
          </TextField>
          <TextField
            className="dialog-field"
            value={username}
            onChange={setUsername}
            isInvalid={submitted && username.trim() === ''}
            autoFocus={initial !== ''}
            autoComplete="username"
          >
            <Label className="field-label">Username</Label>
            <Input className="text-field-input" />
            <FieldError className="text-field-error">Type the user name</FieldError>
          </TextField>
          <TextField
            className="dialog-field"
            type="password"
            value={password}
            onChange={setPassword}
            isInvalid={submitted && password === ''}
            autoComplete="current-password"
          >
            <Label className="field-label">Password or token</Label>
            <Input className="text-field-input" />
            <FieldError className="text-field-error">Type the password or an access token</FieldError>
          </TextField>
          {mutation.error && (
            <ErrorAlert
              title="The registry did not accept this login; nothing was saved"
              message={mutation.error.message}
            />
          )}
        </Form>
      )}
    </DialogFrame>
  );
}
