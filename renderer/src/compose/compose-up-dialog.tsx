// "Up from a compose file…": the user types the file's absolute path (serve mode cannot browse this computer's
// disk; the last paths are offered again), optionally a project name, and Berth runs `up -d` through the
// user's compose CLI; its output streams into the dialog with the exit status. Down takes the same file's
// project down again. Closing the dialog while compose runs cancels it.
import { useState } from 'react';
import { Button, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { DialogFrame } from '../components/dialog-frame';
import { useChannelQuery } from '../data/channel-query';
import { ComposeCliNotice } from './compose-cli-notice';
import { ComposeOutput } from './compose-output';
import { recentComposeFiles, rememberComposeFile } from './recent-files';
import { useComposeRun } from './use-compose-run';
import '../styles/compose.css';

const projectPattern = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export function ComposeUpDialog({ onClose }: { onClose: () => void }) {
  const cli = useChannelQuery('compose:cli', {}, { staleTime: 30_000 });
  const [recent, setRecent] = useState(recentComposeFiles);
  const [file, setFile] = useState(() => recent[0] ?? '');
  const [project, setProject] = useState('');
  const run = useComposeRun();
  const [last, setLast] = useState<'up' | 'down' | null>(null);
  const trimmed = file.trim();
  const fileProblem =
    trimmed !== '' && !trimmed.startsWith('/') && !/^[a-zA-Z]:[\\/]/.test(trimmed)
      ? 'Give the full path, starting with /.'
      : null;
  const projectProblem =
    project !== '' && !projectPattern.test(project)
      ? 'Lowercase letters, digits, dashes and underscores, starting with a letter or digit.'
      : null;
  const usable = cli.data?.found != null && trimmed !== '' && !fileProblem && !projectProblem && !run.running;

  const go = (action: 'up' | 'down') => {
    if (!usable) return;
    setLast(action);
    const payload = { file: trimmed, ...(project ? { projectName: project } : {}) };
    void run.start(action === 'up' ? 'compose:up' : 'compose:down', payload).then((opened) => {
      if (opened) setRecent(rememberComposeFile(trimmed));
    });
  };
  const formId = 'compose-up-form';

  return (
    <DialogFrame
      isOpen
      onClose={() => {
        run.cancel();
        onClose();
      }}
      isDismissable={!run.running}
      size="wide"
      title="Up from a compose file"
      actions={
        <>
          {run.running ? (
            <Button className="button button-secondary" onPress={run.cancel}>
              Cancel
            </Button>
          ) : (
            <Button className="button button-secondary" onPress={onClose}>
              Close
            </Button>
          )}
          <Button className="button button-secondary" isDisabled={!usable} onPress={() => go('down')}>
            {run.running && last === 'down' ? 'Taking down…' : 'Down'}
          </Button>
          <Button type="submit" form={formId} className="button" isDisabled={!usable}>
            {run.running && last === 'up' ? 'Starting…' : 'Up'}
          </Button>
        </>
      }
    >
      <Form
        id={formId}
        className="compose-form"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          go('up');
        }}
      >
        <TextField
          className="form-field"
          value={file}
          onChange={setFile}
          isInvalid={fileProblem !== null}
          autoComplete="off"
          spellCheck="false"
          autoFocus
        >
          <Label className="field-label">Compose file</Label>
          <Input className="text-field-input mono" placeholder="/home/me/project/compose.yaml" />
          <Text slot="description" className="field-description">
            {fileProblem ?? 'The absolute path of a compose file on the computer Berth runs on.'}
          </Text>
        </TextField>
        {recent.length > 0 && (
          <div className="compose-recent" role="group" aria-label="Recent compose files">
            <span className="field-description">Recent:</span>
            {recent.map((path) => (
              <Button
                key={path}
                className="button button-quiet button-small mono compose-recent-path"
                aria-label={`Use ${path}`}
                onPress={() => setFile(path)}
              >
                {path}
              </Button>
            ))}
          </div>
        )}
        <TextField
          className="form-field"
          value={project}
          onChange={setProject}
          isInvalid={projectProblem !== null}
          autoComplete="off"
          spellCheck="false"
        >
          <Label className="field-label">Project name (optional)</Label>
          <Input className="text-field-input mono" placeholder="the file's folder name" />
          <Text slot="description" className="field-description">
            {projectProblem ?? 'Compose names the project after the folder of the file when this is empty.'}
          </Text>
        </TextField>
        <ComposeCliNotice cli={cli.data} />
      </Form>
      <ComposeOutput chunks={run.chunks} outcome={run.outcome} label="Compose output" />
    </DialogFrame>
  );
}

/** The toolbar button that opens the dialog. */
export function ComposeUpButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button className="button button-secondary" onPress={() => setOpen(true)}>
        Up from compose file…
      </Button>
      {open && <ComposeUpDialog onClose={() => setOpen(false)} />}
    </>
  );
}
