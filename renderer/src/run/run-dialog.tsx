// The run dialog ("Run…"): everything `docker run` can say that Berth offers, in tabs (General, Environment,
// Ports, Storage, Labels, Limits), checked as the user types (run-form-check.ts) with each problem beside its field
// and counted on its tab, a live "Show as docker run" preview, and Run, which sends containers:run. Limits
// start from the default profile in Settings; the engine-wide capabilities come from engine:status
// (engine-capabilities.ts), since limits:get answers only for existing containers. Ports are published on
// the interface Settings chose (127.0.0.1 unless the user said otherwise). A refusal from the core shows here
// and keeps everything typed. "Create only" makes the same container without starting it.
import { useMemo, useState } from 'react';
import {
  Button,
  Dialog,
  Heading,
  Modal,
  ModalOverlay,
  Tab,
  TabList,
  TabPanel,
  Tabs,
  type Key,
} from 'react-aria-components';
import type { LimitsCapabilities, LimitsChange } from '@shared/limits-types';
import { defaultPublishInterface, type PublishInterface } from '@shared/settings-types';
import { ErrorAlert } from '../components/error-alert';
import { useChannelQuery } from '../data/channel-query';
import { DockerRunPreview } from './docker-run-preview';
import { engineCapabilities } from './engine-capabilities';
import { KeyValueRows } from './key-value-rows';
import { describeRunError } from './run-errors';
import { initialRunForm, type RunForm } from './run-form';
import { RunEnvSection } from './run-env-section';
import { RunGeneralSection } from './run-general-section';
import { RunLimitsSection } from './run-limits-section';
import { RunPortsSection } from './run-ports-section';
import { checkRunForm } from './run-form-check';
import { useExposedPorts } from './use-exposed-ports';
import { RunStorageSection } from './run-storage-section';
import { problemsPerTab, runTabs, type RunTabId } from './run-tabs';
import { useRunSubmit } from './use-run-submit';
import '../styles/run-dialog.css';

export interface RunDialogProps {
  image: string;
  isOpen: boolean;
  onClose: () => void;
}

export function RunDialog({ image, isOpen, onClose }: RunDialogProps) {
  return (
    // Not dismissed by a click outside: a stray click would throw away a long form. Escape and Cancel close it.
    <ModalOverlay isOpen={isOpen} onOpenChange={(open) => !open && onClose()} className="modal-overlay">
      <Modal className="modal run-modal">
        <Dialog className="dialog run-dialog">{isOpen && <RunDialogLoader image={image} onClose={onClose} />}</Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** The form starts from the default limit profile, so it waits for the settings (or their failure). */
function RunDialogLoader({ image, onClose }: { image: string; onClose: () => void }) {
  const settings = useChannelQuery('settings:get', {});
  const defaults = settings.data?.settings.defaultRunLimits ?? (settings.isError ? {} : null);
  const publishInterface = settings.data?.settings.publishInterface ?? defaultPublishInterface;
  return (
    <>
      <Heading slot="title" className="dialog-title">
        Run {image}
      </Heading>
      {defaults === null ? (
        <p className="muted run-loading">Loading the default limits…</p>
      ) : (
        <RunDialogForm
          image={image}
          defaults={defaults}
          publishInterface={publishInterface}
          settingsError={settings.error}
          onClose={onClose}
        />
      )}
    </>
  );
}

/** Until the engine answers, limits are checked without its size (no upper bounds). */
const unknownEngine: LimitsCapabilities = {
  engineCpus: 0,
  cores: [],
  engineMemoryBytes: 0,
  swapLimitSupported: true,
  fixed: [],
};

interface FormProps {
  image: string;
  defaults: LimitsChange;
  publishInterface: PublishInterface;
  settingsError: Error | null;
  onClose: () => void;
}

function RunDialogForm({ image, defaults, publishInterface, settingsError, onClose }: FormProps) {
  const [form, setForm] = useState<RunForm>(() => initialRunForm(image, defaults, publishInterface));
  const [tab, setTab] = useState<Key>('general');
  // A limit typed but not committed yet (number fields commit on blur): Run stays pressable meanwhile.
  const [typing, setTyping] = useState(false);
  const status = useChannelQuery('engine:status', {}).data;
  const capabilities = useMemo(() => engineCapabilities(status), [status]);
  const exposed = useExposedPorts(form.image, form.publishAll);
  const check = useMemo(
    () => checkRunForm(form, capabilities ?? unknownEngine, exposed),
    [form, capabilities, exposed],
  );
  const perTab = problemsPerTab(check);
  const submit = useRunSubmit(onClose);
  const failure = submit.error ? describeRunError(submit.error) : null;
  const update = (patch: Partial<RunForm>) => setForm((previous) => ({ ...previous, ...patch }));
  const sectionProps = { form, update, problems: check.problems };

  const run = (createOnly: boolean) => {
    // Pressed while a limit was being typed: the press committed it first, and it may be wrong.
    if (!check.spec) return;
    submit.mutate(
      { spec: check.spec, replicas: check.replicas, createOnly },
      {
        // Back to where the cause can be fixed (the name, the limits), beside the error.
        onError: (error) => {
          const tabToFix: RunTabId | null = describeRunError(error).tab;
          if (tabToFix) setTab(tabToFix);
        },
      },
    );
  };
  const tabsWithProblems = runTabs.filter((t) => perTab[t.id] > 0).map((t) => t.label);

  return (
    <>
      {settingsError && (
        <p className="field-description">
          The default limits could not be loaded ({settingsError.message}); none are preset.
        </p>
      )}
      <Tabs selectedKey={tab} onSelectionChange={setTab} className="tabs run-tabs">
        <TabList aria-label="Run settings" className="tab-list run-tab-list">
          {runTabs.map((t) => (
            <Tab key={t.id} id={t.id} className="tab run-tab">
              {t.label}
              {perTab[t.id] > 0 && (
                <span className="run-tab-problems">
                  <span aria-hidden="true">{perTab[t.id]}</span>
                  <span className="visually-hidden">
                    {perTab[t.id] === 1 ? ', 1 problem' : `, ${perTab[t.id]} problems`}
                  </span>
                </span>
              )}
            </Tab>
          ))}
        </TabList>
        <div className="run-body">
          <TabPanel id="general" className="tab-panel">
            <RunGeneralSection {...sectionProps} />
          </TabPanel>
          <TabPanel id="env" className="tab-panel">
            <RunEnvSection {...sectionProps} />
          </TabPanel>
          <TabPanel id="ports" className="tab-panel">
            <RunPortsSection {...sectionProps} exposed={exposed} />
          </TabPanel>
          <TabPanel id="storage" className="tab-panel">
            <RunStorageSection {...sectionProps} />
          </TabPanel>
          <TabPanel id="labels" className="tab-panel">
            <div className="run-section">
              <p className="field-description">
                Labels are metadata on the container, e.g. for tools that select containers by label.
              </p>
              <KeyValueRows
                rows={form.labels}
                onChange={(labels) => update({ labels })}
                noun="label"
                section="labels"
                problems={check.problems}
                keyPlaceholder="com.example.role"
                valuePlaceholder="value"
              />
            </div>
          </TabPanel>
          <TabPanel id="limits" className="tab-panel">
            <RunLimitsSection
              value={form.limits}
              capabilities={capabilities}
              problems={check.limitProblems}
              onChange={(limits) => {
                setTyping(false);
                update({ limits });
              }}
              onTyping={() => setTyping(true)}
            />
          </TabPanel>
        </div>
      </Tabs>
      <DockerRunPreview spec={check.spec} replicas={check.replicas} pending={check.pending} />
      {failure && <ErrorAlert title={failure.title} message={failure.message} onDismiss={() => submit.reset()} />}
      <div className="dialog-actions run-actions">
        {tabsWithProblems.length > 0 && (
          <p className="run-summary" role="status">
            {check.count === 1 ? '1 problem' : `${check.count} problems`} to fix: {tabsWithProblems.join(', ')}
          </p>
        )}
        <Button className="button button-secondary" onPress={onClose}>
          Cancel
        </Button>
        {/* Several replicas are a group the Replicas page runs; one container can wait to be started. */}
        {check.replicas === 1 && (
          <Button
            className="button button-secondary"
            onPress={() => run(true)}
            isDisabled={submit.isPending || (!typing && check.spec === null)}
            isPending={submit.isPending && submit.variables.createOnly === true}
          >
            Create only
          </Button>
        )}
        <Button
          className="button"
          onPress={() => run(false)}
          isDisabled={submit.isPending || (!typing && check.spec === null)}
          isPending={submit.isPending && submit.variables.createOnly !== true}
        >
          {check.replicas > 1 ? `Run ${check.replicas} replicas` : 'Run'}
        </Button>
      </div>
    </>
  );
}
