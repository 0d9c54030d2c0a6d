import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Branch, Operation } from '../domain/catalog/types';
import { parseUrn } from '../domain/urn/urn';
import { CatalogPanel } from '../features/catalog/catalog-panel';
import { useCatalog } from '../features/catalog/use-catalog';
import { ForbiddenPanel } from '../features/diagnose/forbidden-panel';
import { OperationPanel } from '../features/request/operation-panel';
import { regionsQueryOptions, sessionQueryOptions } from '../features/session/queries';
import { RegionPicker } from '../features/session/region-picker';
import { SessionPanel } from '../features/session/session-panel';
import { formatLocation, useAppLocation } from './app-location';
import { Welcome } from './welcome';

const BRANCHES: Branch[] = ['v1', 'v2'];

export function App() {
  const [location, navigate] = useAppLocation();
  const queryClient = useQueryClient();
  const regions = useQuery(regionsQueryOptions());
  const session = useQuery(sessionQueryOptions());
  const catalog = useCatalog(location.region, location.branch);
  const [remembered, setRemembered] = useState<Record<string, string>>({});

  const region = regions.data?.find((r) => r.id === location.region);
  const caller = session.data?.region === location.region ? session.data.identity : undefined;
  const plate =
    (caller && parseUrn(caller.urns[0] ?? '')?.plate) ||
    (['eu', 'ca', 'us'].includes(location.region) ? location.region : 'eu');
  const operation = location.op ? catalog.operationById.get(location.op) : undefined;
  const catalogSettled = !catalog.rootPending && catalog.loaded + catalog.failed.length >= catalog.total;

  const hrefFor = useCallback((op: Operation) => formatLocation({ ...location, op: op.id }), [location]);
  const remember = useCallback(
    (name: string, value: string) => setRemembered((current) => ({ ...current, [name]: value })),
    [],
  );
  const refreshSession = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: sessionQueryOptions().queryKey }),
    [queryClient],
  );

  return (
    <div className="app">
      <header className="topbar">
        <a
          className="topbar__brand"
          href="/"
          onClick={(event) => {
            event.preventDefault();
            navigate({ op: '', q: '', section: '' });
          }}
        >
          <img src="/favicon.svg" alt="" width="24" height="24" />
          <span>OVHcloud API explorer</span>
        </a>
        <div className="topbar__controls">
          <RegionPicker
            value={location.region}
            onChange={(next) => navigate({ region: next, section: '' })}
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
                  onChange={() => navigate({ branch, section: '' })}
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
          <CatalogPanel
            catalog={catalog}
            query={location.q}
            onQueryChange={(q) => navigate({ q }, { replace: true })}
            section={location.section}
            onSectionChange={(section) => navigate({ section }, { replace: true })}
            selectedId={operation?.id}
            hrefFor={hrefFor}
            onSelect={(op) => navigate({ op: op.id })}
          />
        </aside>
        <main className="main" id="main">
          {operation ? (
            <OperationPanel
              key={`${location.region} ${operation.branch} ${operation.id}`}
              operation={operation}
              models={catalog.modelsOf(operation.section)}
              region={location.region}
              apiBase={region?.apiBase}
              remembered={remembered}
              onRemember={remember}
              onSent={refreshSession}
              renderResult={({ call, result }) =>
                result.status === 403 && !result.fromProxy ? (
                  <ForbiddenPanel
                    body={result.json}
                    operation={operation}
                    pathParams={call.pathParams}
                    values={call.values}
                    caller={caller}
                    plate={plate}
                    apiBase={region?.apiBase}
                  />
                ) : null
              }
            />
          ) : location.op && catalogSettled ? (
            <div className="card">
              <h2 className="card__title">Operation not found</h2>
              <p>
                <code className="mono">{location.op}</code> is not in the {location.branch} catalogue of{' '}
                {region?.label ?? location.region}. It may be in the other branch, or in a section that failed
                to load.
              </p>
            </div>
          ) : (
            <Welcome signedIn={Boolean(caller)} loading={Boolean(location.op)} />
          )}
        </main>
      </div>
    </div>
  );
}
