import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef } from 'react';
import { createSearch } from '../../domain/catalog/search';
import type { Operation } from '../../domain/catalog/types';
import { MethodBadge } from '../../components/method-badge';
import type { CatalogState } from './use-catalog';

type Props = {
  catalog: CatalogState;
  query: string;
  onQueryChange: (query: string) => void;
  section: string;
  onSectionChange: (section: string) => void;
  selectedId: string | undefined;
  hrefFor: (operation: Operation) => string;
  onSelect: (operation: Operation) => void;
};

const ROW_HEIGHT = 58;

export function CatalogPanel({
  catalog,
  query,
  onQueryChange,
  section,
  onSectionChange,
  selectedId,
  hrefFor,
  onSelect,
}: Props) {
  const deferredQuery = useDeferredValue(query);
  const inSection = useMemo(
    () => (section ? catalog.operations.filter((op) => op.section === section) : catalog.operations),
    [catalog.operations, section],
  );
  const search = useMemo(() => createSearch(inSection), [inSection]);
  const results = useMemo(() => search(deferredQuery).map((hit) => hit.operation), [search, deferredQuery]);

  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer's functions must not be memoized; this component does not pass them on.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: results.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Until the list is measured (and where nothing is, as in jsdom), assume a viewport's worth of rows.
    initialRect: { width: 400, height: 800 },
  });

  const loading = catalog.rootPending || catalog.loaded + catalog.failed.length < catalog.total;

  return (
    <section className="catalog" aria-label="API catalogue">
      <div className="catalog__controls">
        <label className="field">
          <span className="visually-hidden">Search endpoints</span>
          <input
            type="search"
            className="input"
            placeholder="Search paths, descriptions, IAM actions…"
            value={query}
            onChange={(event) => onQueryChange(event.target.value)}
            aria-label="Search endpoints"
            aria-controls="operation-results"
          />
        </label>
        <label className="field field--inline">
          <span className="field__label">Section</span>
          <select
            className="select"
            value={section}
            onChange={(event) => onSectionChange(event.target.value)}
          >
            <option value="">All sections</option>
            {catalog.sections.map((s) => (
              <option key={s.path} value={s.path}>
                {s.path} ({s.operations.length})
              </option>
            ))}
          </select>
        </label>
      </div>

      {catalog.rootError && (
        <div className="alert alert--error" role="alert">
          <p>The list of sections could not be loaded: {catalog.rootError.message}</p>
          <button type="button" className="button button--small" onClick={catalog.retryFailed}>
            Retry
          </button>
        </div>
      )}
      {loading && !catalog.rootError && (
        <div className="catalog__progress">
          <label className="muted" htmlFor="catalog-progress">
            {catalog.rootPending
              ? 'Loading the list of sections…'
              : `Loading sections: ${catalog.loaded} of ${catalog.total}`}
          </label>
          <progress id="catalog-progress" max={catalog.total || 1} value={catalog.loaded} />
        </div>
      )}
      {catalog.failed.length > 0 && (
        <div className="alert alert--warning" role="alert">
          <p>
            {catalog.failed.length === 1 ? 'One section' : `${catalog.failed.length} sections`} could not be
            loaded: {catalog.failed.map((f) => `${f.path} (${f.message})`).join('; ')}
          </p>
          <button type="button" className="button button--small" onClick={catalog.retryFailed}>
            Retry failed sections
          </button>
        </div>
      )}

      <p className="catalog__count muted" aria-live="polite">
        {results.length === 1 ? '1 operation' : `${results.length.toLocaleString()} operations`}
        {deferredQuery.trim() ? ` match “${deferredQuery.trim()}”` : ''}
      </p>

      <div ref={scroller} className="catalog__scroller" id="operation-results">
        <ul className="catalog__list" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const operation = results[item.index];
            if (!operation) return null;
            const selected = operation.id === selectedId;
            const actionsId = `actions-${item.index}`;
            return (
              <li
                key={operation.id}
                className="catalog__item"
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                <a
                  href={hrefFor(operation)}
                  className={`operation-link${selected ? ' operation-link--selected' : ''}`}
                  aria-current={selected ? 'true' : undefined}
                  aria-label={`${operation.method} ${operation.path}`}
                  aria-describedby={actionsId}
                  onClick={(event) => {
                    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                    event.preventDefault();
                    onSelect(operation);
                  }}
                >
                  <span className="operation-link__line">
                    <MethodBadge method={operation.method} />
                    <span className="operation-link__path mono">{operation.path}</span>
                    {operation.status.value !== 'PRODUCTION' && (
                      <span className={`status status--${operation.status.value.toLowerCase()}`}>
                        {operation.status.value}
                      </span>
                    )}
                  </span>
                  <span id={actionsId} className="operation-link__actions mono">
                    {operation.iamActions.length === 0
                      ? 'no IAM action'
                      : operation.iamActions
                          .map((a) => (a.required ? a.name : `${a.name} (optional)`))
                          .join(', ')}
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
