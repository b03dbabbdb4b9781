// History: the image's layers as `docker history` lists them, newest first: what created each (the
// Dockerfile step), its size and age.
import { Button, Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import type { ImageSummary } from '@shared/image-types';
import { QueryError } from '../../components/query-error';
import { RelativeTime } from '../../components/relative-time';
import { useChannelQuery } from '../../data/channel-query';
import { formatBytes } from '../../format/bytes';
import { relativeTimeTickMs, useNow } from '../../lib/use-now';
import { DialogFrame } from '../../components/dialog-frame';
import { imageLabel, readableStep } from './image-model';

export function HistoryDialog({ image, onClose }: { image: ImageSummary; onClose: () => void }) {
  const query = useChannelQuery('images:history', { id: image.id });
  const now = useNow(relativeTimeTickMs);
  const name = imageLabel(image);
  return (
    <DialogFrame
      isOpen
      onClose={onClose}
      size="wide"
      title={`History of ${name}`}
      actions={
        <Button className="button button-secondary" onPress={onClose} autoFocus>
          Close
        </Button>
      }
    >
      {query.error && <QueryError what="the history" error={query.error} onRetry={() => void query.refetch()} />}
      <Table aria-label={`Layers of ${name}`} className="history-table">
        <TableHeader>
          <Column isRowHeader className="history-step">
            Created by
          </Column>
          <Column className="history-size">Size</Column>
          <Column className="history-created">Created</Column>
        </TableHeader>
        <TableBody
          items={(query.data ?? []).map((entry, index) => ({ ...entry, key: index }))}
          renderEmptyState={() => (query.isPending ? 'Loading…' : 'No layers')}
        >
          {(entry) => (
            <Row id={entry.key}>
              <Cell className="history-step">
                <code title={entry.createdBy}>{readableStep(entry.createdBy) || '—'}</code>
                {entry.comment && <span className="muted"> {entry.comment}</span>}
              </Cell>
              <Cell className="history-size numeric">{formatBytes(entry.sizeBytes)}</Cell>
              <Cell className="history-created">
                {entry.created > 0 ? <RelativeTime epochMs={entry.created * 1000} nowMs={now} /> : '—'}
              </Cell>
            </Row>
          )}
        </TableBody>
      </Table>
    </DialogFrame>
  );
}
