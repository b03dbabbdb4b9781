// The Files tab of a container's page: its filesystem through the engine's archive API, running or stopped.
// The folder shown is in the address (`?tab=files&path=/etc`); a folder or link row opens on Enter or a click,
// a file row offers Download, and the toolbar downloads the whole folder as a tar or uploads files into it.
import { useCallback, useMemo, useState } from 'react';
import { Button, FileTrigger } from 'react-aria-components';
import { useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { joinContainerPath, normalizeContainerPath } from '@shared/container-path';
import type { FileEntry } from '@shared/files-types';
import { DataTable } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { useBerthClient } from '../../../data/client-context';
import { formatBytes } from '../../../format/bytes';
import { relativeTimeTickMs, useNow } from '../../../lib/use-now';
import type { ContainerTabProps } from '../container-tabs';
import { fileColumns } from './file-columns';
import { saveDownload, toBase64, uploadProblem } from './file-transfer';
import { PathBreadcrumb } from './path-breadcrumb';
import '../../../styles/files.css';

/** The result of the last download or upload, shown while the folder it was made in is shown. */
type Outcome = ({ tone: 'ok'; message: string } | { tone: 'error'; title: string; message: string }) & { path: string };

function useFolderPath(): [string, (path: string) => void] {
  const [search, setSearch] = useSearchParams();
  const asked = search.get('path');
  const path = asked?.startsWith('/') ? normalizeContainerPath(asked) : '/';
  const go = (next: string) =>
    setSearch(
      (previous) => {
        const params = new URLSearchParams(previous);
        params.set('path', next);
        return params;
      },
      { preventScrollReset: true },
    );
  return [path, go];
}

export function FilesTab({ container, gone }: ContainerTabProps) {
  const client = useBerthClient();
  const queries = useQueryClient();
  const now = useNow(relativeTimeTickMs);
  const [path, go] = useFolderPath();
  const [lastOutcome, setOutcome] = useState<Outcome | null>(null);
  const outcome = lastOutcome?.path === path ? lastOutcome : null;
  const [downloading, setDownloading] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const listKey = ['files:list', { id: container.id, path }] as const;
  const listing = useQuery({
    queryKey: listKey,
    queryFn: () => client.invoke('files:list', { id: container.id, path }),
    enabled: !gone,
    retry: false,
    // The engine tars the folder's whole tree for each listing: not again just because the window got focus.
    refetchOnWindowFocus: false,
  });

  const open = (next: string) => {
    setOutcome(null);
    go(next);
  };

  const download = useCallback(
    async (target: string, name: string, folder: string) => {
      setDownloading(name);
      setOutcome(null);
      try {
        const file = await client.invoke('files:download', { id: container.id, path: target });
        saveDownload(file);
        setOutcome({ tone: 'ok', message: `Downloaded ${file.name} (${formatBytes(file.bytes)}).`, path: folder });
      } catch (error) {
        setOutcome({
          tone: 'error',
          title: `Could not download ${target}`,
          message: (error as Error).message,
          path: folder,
        });
      } finally {
        setDownloading(null);
      }
    },
    [client, container.id],
  );

  const upload = async (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length === 0) return;
    setOutcome(null);
    const problem = uploadProblem(files);
    if (problem) return setOutcome({ tone: 'error', title: 'Nothing was uploaded', message: problem, path });
    setUploading(true);
    try {
      const payload = await Promise.all(files.map(async (file) => ({ name: file.name, base64: await toBase64(file) })));
      const result = await client.invoke('files:upload', { id: container.id, folder: path, files: payload });
      const bytes = result.files.reduce((sum, file) => sum + file.bytes, 0);
      const names = result.files.map((file) => file.name).join(', ');
      setOutcome({ tone: 'ok', message: `Uploaded ${names} (${formatBytes(bytes)}) into ${result.folder}.`, path });
      await queries.invalidateQueries({ queryKey: listKey });
    } catch (error) {
      setOutcome({ tone: 'error', title: `Could not upload into ${path}`, message: (error as Error).message, path });
    } finally {
      setUploading(false);
    }
  };

  const entries = listing.data?.path === path ? listing.data.entries : [];
  const columns = useMemo(
    () =>
      fileColumns({
        nowMs: now,
        downloading,
        onDownload: (entry: FileEntry) => void download(joinContainerPath(path, entry.name), entry.name, path),
      }),
    [now, downloading, path, download],
  );

  if (gone) return <p className="muted">{container.name} was removed: it has no files left to browse.</p>;

  return (
    <section className="panel files-tab" aria-label={`Files of ${container.name}`}>
      <div className="files-toolbar">
        <PathBreadcrumb path={path} onGo={open} />
        <div className="files-actions">
          <Button className="button button-quiet" onPress={() => void listing.refetch()} isPending={listing.isFetching}>
            Refresh
          </Button>
          <Button
            className="button button-secondary"
            aria-label={`Download folder ${path} as a tar`}
            isPending={downloading === path}
            isDisabled={downloading !== null}
            onPress={() => void download(path, path, path)}
          >
            Download folder
          </Button>
          <FileTrigger allowsMultiple onSelect={(files) => void upload(files)}>
            <Button className="button button-primary" isPending={uploading} aria-label={`Upload files into ${path}`}>
              Upload files…
            </Button>
          </FileTrigger>
        </div>
      </div>
      {container.state !== 'running' && (
        <p className="muted files-stopped-note">
          {container.name} is not running: its files are read from its filesystem as it was left.
        </p>
      )}
      {outcome?.tone === 'ok' && (
        <p role="status" className="notice notice-ok">
          {outcome.message}
        </p>
      )}
      {outcome?.tone === 'error' && (
        <ErrorAlert title={outcome.title} message={outcome.message} onDismiss={() => setOutcome(null)} />
      )}
      {listing.data?.truncated && listing.data.path === path && (
        <p role="status" className="notice notice-warning">
          This folder is too big to list whole: only the entries read first are shown (at most 5,000, or what the engine
          sent in 4 seconds).
        </p>
      )}
      {listing.error ? (
        <ErrorAlert
          title={`Could not list ${path}`}
          message={listing.error.message}
          action={path === '/' ? { label: 'Retry', onPress: () => void listing.refetch() } : undefined}
        />
      ) : (
        <DataTable
          label={`Entries of ${path}`}
          columns={columns}
          items={entries}
          getId={(entry) => entry.name}
          getTextValue={(entry) => entry.name}
          defaultSort={{ column: 'name', direction: 'ascending' }}
          dependencies={[columns]}
          rowHeight={38}
          emptyState={listing.isPending ? 'Loading…' : 'This folder is empty.'}
          onRowAction={(name) => {
            const entry = entries.find((each) => each.name === name);
            if (entry && (entry.kind === 'dir' || entry.kind === 'symlink')) open(joinContainerPath(path, name));
          }}
        />
      )}
    </section>
  );
}
