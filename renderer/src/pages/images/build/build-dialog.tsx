// Build: an image from a folder with a Dockerfile (tag, build args, target, no cache). The output streams in
// while it builds; Cancel stops the build in the engine. A failure shows the failing step and the engine's
// words; a success offers Run (the one-click run, or Run… for the run dialog) for the new image.
import { useState } from 'react';
import { Button, Checkbox, Form } from 'react-aria-components';
import { DialogFrame } from '../../../components/dialog-frame';
import { ErrorAlert } from '../../../components/error-alert';
import { FollowingLog } from '../../../components/following-log';
import { KeyValueRows } from '../../../run/key-value-rows';
import { RunField } from '../../../run/run-field';
import { RunImageButton } from '../../../run/run-image-button';
import { buildProblems, buildRequest, initialBuildForm, type BuildForm } from './build-form';
import { useBuild } from './use-build';
import '../../../styles/build.css';

const formId = 'build-image-form';

export function BuildDialog({ onClose }: { onClose: () => void }) {
  const [form, setForm] = useState<BuildForm>(initialBuildForm);
  const [submitted, setSubmitted] = useState(false);
  const { state, start, cancel, reset } = useBuild();
  const problems = buildProblems(form);
  const shown = submitted ? problems : {};
  const patch = (change: Partial<BuildForm>) => setForm((now) => ({ ...now, ...change }));
  const submit = () => {
    setSubmitted(true);
    if (Object.keys(problems).length > 0) return;
    void start((streamId) => buildRequest(form, streamId));
  };
  // A request refused before anything ran (no such folder, no Dockerfile) belongs to the form.
  const refused = state.phase === 'failed' && state.output === '' ? state.message : null;
  const editing = state.phase === 'idle' || refused !== null;
  const running = state.phase === 'running';

  return (
    <DialogFrame
      isOpen
      onClose={running ? cancel : onClose}
      isDismissable={!running}
      size="wide"
      title="Build an image"
      actions={
        editing ? (
          <>
            <Button className="button button-secondary" onPress={onClose}>
              Cancel
            </Button>
            <Button type="submit" form={formId} className="button">
              Build
            </Button>
          </>
        ) : running ? (
          <Button className="button button-danger" onPress={cancel}>
            Cancel build
          </Button>
        ) : (
          <>
            <Button className="button button-secondary" onPress={reset}>
              Edit and build again
            </Button>
            {state.phase === 'done' && <RunImageButton image={state.built.tag ?? state.built.id} />}
            <Button className="button button-secondary" onPress={onClose} autoFocus={state.phase !== 'done'}>
              Close
            </Button>
          </>
        )
      }
    >
      {editing ? (
        <Form
          id={formId}
          className="dialog-form build-form"
          validationBehavior="aria"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <RunField
            label="Folder (build context)"
            value={form.context}
            onChange={(context) => patch({ context })}
            problem={shown.context}
            placeholder="/home/me/app"
            description="An absolute path on the machine Berth runs on. Its .dockerignore decides what is sent."
            mono
            autoFocus
          />
          <div className="build-form-pair">
            <RunField
              label="Dockerfile"
              value={form.dockerfile}
              onChange={(dockerfile) => patch({ dockerfile })}
              problem={shown.dockerfile}
              description="Its path inside the folder."
              mono
            />
            <RunField
              label="Tag"
              value={form.tag}
              onChange={(tag) => patch({ tag })}
              placeholder="app:dev"
              description="Optional: without one, the image is known by its id."
              mono
            />
          </div>
          <RunField
            label="Target stage"
            value={form.target}
            onChange={(target) => patch({ target })}
            problem={shown.target}
            placeholder="Last stage"
            description="Optional: builds up to this stage of a multi-stage Dockerfile (FROM … AS name)."
            mono
          />
          <div className="build-args">
            <span className="field-label" id="build-args-label">
              Build arguments
            </span>
            <KeyValueRows
              rows={form.buildArgs}
              onChange={(buildArgs) => patch({ buildArgs })}
              noun="build argument"
              section="args"
              problems={shown}
              keyPlaceholder="VERSION"
              valuePlaceholder="1.0"
            />
          </div>
          <Checkbox
            className="checkbox checkbox-labelled"
            isSelected={form.noCache}
            onChange={(noCache) => patch({ noCache })}
          >
            <span className="checkbox-box" aria-hidden="true">
              <svg viewBox="0 0 12 12" className="checkbox-mark" focusable="false">
                <polyline points="2.5 6.5 5 9 9.5 3.5" className="checkbox-check" />
              </svg>
            </span>
            Do not use the build cache (every step runs again)
          </Checkbox>
          {refused && <ErrorAlert title="Cannot build" message={refused} />}
        </Form>
      ) : (
        <div className="build-progress">
          <BuildSummary state={state} />
          <FollowingLog
            text={state.output}
            busy={running}
            label="Build output"
            placeholder="Starting the build…"
            className="build-output"
          />
        </div>
      )}
    </DialogFrame>
  );
}

function BuildSummary({ state }: { state: ReturnType<typeof useBuild>['state'] }) {
  switch (state.phase) {
    case 'running':
      return (
        <p role="status" className="build-status">
          Building…
        </p>
      );
    case 'done':
      return (
        <p role="status" className="build-status build-status-done">
          Built {state.built.tag ?? state.built.id.slice(7, 19)}. Run it now, or close and find it in the list.
        </p>
      );
    case 'cancelled':
      return (
        <p role="status" className="build-status">
          Build cancelled: the engine stopped it and tagged nothing.
        </p>
      );
    case 'failed':
      return <ErrorAlert title="The build failed" message={state.message} />;
    default:
      return null;
  }
}
