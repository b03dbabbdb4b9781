// "Set limits…" for the containers selected in the list: the limits editor in change-only mode (only the
// fields touched are sent, each container keeps the rest), one limits:apply-bulk, and the result of every
// container in the dialog. Containers that need the below-usage confirmation can be confirmed together.
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { ContainerSummary } from '@shared/container-types';
import type { LimitsCapabilities } from '@shared/limits-types';
import { ErrorAlert } from '../../components/error-alert';
import { LimitsEditor } from '../../components/limits-editor/limits-editor';
import { QueryError } from '../../components/query-error';
import { useChannelQuery } from '../../data/channel-query';
import { LimitsIgnoredNotice } from '../../limits/limits-ignored-notice';
import { useBulkLimits } from '../../limits/use-bulk-limits';
import { BulkLimitsResults } from './bulk-limits-results';
import '../../styles/bulk-limits.css';

export interface BulkLimitsDialogProps {
  containers: readonly ContainerSummary[];
  isOpen: boolean;
  onClose: () => void;
}

export function BulkLimitsDialog({ containers, isOpen, onClose }: BulkLimitsDialogProps) {
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={(open) => !open && onClose()} isDismissable className="modal-overlay">
      <Modal className="modal bulk-modal">
        <Dialog className="dialog bulk-dialog">
          {containers.length > 0 && <BulkLimitsContent containers={containers} onClose={onClose} />}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** The engine's CPUs, cores, memory and swap accounting are the same for all; a --rm container's fixed restart policy is its own. */
function engineWide(capabilities: LimitsCapabilities): LimitsCapabilities {
  return { ...capabilities, fixed: capabilities.fixed.filter((entry) => entry.field !== 'restartPolicy') };
}

function BulkLimitsContent({ containers, onClose }: { containers: readonly ContainerSummary[]; onClose: () => void }) {
  const ids = containers.map((container) => container.id);
  const query = useChannelQuery('limits:get', { id: ids[0] });
  const capabilities = query.data ? engineWide(query.data.capabilities) : undefined;
  const bulk = useBulkLimits(ids, capabilities);
  const count = `${containers.length} container${containers.length === 1 ? '' : 's'}`;
  const nothing = bulk.touched.size === 0;
  return (
    <>
      <Heading slot="title" className="dialog-title">
        Set limits of {count}
      </Heading>
      <p className="dialog-body">
        Only the limits you change (marked <span className="limit-changed-mark">changed</span>) are sent; each container
        keeps its others. <span className="bulk-names">{containers.map((c) => c.name).join(', ')}</span>
      </p>
      <div className="bulk-editor">
        <LimitsIgnoredNotice />
        {query.error && (
          <QueryError what="the engine's limits" error={query.error} onRetry={() => void query.refetch()} />
        )}
        {capabilities && (
          // A keystroke in any field bubbles here: see useBulkLimits' typing.
          <div onInput={bulk.onInput}>
            <LimitsEditor
              value={bulk.value}
              capabilities={capabilities}
              onChange={bulk.edit}
              problems={bulk.problemsByField}
              changed={bulk.touched}
              isDisabled={bulk.pending}
              changeOnly
            />
          </div>
        )}
      </div>
      {bulk.error && <ErrorAlert title="Could not apply the limits" message={bulk.error.message} />}
      {bulk.results && <BulkLimitsResults results={bulk.results} />}
      <div className="dialog-actions">
        <Button
          className="button button-quiet"
          onPress={bulk.clear}
          isDisabled={bulk.pending || (nothing && !bulk.results)}
        >
          Clear changes
        </Button>
        <Button className="button button-secondary" onPress={onClose}>
          Close
        </Button>
        {bulk.needConfirmation.length > 0 && (
          <Button className="button button-danger" onPress={bulk.confirm} isDisabled={bulk.pending}>
            Apply anyway to {bulk.needConfirmation.length} below their usage
          </Button>
        )}
        <Button
          className="button"
          onPress={bulk.apply}
          isDisabled={bulk.pending || !capabilities || (!bulk.typing && (nothing || bulk.problems.length > 0))}
          isPending={bulk.pending}
        >
          Apply to {count}
        </Button>
      </div>
    </>
  );
}
