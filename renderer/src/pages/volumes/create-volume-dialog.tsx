// Create volume: a name (none: the engine names it, an anonymous volume), the driver (local keeps the data on
// the engine's disk), labels as rows. Problems show under their field as typed; the engine's or core's
// refusal (a name taken, a driver the engine lacks) shows in the dialog.
import { useState } from 'react';
import { Label } from 'react-aria-components';
import { FormDialog } from '../../components/form-dialog';
import { ReferenceField } from '../../components/reference-field';
import { useChannelMutation } from '../../data/channel-query';
import { KeyValueRows } from '../../run/key-value-rows';
import { refreshVolumes } from './use-volume-removal';
import { emptyVolumeForm, volumeCreateRequest, volumeFormProblems, type VolumeForm } from './volume-form';
import '../../styles/run-dialog.css';

export function CreateVolumeDialog({ onClose }: { onClose: () => void }) {
  const [form, setForm] = useState<VolumeForm>(emptyVolumeForm);
  const [submitted, setSubmitted] = useState(false);
  const mutation = useChannelMutation('volumes:create', (_, queries) => refreshVolumes(queries));
  const problems = volumeFormProblems(form);
  // Name and driver speak once typed in (or on Create); a label row speaks at once, since it was added on purpose.
  const shown = (field: 'name' | 'driver') =>
    submitted || form[field] !== emptyVolumeForm[field] ? (problems[field] ?? null) : null;
  const update = (patch: Partial<VolumeForm>) => {
    setForm((previous) => ({ ...previous, ...patch }));
    mutation.reset();
  };
  const submit = () => {
    setSubmitted(true);
    if (Object.keys(problems).length > 0) return;
    mutation.mutate(volumeCreateRequest(form), { onSuccess: onClose });
  };

  return (
    <FormDialog
      title="Create volume"
      formId="create-volume-form"
      submitLabel="Create"
      pendingLabel="Creating…"
      pending={mutation.isPending}
      error={mutation.error && { title: 'Could not create the volume', message: mutation.error.message }}
      onSubmit={submit}
      onClose={onClose}
    >
      <ReferenceField
        label="Name (optional)"
        value={form.name}
        onChange={(name) => update({ name })}
        error={shown('name')}
        description="Empty: the engine names it (an anonymous volume)."
        placeholder="app-data"
        autoFocus
      />
      <ReferenceField
        label="Driver"
        value={form.driver}
        onChange={(driver) => update({ driver })}
        error={shown('driver')}
        description="local keeps the data in a folder on the engine's disk; other drivers come from plugins."
      />
      <div className="form-field" role="group" aria-labelledby="create-volume-labels">
        <Label id="create-volume-labels" className="field-label">
          Labels (optional)
        </Label>
        <KeyValueRows
          rows={form.labels}
          onChange={(labels) => update({ labels })}
          noun="label"
          section="labels"
          problems={problems}
          keyPlaceholder="com.example.team"
          valuePlaceholder="web"
        />
      </div>
    </FormDialog>
  );
}
