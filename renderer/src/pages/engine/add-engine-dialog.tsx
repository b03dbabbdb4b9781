// Add engine: a Berth engine (a dockerd Berth runs on this machine), a remote engine over SSH, or a Linux VM
// (QEMU) with an engine inside. Names, the ssh:// address and the VM's sizes are checked as typed; the core's refusal shows in place. A remote host whose key is not
// known yet comes back as a question with its fingerprint; Trust sends the same request with that fingerprint.
import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import type { EngineView, HostKeyQuestion } from '@shared/engine-manager-types';
import { BerthError } from '@shared/errors';
import { ErrorAlert } from '../../components/error-alert';
import { useChannelMutation } from '../../data/channel-query';
import { enginesKey } from '../../data/event-sync';
import { DialogFrame } from '../../components/dialog-frame';
import { ReferenceField } from '../../components/reference-field';
import { engineNameProblem, parseSshUrl, socketPathProblem } from './engine-form';
import { HostKeyMismatch, HostKeyQuestionView } from './host-key-question';
import { defaultVmSize, hostCpuCount, parseVmSize, VmSizeFields } from './vm-size-fields';

type Choice = 'owned' | 'remote' | 'vm';

export interface AddEngineDialogProps {
  engines: readonly EngineView[];
  onAdded: (id: string) => void;
  onClose: () => void;
}

export function AddEngineDialog({ engines, onAdded, onClose }: AddEngineDialogProps) {
  const taken = engines.map((engine) => engine.name);
  const [choice, setChoice] = useState<Choice>('owned');
  const [name, setName] = useState(taken.includes('berth') ? '' : 'berth');
  const [host, setHost] = useState('');
  const [identityFile, setIdentityFile] = useState('');
  const [socketPath, setSocketPath] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [question, setQuestion] = useState<HostKeyQuestion | null>(null);
  const [hostCpus] = useState(hostCpuCount);
  const [vmSize, setVmSize] = useState(() => defaultVmSize(hostCpus));
  const [suspendOnStop, setSuspendOnStop] = useState(true);
  const refresh = (_: unknown, queries: QueryClient) => void queries.invalidateQueries({ queryKey: enginesKey });
  const addOwned = useChannelMutation('engines:add-owned', refresh);
  const addRemote = useChannelMutation('engines:add-remote', refresh);
  const addVm = useChannelMutation('engines:add-vm', refresh);
  const pending = addOwned.isPending || addRemote.isPending || addVm.isPending;

  const nameProblem = engineNameProblem(name, taken);
  const ssh = parseSshUrl(host);
  const socketProblem = socketPathProblem(socketPath);
  const size = parseVmSize(vmSize, hostCpus);
  const sizeValid = size.cpus.ok && size.memoryMiB.ok && size.diskGiB.ok;
  const valid =
    nameProblem === null && (choice === 'owned' || (choice === 'vm' ? sizeValid : ssh.ok && socketProblem === null));
  // Any change makes an earlier answer (a question, a refusal) about something else.
  const reset = () => {
    setQuestion(null);
    addOwned.reset();
    addRemote.reset();
    addVm.reset();
  };
  const edited = (set: (value: string) => void) => (value: string) => {
    set(value);
    reset();
  };

  const added = (engine: EngineView) => {
    onAdded(engine.id);
    onClose();
  };
  const send = (trustFingerprint?: string) => {
    setSubmitted(true);
    if (!valid) return;
    if (choice === 'owned') {
      addOwned.mutate({ name }, { onSuccess: added });
      return;
    }
    if (choice === 'vm') {
      if (size.cpus.ok && size.memoryMiB.ok && size.diskGiB.ok)
        addVm.mutate(
          {
            name,
            cpus: size.cpus.value,
            memoryMiB: size.memoryMiB.value,
            diskGiB: size.diskGiB.value,
            suspendOnStop,
          },
          { onSuccess: added },
        );
      return;
    }
    const request = {
      name,
      host: host.trim(),
      identityFile: identityFile.trim() === '' ? null : identityFile.trim(),
      ...(socketPath.trim() !== '' && { socketPath: socketPath.trim() }),
      ...(trustFingerprint !== undefined && { trustFingerprint }),
    };
    addRemote.mutate(request, {
      onSuccess: (result) => (result.outcome === 'added' ? added(result.engine) : setQuestion(result.hostKey)),
      // The question was about that answer; a refusal (a changed key above all) replaces it.
      onError: () => setQuestion(null),
    });
  };

  const remoteError = addRemote.error;
  // The answer (a question, a refusal) lands under the fields, below the fold of a short window: bring it up.
  const outcome = useRef<HTMLDivElement>(null);
  const answer = question ?? addRemote.error ?? addOwned.error ?? addVm.error;
  useEffect(() => {
    if (answer) outcome.current?.scrollIntoView({ block: 'nearest' });
  }, [answer]);
  const mismatch = remoteError instanceof BerthError && remoteError.code === 'HOST_KEY_MISMATCH';
  const formId = 'add-engine-form';
  const submitLabel = pending
    ? choice === 'remote'
      ? 'Connecting…'
      : 'Starting…'
    : question
      ? 'Trust and add'
      : 'Add engine';

  return (
    <DialogFrame
      isOpen
      onClose={onClose}
      isDismissable={!pending}
      title="Add an engine"
      actions={
        <>
          <Button className="button button-secondary" onPress={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            form={formId}
            className="button"
            isDisabled={pending || (submitted && !valid) || mismatch}
          >
            {submitLabel}
          </Button>
        </>
      }
    >
      <Form
        id={formId}
        className="dialog-form"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          send(question?.fingerprint);
        }}
      >
        <RadioGroup
          className="radio-group"
          value={choice}
          onChange={(value) => {
            setChoice(value as Choice);
            reset();
          }}
          isDisabled={pending}
        >
          <Label className="field-label">Kind of engine</Label>
          <Radio value="owned" className="radio">
            <span className="radio-circle" aria-hidden="true" />
            Berth engine (runs dockerd on this machine)
          </Radio>
          <Radio value="remote" className="radio">
            <span className="radio-circle" aria-hidden="true" />
            Remote engine over SSH
          </Radio>
          <Radio value="vm" className="radio">
            <span className="radio-circle" aria-hidden="true" />
            Linux VM (QEMU)
          </Radio>
        </RadioGroup>
        <ReferenceField
          label="Name"
          value={name}
          onChange={edited(setName)}
          error={submitted || name !== '' ? nameProblem : null}
          description={
            choice === 'remote'
              ? 'Lowercase letters, digits and dashes.'
              : `Lowercase letters, digits and dashes. Its docker context is ${name === 'berth' ? 'berth' : `berth-${name || 'name'}`}.`
          }
          autoFocus
        />
        {choice === 'vm' && (
          <VmSizeFields
            value={vmSize}
            hostCpus={hostCpus}
            showProblems
            onChange={(next) => {
              setVmSize(next);
              reset();
            }}
          />
        )}
        {choice === 'vm' && (
          <Checkbox className="checkbox checkbox-labelled" isSelected={suspendOnStop} onChange={setSuspendOnStop}>
            <span className="checkbox-box" aria-hidden="true">
              <svg viewBox="0 0 12 12" className="checkbox-mark" focusable="false">
                <polyline points="2.5 6.5 5 9 9.5 3.5" className="checkbox-check" />
              </svg>
            </span>
            Suspend the VM instead of shutting it down (Start resumes it with its containers still running)
          </Checkbox>
        )}
        {choice === 'remote' && (
          <>
            <ReferenceField
              label="Address"
              value={host}
              onChange={edited(setHost)}
              placeholder="ssh://me@build-box"
              error={(submitted || host !== '') && !ssh.ok ? ssh.problem : null}
              description="ssh://user@host, or ssh://user@host:2222 for another port."
            />
            <ReferenceField
              label="Key file (optional)"
              value={identityFile}
              onChange={edited(setIdentityFile)}
              placeholder="~/.ssh/id_ed25519"
              error={null}
              description="Empty: the keys of your ssh agent (SSH_AUTH_SOCK)."
            />
            <ReferenceField
              label="Remote socket (optional)"
              value={socketPath}
              onChange={edited(setSocketPath)}
              placeholder="/var/run/docker.sock"
              error={socketProblem}
              description="The engine's socket on the remote machine; empty: /var/run/docker.sock."
            />
          </>
        )}
        {answer && (
          <div ref={outcome} className="dialog-form">
            {question && <HostKeyQuestionView question={question} />}
            {mismatch && <HostKeyMismatch message={remoteError.message} />}
            {remoteError && !mismatch && (
              <ErrorAlert title="Could not add the remote engine" message={remoteError.message} />
            )}
            {addOwned.error && <ErrorAlert title="Could not add the Berth engine" message={addOwned.error.message} />}
            {addVm.error && <ErrorAlert title="Could not add the VM" message={addVm.error.message} />}
          </div>
        )}
      </Form>
    </DialogFrame>
  );
}
