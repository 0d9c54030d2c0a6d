import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { parseQuery } from '../../domain/catalog/query';
import type { SearchFilters } from '../../domain/catalog/search-index';
import type { Operation } from '../../domain/catalog/types';
import { Highlight } from '../../components/highlight';
import { MethodBadge } from '../../components/method-badge';
import { useSearch, type CatalogView } from './use-catalog';

type Props = {
  catalog: CatalogView;
  query: string;
  onQueryChange: (query: string) => void;
  filters: SearchFilters;
  onFiltersChange: (filters: SearchFilters) => void;
  selectedId: string | undefined;
  hrefFor: (operation: Operation) => string;
  onSelect: (operation: Operation) => void;
};

const ROW_HEIGHT = 58;

/** The address bar follows the search box a moment after typing stops: a keystroke only re-renders this panel. */
const URL_SYNC_DELAY_MS = 300;

export function CatalogPanel({
  catalog,
  query,
  onQueryChange,
  filters,
  onFiltersChange,
  selectedId,
  hrefFor,
  onSelect,
}: Props) {
  const [text, setText] = useState(query);
  const lastSynced = useRef(query);
  // Back, Forward or a link changed the search: follow it.
  useEffect(() => {
    if (query !== lastSynced.current) {
      lastSynced.current = query;
      setText(query);
    }
  }, [query]);
  useEffect(() => {
    if (text === lastSynced.current) return;
    const timer = setTimeout(() => {
      lastSynced.current = text;
      onQueryChange(text);
    }, URL_SYNC_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, onQueryChange]);

  const search = useSearch(catalog, text, filters);
  const current = search.data?.version === catalog.version ? search.data : undefined;
  const count = current?.indexes.length ?? 0;
  // What the list shows answers this query (the previous one's results stay up while a new one runs).
  const shownQuery = current?.query ?? '';
  const terms = useMemo(() => {
    const parsed = parseQuery(shownQuery);
    return [...parsed.words, ...parsed.actionPatterns];
  }, [shownQuery]);

  // User Timing marks, for devtools and the benchmark: when a new catalogue became searchable here.
  const { version, snapshotTimings } = catalog;
  useEffect(() => {
    if (!version) return;
    const received = snapshotTimings?.receivedAt;
    if (received)
      performance.mark('catalog:schemas-received', {
        startTime: received - performance.timeOrigin,
        detail: { version },
      });
    performance.mark('catalog:searchable', { detail: { version } });
  }, [version, snapshotTimings]);

  const listId = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  // The virtualizer's functions must not be memoized; this component does not pass them on.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Until the list is measured (and where nothing is, as in jsdom), assume a viewport's worth of rows.
    initialRect: { width: 400, height: 800 },
  });

  // Keyboard: arrows move through the results (scrolling the virtual list), Enter opens the focused row.
  useEffect(() => {
    if (active < 0) return;
    virtualizer.scrollToIndex(active, { align: 'auto' });
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-index="${active}"] a`)?.focus(),
    );
  }, [active, virtualizer]);

  function onListKey(event: KeyboardEvent) {
    const last = count - 1;
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      Home: 0,
      End: last,
      PageDown: active + 10,
      PageUp: active - 10,
    };
    const next = moves[event.key];
    if (next === undefined || last < 0) return;
    event.preventDefault();
    if (next < 0) {
      setActive(-1);
      document.getElementById(`${listId}-search`)?.focus();
      return;
    }
    setActive(Math.min(Math.max(next, 0), last));
  }

  const loading = !catalog.ready || (catalog.progress && catalog.progress.phase !== 'ready');
  const progress = catalog.progress;

  return (
    <section className="catalog" aria-label="API catalogue">
      <div className="catalog__controls">
        <input
          id={`${listId}-search`}
          type="search"
          className="input"
          placeholder="Search paths, actions (webHosting:*), method:DELETE…"
          value={text}
          onChange={(event) => {
            setActive(-1);
            setText(event.target.value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && count > 0) {
              event.preventDefault();
              setActive(0);
            }
          }}
          aria-label="Search endpoints"
          aria-controls={listId}
          aria-describedby={`${listId}-count`}
        />
        <div className="catalog__filters">
          <label className="field field--inline">
            <span className="field__label">Section</span>
            <select
              className="select"
              value={filters.section ?? ''}
              onChange={(event) => onFiltersChange({ ...filters, section: event.target.value || undefined })}
            >
              <option value="">All sections</option>
              {catalog.sections.map((s) => (
                <option key={s.path} value={s.path}>
                  {s.path} ({s.operationCount})
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={filters.hideDeprecated ?? false}
              onChange={(event) =>
                onFiltersChange({ ...filters, hideDeprecated: event.target.checked || undefined })
              }
            />
            Hide deprecated
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={filters.noIamOnly ?? false}
              onChange={(event) =>
                onFiltersChange({ ...filters, noIamOnly: event.target.checked || undefined })
              }
            />
            Needs no IAM action
          </label>
        </div>
      </div>

      {catalog.loadError && (
        <div className="alert alert--error" role="alert">
          <p>The catalogue could not be loaded: {catalog.loadError.message}</p>
          <button type="button" className="button button--small" onClick={catalog.retry}>
            Retry
          </button>
        </div>
      )}
      {loading && !catalog.loadError && (
        <div className="catalog__progress">
          <label className="muted" htmlFor={`${listId}-progress`}>
            {!progress || progress.phase === 'listing'
              ? 'Loading the list of sections…'
              : progress.phase === 'indexing'
                ? 'Indexing…'
                : progress.phase === 'revalidating'
                  ? `Checking for updates: ${progress.loaded} of ${progress.total} sections`
                  : `Loading sections: ${progress.loaded} of ${progress.total}`}
          </label>
          <progress id={`${listId}-progress`} max={progress?.total || 1} value={progress?.loaded ?? 0} />
        </div>
      )}
      {catalog.failed.length > 0 && (
        <div className="alert alert--warning" role="alert">
          <p>
            {catalog.failed.length === 1 ? 'One section' : `${catalog.failed.length} sections`} could not be
            loaded: {catalog.failed.map((f) => `${f.path} (${f.message})`).join('; ')}
          </p>
          <button type="button" className="button button--small" onClick={catalog.retry}>
            Retry failed sections
          </button>
        </div>
      )}

      <p
        id={`${listId}-count`}
        className="catalog__count muted"
        aria-live="polite"
        data-testid="result-count"
      >
        {catalog.ready ? (
          <>
            {count === 1 ? '1 operation' : `${count.toLocaleString('en')} operations`}
            {shownQuery.trim() ? ` match “${shownQuery.trim()}”` : ''}
          </>
        ) : (
          ' '
        )}
      </p>

      <div ref={scroller} className="catalog__scroller" onKeyDown={onListKey}>
        <ul
          id={listId}
          className="catalog__list"
          style={{ height: virtualizer.getTotalSize() }}
          aria-label="Operations"
        >
          {virtualizer.getVirtualItems().map((item) => {
            const operation = catalog.operations[current?.indexes[item.index] ?? -1];
            if (!operation) return null;
            const partial = current?.partial[item.index] === 1;
            const selected = operation.id === selectedId;
            const actionsId = `${listId}-actions-${item.index}`;
            return (
              <li
                key={operation.id}
                data-index={item.index}
                className="catalog__item"
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                <a
                  href={hrefFor(operation)}
                  className={`operation-link${selected ? ' operation-link--selected' : ''}`}
                  aria-current={selected ? 'true' : undefined}
                  aria-label={`${operation.method} ${operation.path}`}
                  aria-describedby={actionsId}
                  tabIndex={item.index === Math.max(active, 0) ? 0 : -1}
                  onFocus={() => setActive(item.index)}
                  onClick={(event) => {
                    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                    event.preventDefault();
                    onSelect(operation);
                  }}
                >
                  <span className="operation-link__line">
                    <MethodBadge method={operation.method} />
                    <span className="operation-link__path mono">
                      <Highlight text={operation.path} terms={terms} />
                    </span>
                    {operation.status.value !== 'PRODUCTION' && (
                      <span className={`status status--${operation.status.value.toLowerCase()}`}>
                        {operation.status.value}
                      </span>
                    )}
                    {partial && (
                      <span
                        className="tag tag--optional"
                        title="The actions searched for grant only some of the actions this call requires"
                      >
                        partly
                      </span>
                    )}
                  </span>
                  <span id={actionsId} className="operation-link__actions mono">
                    {operation.iamActions.length === 0 ? (
                      'no IAM action'
                    ) : (
                      <Highlight
                        text={operation.iamActions
                          .map((a) => (a.required ? a.name : `${a.name} (optional)`))
                          .join(', ')}
                        terms={terms}
                      />
                    )}
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
