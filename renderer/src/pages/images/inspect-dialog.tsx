// Inspect: what `docker image inspect` says, for people: identity and size, the config a container starts
// with (command, entrypoint, working dir, user), exposed ports, environment, labels, layers, and which
// containers were created from the image (links to their pages).
import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { Link } from 'react-router';
import type { ImageSummary, ImageDetail } from '@shared/image-types';
import { Fact } from '../../components/fact';
import { QueryError } from '../../components/query-error';
import { useChannelQuery } from '../../data/channel-query';
import { formatBytes } from '../../format/bytes';
import { shortId } from '../../model/text-filter';
import { DialogFrame } from '../../components/dialog-frame';
import { imageLabel } from './image-model';

export function InspectDialog({ image, onClose }: { image: ImageSummary; onClose: () => void }) {
  const query = useChannelQuery('images:inspect', { id: image.id });
  return (
    <DialogFrame
      isOpen
      onClose={onClose}
      size="wide"
      title={`Inspect ${imageLabel(image)}`}
      actions={
        <Button className="button button-secondary" onPress={onClose} autoFocus>
          Close
        </Button>
      }
    >
      {query.isPending && <p>Loading…</p>}
      {query.error && <QueryError what="the image" error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && <ImageDetailView detail={query.data} />}
    </DialogFrame>
  );
}

function joinCommand(parts: string[] | null): string {
  return parts && parts.length > 0 ? parts.join(' ') : '—';
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="inspect-section" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function ImageDetailView({ detail }: { detail: ImageDetail }) {
  const { config } = detail;
  const labels = Object.entries(config.labels);
  return (
    <div className="inspect">
      <dl className="facts">
        <Fact label="ID">
          <span className="mono">{detail.id}</span>
        </Fact>
        <Fact label="Tags">{detail.repoTags.length > 0 ? detail.repoTags.join(', ') : 'none (dangling)'}</Fact>
        {detail.repoDigests.length > 0 && (
          <Fact label="Digests">
            <span className="mono digest-list">
              {detail.repoDigests.map((digest) => (
                <span key={digest}>{digest}</span>
              ))}
            </span>
          </Fact>
        )}
        <Fact label="Created">{new Date(detail.created).toLocaleString()}</Fact>
        <Fact label="Size">{formatBytes(detail.sizeBytes)}</Fact>
        <Fact label="Platform">{`${detail.os}/${detail.architecture}`}</Fact>
        {detail.author && <Fact label="Author">{detail.author}</Fact>}
      </dl>
      <Section title="Config">
        <dl className="facts">
          <Fact label="Entrypoint">
            <span className="mono">{joinCommand(config.entrypoint)}</span>
          </Fact>
          <Fact label="Command">
            <span className="mono">{joinCommand(config.cmd)}</span>
          </Fact>
          <Fact label="Working directory">{config.workingDir || '/'}</Fact>
          <Fact label="User">{config.user || 'root (default)'}</Fact>
          {config.volumes.length > 0 && <Fact label="Volumes">{config.volumes.join(', ')}</Fact>}
        </dl>
      </Section>
      <Section title="Exposed ports">
        {config.exposedPorts.length > 0 ? (
          <p className="mono">{config.exposedPorts.join(', ')}</p>
        ) : (
          <p className="muted">None</p>
        )}
      </Section>
      <Section title="Environment">
        {config.env.length > 0 ? (
          <ul className="plain-list mono">
            {config.env.map((entry) => (
              <li key={entry}>{entry}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">None</p>
        )}
      </Section>
      <Section title="Labels">
        {labels.length > 0 ? (
          <dl className="facts">
            {labels.map(([key, value]) => (
              <Fact key={key} label={key}>
                {value}
              </Fact>
            ))}
          </dl>
        ) : (
          <p className="muted">None</p>
        )}
      </Section>
      <Section title={`Layers (${detail.layers.length})`}>
        <ol className="plain-list mono layer-digests">
          {detail.layers.map((layer, index) => (
            <li key={`${index}-${layer}`}>{layer}</li>
          ))}
        </ol>
      </Section>
      <Section title="Containers using it">
        {detail.containers.length > 0 ? (
          <ul className="plain-list">
            {detail.containers.map((container) => (
              <li key={container.id}>
                <Link to={`/containers/${container.id}`}>{container.name}</Link>{' '}
                <span className="muted">
                  ({container.state}, {shortId(container.id)})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No container uses this image.</p>
        )}
      </Section>
    </div>
  );
}
