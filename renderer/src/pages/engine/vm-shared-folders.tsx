// A VM engine's shared folders: the host folders its guest mounts at the same path (so `-v /home/me/src:/src`
// works), edited here and saved through `engines:vm-shared-folders`. A new list applies at the VM's next start;
// a running VM keeps the folders it mounted, and the panel says which those are when they differ.
import { useId, useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import type { EngineView } from '@shared/engine-manager-types';
import { ErrorAlert } from '../../components/error-alert';
import { useChannelMutation } from '../../data/channel-query';

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((folder, index) => folder === b[index]);
}

export function VmSharedFolders({ engine }: { engine: EngineView }) {
  const titleId = useId();
  const saved = engine.vm?.sharedFolders ?? [];
  const mounted = engine.vm?.mountedFolders ?? null;
  const [draft, setDraft] = useState<string[]>(saved);
  const [newFolder, setNewFolder] = useState('');
  const save = useChannelMutation('engines:vm-shared-folders', (view) => setDraft(view.vm?.sharedFolders ?? []));
  const changed = !sameList(draft, saved);
  // A refusal speaks of the list it was given: any edit makes it stale.
  const edit = (next: string[]) => {
    setDraft(next);
    save.reset();
  };
  const add = () => {
    const folder = newFolder.trim();
    if (folder === '') return;
    edit([...draft, folder]);
    setNewFolder('');
  };
  return (
    <section className="engine-subsection vm-shared-folders" aria-labelledby={titleId}>
      <h3 id={titleId}>Shared folders</h3>
      <p className="muted">
        Host folders the VM sees at the same path, so bind mounts inside them work unchanged. Changes apply at the
        VM&apos;s next start; a running VM keeps the folders it mounted.
      </p>
      {mounted && !sameList(mounted, saved) && (
        <p role="status" className="shared-folders-pending">
          Mounted now: {mounted.length > 0 ? mounted.join(', ') : 'none'}. Restart the VM to use the saved list.
        </p>
      )}
      {draft.length === 0 ? (
        <p className="muted">No folder is shared: bind mounts of host folders are refused.</p>
      ) : (
        <ul className="shared-folder-list" aria-labelledby={titleId}>
          {draft.map((folder) => (
            <li key={folder}>
              <span className="mono">{folder}</span>
              <Button
                className="button button-secondary button-small"
                aria-label={`Remove ${folder}`}
                onPress={() => edit(draft.filter((other) => other !== folder))}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="shared-folder-add"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <TextField value={newFolder} onChange={setNewFolder} className="form-field" spellCheck="false">
          <Label className="field-label">Folder to share</Label>
          <Input className="text-field-input mono" placeholder="/home/me/src" />
        </TextField>
        <Button type="submit" className="button button-secondary" isDisabled={newFolder.trim() === ''}>
          Add
        </Button>
      </form>
      <div className="shared-folder-actions">
        <Button
          className="button"
          isDisabled={!changed || save.isPending}
          onPress={() => save.mutate({ id: engine.id, folders: draft })}
        >
          {save.isPending ? 'Saving…' : 'Save shared folders'}
        </Button>
        {changed && (
          <Button className="button button-secondary" onPress={() => edit(saved)}>
            Discard changes
          </Button>
        )}
      </div>
      {save.error && (
        <ErrorAlert
          title="Could not save the shared folders"
          message={save.error.message}
          onDismiss={() => save.reset()}
        />
      )}
    </section>
  );
}
