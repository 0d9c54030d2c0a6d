import { useCallback } from 'react';
import { matchPath, templateSpecificity } from '../domain/catalog/path-template';
import type { RequestLine } from '../domain/errors/request-line';
import { pathParameterNames } from '../domain/catalog/path-template';
import { useCatalog } from '../features/catalog/use-catalog';
import { DiagnosePage, type ResolvedCall } from '../features/diagnose/diagnose-page';

type Props = { region: string; apiBase: string | undefined };

/** The paste-a-403 page, with the region's two catalogues to find the operation a request line calls. */
export function DiagnoseRoute({ region, apiBase }: Props) {
  const v1 = useCatalog(region, 'v1');
  const v2 = useCatalog(region, 'v2');
  const resolve = useCallback(
    (line: RequestLine): ResolvedCall => {
      const catalog = line.branch === 'v2' ? v2 : v1;
      if (!catalog.ready) return catalog.loadError ? { status: 'unknown' } : { status: 'loading' };
      const candidates = catalog.operations
        .filter((op) => op.method === line.method)
        .map((operation) => ({ operation, params: matchPath(operation.path, line.path) }))
        .filter(
          (c): c is { operation: (typeof c)['operation']; params: Record<string, string> } =>
            c.params !== undefined,
        )
        .sort((a, b) => templateSpecificity(b.operation.path) - templateSpecificity(a.operation.path));
      const best = candidates[0];
      if (!best) return { status: 'unknown' };
      return {
        status: 'found',
        operation: best.operation,
        params: best.params,
        pathParams: pathParameterNames(best.operation.path).map((name) => best.params[name] ?? ''),
      };
    },
    [v1, v2],
  );
  return <DiagnosePage region={region} apiBase={apiBase} resolve={resolve} />;
}
