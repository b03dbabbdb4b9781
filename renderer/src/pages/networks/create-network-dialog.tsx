// Create network: name, driver, internal (no way out of the host), an address range, labels. Problems show
// under their field as typed; the engine's refusal (a name taken, an unknown driver) shows in the dialog.
import { useState } from 'react';
import { Checkbox, FieldError, Label, Text, TextArea, TextField } from 'react-aria-components';
import { FormDialog } from '../../components/form-dialog';
import { ReferenceField } from '../../components/reference-field';
import { useChannelMutation } from '../../data/channel-query';
import { emptyNetworkForm, networkCreateRequest, networkFormProblems, type NetworkForm } from './network-form';

export function CreateNetworkDialog({ onClose }: { onClose: () => void }) {
  const [form, setForm] = useState<NetworkForm>(emptyNetworkForm);
  const [submitted, setSubmitted] = useState(false);
  const mutation = useChannelMutation(
    'networks:create',
    (_, queries) => void queries.invalidateQueries({ queryKey: ['networks:list'] }),
  );
  const problems = networkFormProblems(form);
  const shown = (field: keyof NetworkForm) =>
    submitted || form[field] !== emptyNetworkForm[field] ? (problems[field] ?? null) : null;
  const set =
    <K extends keyof NetworkForm>(field: K) =>
    (value: NetworkForm[K]) => {
      setForm((previous) => ({ ...previous, [field]: value }));
      mutation.reset();
    };
  const submit = () => {
    setSubmitted(true);
    if (Object.keys(problems).length > 0) return;
    mutation.mutate(networkCreateRequest(form), { onSuccess: onClose });
  };

  return (
    <FormDialog
      title="Create network"
      formId="create-network-form"
      submitLabel="Create"
      pendingLabel="Creating…"
      pending={mutation.isPending}
      error={mutation.error && { title: 'Could not create the network', message: mutation.error.message }}
      onSubmit={submit}
      onClose={onClose}
    >
      <ReferenceField
        label="Name"
        value={form.name}
        onChange={set('name')}
        error={shown('name')}
        description="Containers on it reach each other by name."
        autoFocus
      />
      <ReferenceField
        label="Driver"
        value={form.driver}
        onChange={set('driver')}
        error={shown('driver')}
        description="bridge: a private network on this engine's host. macvlan and ipvlan: addresses on the host's own network."
      />
      <ReferenceField
        label="Subnet (optional)"
        value={form.subnet}
        onChange={set('subnet')}
        error={shown('subnet')}
        placeholder="10.10.0.0/24"
        description="Empty: the engine picks a free range."
      />
      <TextField className="form-field" value={form.labels} onChange={set('labels')} isInvalid={!!shown('labels')}>
        <Label className="field-label">Labels (optional)</Label>
        <TextArea
          className="text-field-input text-field-textarea mono"
          rows={2}
          placeholder="team=web"
          spellCheck={false}
        />
        {shown('labels') ? (
          <FieldError className="text-field-error">{shown('labels')}</FieldError>
        ) : (
          <Text slot="description" className="field-description">
            One key=value per line.
          </Text>
        )}
      </TextField>
      <Checkbox className="checkbox network-checkbox" isSelected={form.internal} onChange={set('internal')}>
        <span className="checkbox-box" aria-hidden="true">
          <svg viewBox="0 0 12 12" className="checkbox-mark" focusable="false">
            <polyline points="2.5 6.5 5 9 9.5 3.5" className="checkbox-check" />
          </svg>
        </span>
        Internal: its containers reach each other but not the outside world
      </Checkbox>
    </FormDialog>
  );
}
