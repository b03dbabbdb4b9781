// The Registries page: the registries the docker config knows (where each one's credentials live, the
// stored user, any problem reading them), Log in (verified by the registry before anything is saved) and
// Log out (after a confirmation).
import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import type { KnownRegistry } from '@shared/registry-types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DataTable } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { Page } from '../../components/page';
import { QueryError } from '../../components/query-error';
import { useChannelMutation, useChannelQuery } from '../../data/channel-query';
import { LoginDialog } from './login-dialog';
import { registryColumns } from './registry-columns';

export function RegistriesPage() {
  const query = useChannelQuery('registries:list', {});
  const all = useMemo(() => query.data ?? [], [query.data]);
  const [loginTo, setLoginTo] = useState<string | null>(null);
  const [loggingOut, setLoggingOut] = useState<KnownRegistry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const logout = useChannelMutation('registries:logout', (result, queries) => {
    setNotice(`Logged out of ${result.registry}: its credentials were removed.`);
    void queries.invalidateQueries({ queryKey: ['registries:list'] });
  });
  const resetLogout = logout.reset;
  const columns = useMemo(
    () =>
      registryColumns({
        onLogin: (registry) => setLoginTo(registry.registry),
        onLogout: (registry) => {
          resetLogout();
          setLoggingOut(registry);
        },
      }),
    [resetLogout],
  );
  const count = `${all.length} ${all.length === 1 ? 'registry' : 'registries'}`;

  return (
    <Page
      title="Registries"
      fill
      subtitle={query.data ? count : undefined}
      toolbar={
        <Button className="button" onPress={() => setLoginTo('')}>
          Log in…
        </Button>
      }
    >
      {notice && (
        <div role="status" className="notice notice-ok">
          {notice}
        </div>
      )}
      {logout.error && (
        <ErrorAlert
          title={`Could not log out of ${logout.variables?.registry ?? 'the registry'}`}
          message={logout.error.message}
          onDismiss={() => logout.reset()}
        />
      )}
      {query.error && <QueryError what="registries" error={query.error} onRetry={() => void query.refetch()} />}
      <DataTable<KnownRegistry>
        label="Registries"
        columns={columns}
        items={all}
        getId={(registry) => registry.registry}
        getTextValue={(registry) => registry.registry}
        defaultSort={{ column: 'registry', direction: 'ascending' }}
        emptyState={
          query.isPending ? (
            <strong>Loading registries…</strong>
          ) : (
            <>
              <strong>No registries yet</strong>
              <span className="muted">Log in to one to pull and push private images.</span>
            </>
          )
        }
      />
      {loginTo !== null && (
        <LoginDialog
          registry={loginTo}
          known={all}
          onClose={() => {
            setLoginTo(null);
            setNotice(null);
          }}
        />
      )}
      <ConfirmDialog
        isOpen={loggingOut !== null}
        title={`Log out of ${loggingOut?.registry ?? 'registry'}?`}
        confirmLabel="Log out"
        onConfirm={() => {
          if (loggingOut) logout.mutate({ registry: loggingOut.registry });
          setLoggingOut(null);
        }}
        onCancel={() => setLoggingOut(null)}
      >
        Its stored credentials are removed. Pulls and pushes of private images from it then need a new login.
      </ConfirmDialog>
    </Page>
  );
}
