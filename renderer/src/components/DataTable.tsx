import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

interface Props<T> {
  label: string;
  data: T[];
  columns: ColumnDef<T, any>[];
  filter?: string;
  initialSort?: SortingState;
  onOpen?: (row: T) => void;
  rowTestId?: (row: T) => string;
  /** Height of the scroll area; rows outside it are not rendered. */
  height?: number | string;
}

const ROW_HEIGHT = 40;
const rowHeight = () => ROW_HEIGHT;

/**
 * Sortable, filterable table whose body is virtualized: only the visible rows are in the
 * DOM, so thousands of rows stay smooth. Rows open with Enter; arrow keys move between them.
 */
export function DataTable<T>({ label, data, columns, filter, initialSort, onOpen, rowTestId, height = '60vh' }: Props<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSort ?? []);
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter: filter ?? '' },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable callbacks: the virtualizer re-measures every row when they change identity.
  const getScroll = useCallback(() => scrollRef.current, []);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: getScroll,
    estimateSize: rowHeight,
    overscan: 12,
  });
  // A new order or filter starts from the top, where the first matching rows are.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [sorting, filter, data]);
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  const focusRow = (index: number) => {
    if (index < 0 || index >= rows.length) return;
    virtualizer.scrollToIndex(index);
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`)?.focus(),
    );
  };
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, index: number, row: T) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' && onOpen) onOpen(row);
    else if (e.key === 'ArrowDown') (e.preventDefault(), focusRow(index + 1));
    else if (e.key === 'ArrowUp') (e.preventDefault(), focusRow(index - 1));
  };

  return (
    <div className="table-scroll" ref={scrollRef} style={{ maxHeight: height }}>
      <table className="data-table" aria-label={label} aria-rowcount={rows.length + 1}>
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const numeric = (h.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                return (
                  <th
                    key={h.id}
                    className={numeric ? 'num' : undefined}
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
          {items.map((vi) => {
            const row = rows[vi.index]!;
            return (
              <tr
                key={row.id}
                data-index={vi.index}
                data-testid={rowTestId?.(row.original)}
                tabIndex={onOpen ? 0 : undefined}
                className={onOpen ? 'clickable' : undefined}
                onDoubleClick={onOpen ? () => onOpen(row.original) : undefined}
                onKeyDown={(e) => onKey(e, vi.index, row.original)}
                style={{ height: ROW_HEIGHT }}
              >
                {row.getVisibleCells().map((cell) => {
                  const numeric = (cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                  return (
                    <td key={cell.id} className={numeric ? 'num' : undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  );
                })}
              </tr>
            );
          })}
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
