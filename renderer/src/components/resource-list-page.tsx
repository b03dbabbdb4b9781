// A page listing one kind of engine object in a filterable table with its count: Images, Volumes and Networks
// are this page with their own columns, and the pages that act on their objects add toolbar buttons, notices
// over the table (an engine's refusal), row selection and their dialogs.
import { useMemo, useState, type ReactNode } from 'react';
import type { Selection, SortDescriptor } from 'react-aria-components';
import type { RequestOf, ResponseOf } from '@shared/contract';
import { DataTable, type TableColumn } from './data-table';
import { EngineAwayNotice } from './engine-away-notice';
import { FilterField } from './filter-field';
import { Page } from './page';
import { QueryError } from './query-error';
import { useChannelQuery } from '../data/channel-query';
import { matchesWords } from '../model/text-filter';

export type ListChannel = 'images:list' | 'volumes:list' | 'networks:list';
export type ItemOf<C extends ListChannel> = ResponseOf<C>[number];

export interface ResourceListPageProps<C extends ListChannel> {
  channel: C;
  /** The page title and table name, e.g. `Images`. */
  title: string;
  /** Plural, lower case, e.g. `images`: "Filter images", "No images". */
  noun: string;
  /** Singular, lower case, e.g. `image`: "1 image". */
  singular: string;
  placeholder: string;
  columns: readonly TableColumn<ItemOf<C>>[];
  getId: (item: ItemOf<C>) => string;
  getTextValue: (item: ItemOf<C>) => string;
  /** The texts the filter searches. */
  filterFields: (item: ItemOf<C>) => readonly (string | null | undefined)[];
  defaultSort: SortDescriptor;
  /** Buttons after the filter (Prune…, Create…). */
  actions?: ReactNode;
  /** Above the table: an action's refusal, a bar of actions on the selected rows. */
  notices?: ReactNode;
  /** Rows can be selected (checkboxes) for actions on several at once. */
  selection?: { selectedKeys: Selection; onSelectionChange: (keys: Selection) => void };
  /** Values outside the items that cells render from (sizes asked for apart): rows re-render on change. */
  dependencies?: readonly unknown[];
  /** The page's dialogs. */
  children?: ReactNode;
}

export function ResourceListPage<C extends ListChannel>(props: ResourceListPageProps<C>) {
  const { channel, title, noun, filterFields } = props;
  // Every list channel takes an empty request; TypeScript cannot see that through the generic.
  const query = useChannelQuery(channel, {} as RequestOf<C>);
  const [filter, setFilter] = useState('');
  const all = useMemo(() => (query.data ?? []) as readonly ItemOf<C>[], [query.data]);
  const shown = useMemo(
    () => all.filter((item) => matchesWords(filterFields(item), filter)),
    [all, filter, filterFields],
  );
  const label = `Filter ${noun}`;
  const counted = `${all.length} ${all.length === 1 ? props.singular : noun}`;
  const subtitle = query.data ? (shown.length === all.length ? counted : `${shown.length} of ${counted}`) : undefined;
  const empty = query.isPending
    ? `Loading ${noun}…`
    : query.isError
      ? `${title} could not be loaded.`
      : all.length === 0
        ? `No ${noun}`
        : `No ${noun} match`;

  return (
    <Page
      title={title}
      subtitle={subtitle}
      fill
      toolbar={
        <>
          <FilterField label={label} placeholder={props.placeholder} value={filter} onChange={setFilter} />
          {props.actions}
        </>
      }
    >
      {query.error && <QueryError what={noun} error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && <EngineAwayNotice what={noun} updatedAt={query.dataUpdatedAt} />}
      {props.notices}
      <DataTable<ItemOf<C>>
        label={title}
        columns={props.columns}
        items={shown}
        getId={props.getId}
        getTextValue={props.getTextValue}
        defaultSort={props.defaultSort}
        emptyState={<strong>{empty}</strong>}
        selection={props.selection}
        dependencies={props.dependencies}
      />
      {props.children}
    </Page>
  );
}
