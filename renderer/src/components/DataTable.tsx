import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';

/**
 * One column of a table of T. Each column's value type differs, so a list of them can only say
 * `any` there (as TanStack's own `columns` option does): `unknown` rejects every typed column.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Column<T> = ColumnDef<T, any>;

interface Props<T> {
  label: string;
  data: T[];
  columns: Column<T>[];
  filter?: string;
  initialSort?: SortingState;
  onOpen?: (row: T) => void;
  rowTestId?: (row: T) => string;
  /** Height of the scroll area; rows outside it are not rendered. */
  height?: number | string;
  /** Fixed column widths (from each column's meta.width): cheaper layout for very long lists. */
  fixed?: boolean;
  /**
   * Sorting owned by the caller (kept in the URL): the rows arrive in order and the headers only
   * report clicks. Without it the table sorts by itself from `initialSort`.
   */
  sorting?: SortingState;
  onSortingChange?: (s: SortingState) => void;
  /** Row height in pixels (two-line rows need more than the default 40). */
  rowHeight?: number;
  /**
   * Paged data: called when the rows in view come near the end of `data`, to append the next
   * page. `rowCount` is the whole list's length (for assistive technology) and `resetKey` says
   * when the list is a new one (back to the top), since appending a page changes `data`.
   */
  onNearEnd?: () => void;
  rowCount?: number;
  resetKey?: string;
}

/**
 * `priority` 2 hides the column below 1400 px of window width, 3 below 1600 px: less important
 * columns give way first, so money and dates never have to be cut.
 */
type Meta = { numeric?: boolean; width?: string; priority?: 2 | 3; className?: string } | undefined;

const ROW_HEIGHT = 40;
/** How many rows before the end of the loaded ones the next page is asked for. */
const NEAR_END = 40;
const cellClass = (meta: Meta): string | undefined =>
  [meta?.numeric ? 'num' : '', meta?.priority ? `p${meta.priority}` : '', meta?.className ?? ''].filter(Boolean).join(' ') || undefined;

/**
 * Sortable, filterable table whose body is virtualized: only the visible rows are in the
 * DOM, so thousands of rows stay smooth. Rows open with Enter; arrow keys move between them.
 */
export function DataTable<T>({ label, data, columns, filter, initialSort, onOpen, rowTestId, height = '60vh', fixed, sorting: outerSorting, onSortingChange, rowHeight: rowPx = ROW_HEIGHT, onNearEnd, rowCount, resetKey }: Props<T>) {
  const [innerSorting, setSorting] = useState<SortingState>(initialSort ?? []);
  const manual = outerSorting !== undefined && onSortingChange !== undefined;
  const sorting = manual ? outerSorting : innerSorting;
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter: filter ?? '' },
    onSortingChange: manual ? (u) => onSortingChange(typeof u === 'function' ? u(sorting) : u) : setSorting,
    manualSorting: manual,
    enableSortingRemoval: !manual,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable callbacks: the virtualizer re-measures every row when they change identity.
  const getScroll = useCallback(() => scrollRef.current, []);
  const estimate = useCallback(() => rowPx, [rowPx]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: getScroll,
    estimateSize: estimate,
    overscan: 12,
  });
  // A new order or filter starts from the top, where the first matching rows are.
  const fresh = resetKey ?? data;
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [sorting, filter, fresh]);
  const items = virtualizer.getVirtualItems();
  // Ask for the next page while a screenful of rows is still below the ones in view.
  const lastInView = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (onNearEnd && lastInView >= rows.length - NEAR_END) onNearEnd();
  }, [onNearEnd, lastInView, rows.length]);
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  const focusRow = (index: number) => {
    if (index < 0 || index >= rows.length) return;
    virtualizer.scrollToIndex(index);
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`)?.focus(),
    );
  };
  const handlers = useRef({ onOpen, onKey: (_e: KeyboardEvent<HTMLTableRowElement>, _i: number, _r: T) => {} });
  const openRow = useCallback((r: T) => handlers.current.onOpen?.(r), []);
  const onKeyRef = useCallback((e: KeyboardEvent<HTMLTableRowElement>, i: number, r: T) => handlers.current.onKey(e, i, r), []);
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, index: number, row: T) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' && onOpen) onOpen(row);
    else if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusRow(index + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(index - 1);
    }
  };
  handlers.current = { onOpen, onKey };

  return (
    <div className="table-scroll" ref={scrollRef} style={{ maxHeight: height }}>
      <table className={fixed ? 'data-table fixed' : 'data-table'} aria-label={label} aria-rowcount={(rowCount ?? rows.length) + 1}>
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const meta = h.column.columnDef.meta as Meta;
                return (
                  <th
                    key={h.id}
                    className={cellClass(meta)}
                    style={fixed && meta?.width ? { width: meta.width } : undefined}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {h.column.getCanSort() ? (
                      <button type="button" className="sort-button" onClick={h.column.getToggleSortingHandler()}>
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span aria-hidden="true" className="sort-mark">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    ) : (
                      flexRender(h.column.columnDef.header, h.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden="true">
              <td style={{ height: padTop, padding: 0 }} colSpan={columns.length} />
            </tr>
          )}
          {items.map((vi) => (
            <BodyRow
              key={rows[vi.index]!.id}
              row={rows[vi.index]!}
              index={vi.index}
              testId={rowTestId?.(rows[vi.index]!.original)}
              clickable={!!onOpen}
              height={rowPx}
              onOpenRow={openRow}
              onKeyRow={onKeyRef}
            />
          ))}
          {padBottom > 0 && (
            <tr aria-hidden="true">
              <td style={{ height: padBottom, padding: 0 }} colSpan={columns.length} />
            </tr>
          )}
        </tbody>
      </table>
      {rows.length === 0 && <p className="table-empty">No rows match.</p>}
    </div>
  );
}

interface BodyRowProps<T> {
  row: Row<T>;
  index: number;
  testId: string | undefined;
  clickable: boolean;
  height: number;
  onOpenRow: (r: T) => void;
  onKeyRow: (e: KeyboardEvent<HTMLTableRowElement>, index: number, r: T) => void;
}

/** Memoized so scrolling renders only the rows that come into view. */
const BodyRow = memo(function BodyRow<T>({ row, index, testId, clickable, height, onOpenRow, onKeyRow }: BodyRowProps<T>) {
  return (
    <tr
      data-index={index}
      data-testid={testId}
      tabIndex={clickable ? 0 : undefined}
      className={clickable ? 'clickable' : undefined}
      onDoubleClick={clickable ? () => onOpenRow(row.original) : undefined}
      onKeyDown={(e) => onKeyRow(e, index, row.original)}
      style={{ height }}
    >
      {row.getVisibleCells().map((cell) => {
        return (
          <td key={cell.id} className={cellClass(cell.column.columnDef.meta as Meta)}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        );
      })}
    </tr>
  );
}) as <T>(props: BodyRowProps<T>) => ReactElement;
