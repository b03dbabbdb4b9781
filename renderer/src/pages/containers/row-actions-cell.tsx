// The actions cell of the containers table, reading which actions are pending from context rather than from
// the columns: an action started or finished re-renders the action cells on screen, not every row.
import { createContext, useContext } from 'react';
import type { ContainerSummary } from '@shared/container-types';
import type { ContainerAction } from '../../model/container-actions';
import { ContainerRowActions, type RowActionsProps } from './container-row-actions';

/** Per container id, the action under way on it. */
export const PendingActionsContext = createContext<ReadonlyMap<string, ContainerAction>>(new Map());

export function RowActionsCell({
  container,
  onAction,
}: { container: ContainerSummary } & Pick<RowActionsProps, 'onAction'>) {
  const pending = useContext(PendingActionsContext).get(container.id);
  return <ContainerRowActions container={container} pending={pending} onAction={onAction} />;
}
