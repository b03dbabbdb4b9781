// The one table of engine objects: React Aria's Table, virtualised so thousands of rows stay smooth,
// sortable by any column that gives a sort value, with an empty state, and optionally a checkbox column for
// selecting several rows. Containers, images, volumes and networks all render through it.
import { useMemo, useState, type ReactNode } from 'react';
import {
  Cell,
  Checkbox,
  Collection,
  Column,
  Row,
  Table,
  TableBody,
  TableHeader,
  TableLayout,
  Virtualizer,
  type ColumnProps,
  type Selection,
  type SortDescriptor,
} from 'react-aria-components';

export interface TableColumn<T> {
  id: string;
  name: string;
  render: (item: T) => ReactNode;
  /** The cell that names the row for assistive technology (the name column). */
  isRowHeader?: boolean;
  /** A fraction (`'2fr'`), a percentage or pixels; `'1fr'` when absent. */
  width?: ColumnProps['width'];
  minWidth?: ColumnProps['minWidth'];
  /** Makes the column sortable. */
  sortValue?: (item: T) => string | number;
  /** Keeps the name for screen readers but shows no header text (e.g. the actions column). */
  hideName?: boolean;
}

export interface DataTableProps<T> {
  /** The table's accessible name, e.g. `Containers`. */
  label: string;
  columns: readonly TableColumn<T>[];
  items: readonly T[];
  getId: (item: T) => string;
  /** What a row is called when read or typed to (type-ahead): usually its name. */
  getTextValue: (item: T) => string;
  emptyState: ReactNode;
  defaultSort?: SortDescriptor;
  /** Values outside `items` that cells render from (pending actions, the clock): rows re-render on change. */
  dependencies?: readonly unknown[];
  rowHeight?: number;
  /** Several rows can be selected, each with a checkbox (and a select-all one in the header). */
  selection?: { selectedKeys: Selection; onSelectionChange: (keys: Selection) => void };
  /** What Enter or a click on a row does (the Files tab opens a folder); rows are plain when absent. */
  onRowAction?: (id: string) => void;
}

export function DataTable<T>(props: DataTableProps<T>) {
  const {
    label,
    columns,
    items,
    getId,
    getTextValue,
    emptyState,
    dependencies = [],
    rowHeight = 44,
    selection,
    onRowAction,
  } = props;
  const [sort, setSort] = useState<SortDescriptor | undefined>(props.defaultSort);
  const sorted = useMemo(() => sortItems(items, columns, sort), [items, columns, sort]);
  return (
    <Virtualizer layout={TableLayout} layoutOptions={{ rowHeight, headingHeight: 36 }}>
      <Table
        aria-label={label}
        className="data-table"
        sortDescriptor={sort}
        onSortChange={setSort}
        selectionMode={selection ? 'multiple' : 'none'}
        selectedKeys={selection?.selectedKeys}
        onSelectionChange={selection?.onSelectionChange}
        onRowAction={onRowAction ? (key) => onRowAction(String(key)) : undefined}
      >
        <TableHeader>
          {selection && (
            <Column id="select" width={44} minWidth={44} textValue="Select">
              <SelectionCheckbox />
            </Column>
          )}
          <Collection items={columns}>
            {(column) => (
              <Column
                id={column.id}
                isRowHeader={column.isRowHeader}
                allowsSorting={column.sortValue !== undefined}
                width={column.width ?? '1fr'}
                minWidth={column.minWidth ?? 80}
                textValue={column.name}
              >
                {({ sortDirection }) => (
                  <span className="column-label">
                    {column.hideName ? <span className="visually-hidden">{column.name}</span> : column.name}
                    {sortDirection && (
                      <span className="sort-indicator" aria-hidden="true">
                        {sortDirection === 'ascending' ? '▲' : '▼'}
                      </span>
                    )}
                  </span>
                )}
              </Column>
            )}
          </Collection>
        </TableHeader>
        <TableBody
          items={sorted}
          dependencies={[columns, ...dependencies]}
          renderEmptyState={() => <div className="table-empty">{emptyState}</div>}
        >
          {(item) => (
            <Row id={getId(item)} textValue={getTextValue(item)}>
              {selection && (
                <Cell className="react-aria-Cell cell-select">
                  <SelectionCheckbox />
                </Cell>
              )}
              <Collection items={columns}>
                {(column) => <Cell className={`react-aria-Cell cell-${column.id}`}>{column.render(item)}</Cell>}
              </Collection>
            </Row>
          )}
        </TableBody>
      </Table>
    </Virtualizer>
  );
}

/**
 * React Aria's selection checkbox: in slot "selection" the table checks, toggles and names it ("Select" plus
 * the row's name, "Select All" in the header).
 */
function SelectionCheckbox() {
  return (
    <Checkbox slot="selection" className="checkbox">
      <span className="checkbox-box" aria-hidden="true">
        <svg viewBox="0 0 12 12" className="checkbox-mark" focusable="false">
          <polyline points="2.5 6.5 5 9 9.5 3.5" className="checkbox-check" />
          <line x1="3" y1="6" x2="9" y2="6" className="checkbox-dash" />
        </svg>
      </span>
    </Checkbox>
  );
}

function sortItems<T>(items: readonly T[], columns: readonly TableColumn<T>[], sort: SortDescriptor | undefined): T[] {
  const valueOf = columns.find((column) => column.id === sort?.column)?.sortValue;
  if (!sort || !valueOf) return [...items];
  const direction = sort.direction === 'descending' ? -1 : 1;
  return [...items].sort((a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y), undefined, { numeric: true, sensitivity: 'base' });
    return order * direction;
  });
}
