import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Branch, Operation } from '../domain/catalog/types';
import { parseUrn } from '../domain/urn/urn';
import { ActionPage, ResourceTypePage, type CatalogLinks } from '../features/catalog/action-page';
import { CatalogPanel } from '../features/catalog/catalog-panel';
import { CommandPalette } from '../features/catalog/command-palette';
import { useCatalog, useModels } from '../features/catalog/use-catalog';
import { AccessCheck } from '../features/diagnose/access-check';
import { ForbiddenPanel } from '../features/diagnose/forbidden-panel';
import { OperationPanel } from '../features/request/operation-panel';
import { regionsQueryOptions, sessionQueryOptions } from '../features/session/queries';
import { RegionPicker } from '../features/session/region-picker';
import { SessionPanel } from '../features/session/session-panel';
import { formatLocation, useAppLocation, type AppLocation } from './app-location';
import { Welcome } from './welcome';

// The support pages are loaded when first opened: not part of the explorer's first paint.
const DiagnoseRoute = lazy(() => import('./diagnose-route').then((m) => ({ default: m.DiagnoseRoute })));
const SimulatorPage = lazy(() =>
  import('../features/simulator/simulator-page').then((m) => ({ default: m.SimulatorPage })),
);

const BRANCHES: Branch[] = ['v1', 'v2'];
const PAGES: [AppLocation['page'], string][] = [
  ['', 'Explorer'],
  ['diagnose', 'Diagnose'],
  ['simulator', 'Simulator'],
];
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function App() {
  const [location, navigate] = useAppLocation();
  const queryClient = useQueryClient();
  const regions = useQuery(regionsQueryOptions());
  const session = useQuery(sessionQueryOptions());
  const catalog = useCatalog(location.region, location.branch);
  const [remembered, setRemembered] = useState<Record<string, string>>({});
  const [paletteOpen, setPaletteOpen] = useState(false);

  const region = regions.data?.find((r) => r.id === location.region);
  const caller = session.data?.region === location.region ? session.data.identity : undefined;
  const plate =
    (caller && parseUrn(caller.urns[0] ?? '')?.plate) ||
    (['eu', 'ca', 'us'].includes(location.region) ? location.region : 'eu');
  const operation = location.op ? catalog.operationById.get(location.op) : undefined;
  const models = useModels(catalog, operation?.section ?? '');

  // Ctrl/⌘-K opens the palette from anywhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setPaletteOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const links = useMemo((): CatalogLinks => {
    const page = { op: '', action: '', type: '' };
    return {
      operation: (op: Operation) => formatLocation({ ...location, ...page, page: '', op: op.id }),
      action: (name) => formatLocation({ ...location, ...page, page: '', action: name }),
      resourceType: (type) => formatLocation({ ...location, ...page, page: '', type }),
      section: (path) => formatLocation({ ...location, section: path }),
      go: (href) => navigate(href),
    };
  }, [location, navigate]);

  const replacementHref = useMemo(() => {
    const replacement = operation?.status.replacement;
    if (!replacement) return undefined;
    const target =
      catalog.operationById.get(`${operation.method} ${replacement}`) ??
      catalog.operations.find((op) => op.path === replacement);
    return target ? links.operation(target) : undefined;
  }, [operation, catalog, links]);

  const remember = useCallback(
    (name: string, value: string) => setRemembered((current) => ({ ...current, [name]: value })),
    [],
  );
  const setQuery = useCallback((q: string) => navigate({ q }, { replace: true }), [navigate]);
  const refreshSession = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: sessionQueryOptions().queryKey }),
    [queryClient],
  );

  let main;
  if (location.page === 'diagnose') {
    main = <DiagnoseRoute region={location.region} apiBase={region?.apiBase} />;
  } else if (location.page === 'simulator') {
    main = (
      <SimulatorPage
        operations={catalog.operations}
        sections={catalog.sections}
        region={location.region}
        identity={caller?.urns[0]}
        signedIn={Boolean(caller)}
        hasHelper={Boolean(session.data?.region === location.region && session.data.helper)}
      />
    );
  } else if (operation && models.data) {
    main = (
      <OperationPanel
        key={`${location.region} ${operation.branch} ${operation.id}`}
        operation={operation}
        models={models.data}
        region={location.region}
        apiBase={region?.apiBase}
        remembered={remembered}
        onRemember={remember}
        onSent={refreshSession}
        replacementHref={replacementHref}
        iamExtras={({ pathParams, values }) => (
          <AccessCheck
            operation={operation}
            pathParams={pathParams}
            values={values}
            caller={caller}
            plate={plate}
            region={location.region}
          />
        )}
        renderResult={({ call, result }, { resend }) =>
          result.status === 403 && !result.fromProxy ? (
            <ForbiddenPanel
              body={result.json}
              operation={operation}
              pathParams={call.pathParams}
              values={call.values}
              caller={caller}
              plate={plate}
              apiBase={region?.apiBase}
              region={location.region}
              helper={session.data?.region === location.region ? session.data.helper : null}
              onRetry={resend}
            />
          ) : null
        }
      />
    );
  } else if (location.op && catalog.ready && !operation && catalog.progress?.phase === 'ready') {
    main = (
      <div className="card">
        <h2 className="card__title">Operation not found</h2>
        <p>
          <code className="mono">{location.op}</code> is not in the {location.branch} catalogue of{' '}
          {region?.label ?? location.region}. It may be in the other branch, or in a section that failed to
          load.
        </p>
      </div>
    );
  } else if (location.action) {
    main = <ActionPage catalog={catalog} pattern={location.action} links={links} />;
  } else if (location.type) {
    main = <ResourceTypePage catalog={catalog} type={location.type} links={links} />;
  } else {
    main = <Welcome signedIn={Boolean(caller)} loading={Boolean(location.op)} />;
  }

  return (
    <div className="app">
      <header className="topbar">
        <a
          className="topbar__brand"
          href="/"
          onClick={(event) => {
            event.preventDefault();
            navigate({ op: '', action: '', type: '', q: '', section: '' });
          }}
        >
          <img src="/favicon.svg" alt="" width="24" height="24" />
          <span>OVHcloud API explorer</span>
        </a>
        <nav className="topbar__nav" aria-label="Pages">
          {PAGES.map(([page, label]) => (
            <a
              key={label}
              href={formatLocation({ ...location, page })}
              aria-current={location.page === page ? 'page' : undefined}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                event.preventDefault();
                navigate({ page });
              }}
            >
              {label}
            </a>
          ))}
        </nav>
        <div className="topbar__controls">
          <button
            type="button"
            className="button palette-button"
            onClick={() => setPaletteOpen(true)}
            aria-keyshortcuts="Control+K Meta+K"
          >
            Search everything <kbd>{isMac ? '⌘' : 'Ctrl'} K</kbd>
          </button>
          <RegionPicker
            value={location.region}
            onChange={(next) => navigate({ region: next, section: '', op: '', action: '', type: '' })}
          />
          <fieldset className="segmented">
            <legend className="visually-hidden">API branch</legend>
            {BRANCHES.map((branch) => (
              <label key={branch} className="segmented__option">
                <input
                  type="radio"
                  name="branch"
                  value={branch}
                  checked={location.branch === branch}
                  onChange={() => navigate({ branch, section: '', op: '' })}
                />
                <span>{branch}</span>
              </label>
            ))}
          </fieldset>
        </div>
      </header>

      <div className="layout">
        <aside className="sidebar">
          <SessionPanel region={location.region} />
          {/* The diagnose and simulator pages have their own inputs: the catalogue list would only be in the way. */}
          {!location.page && (
            <CatalogPanel
              catalog={catalog}
              query={location.q}
              onQueryChange={setQuery}
              filters={{
                section: location.section || undefined,
                hideDeprecated: location.hideDeprecated || undefined,
                noIamOnly: location.noIam || undefined,
              }}
              onFiltersChange={(filters) =>
                navigate(
                  {
                    section: filters.section ?? '',
                    hideDeprecated: filters.hideDeprecated ?? false,
                    noIam: filters.noIamOnly ?? false,
                  },
                  { replace: true },
                )
              }
              selectedId={operation?.id}
              hrefFor={links.operation}
              onSelect={(op) => navigate(links.operation(op))}
            />
          )}
        </aside>
        <main className="main" id="main">
          <Suspense fallback={<p className="muted">Loading…</p>}>{main}</Suspense>
        </main>
      </div>
      <CommandPalette
        catalog={catalog}
        open={paletteOpen}
        onClose={() => setPaletteOpen(false)}
        links={links}
      />
    </div>
  );
}
