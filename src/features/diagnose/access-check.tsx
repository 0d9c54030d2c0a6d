import { useMutation } from '@tanstack/react-query';
import type { Operation } from '../../domain/catalog/types';
import {
  actionResourceType,
  otherResourcesFromParams,
  resourceUrnForAction,
} from '../../domain/iam/resource';
import { checkAuthorization } from './queries';

type Props = {
  operation: Operation;
  /** path parameter values, in path order, as the user typed them so far */
  pathParams: string[];
  values: Record<string, string>;
  caller: { account: string } | undefined;
  plate: string;
  region: string;
};

type Row = { action: string; resourceUrn?: string; allowed?: boolean; error?: string };

/**
 * Pre-flight: asks OVHcloud (authorization/check, which needs no action) whether the signed-in identity may
 * do each required action of the call on its resource, before anything is sent: what matters before a DELETE.
 */
export function AccessCheck({ operation, pathParams, values, caller, plate, region }: Props) {
  const required = operation.iamActions.filter((a) => a.required);
  const check = useMutation({
    mutationFn: async (): Promise<Row[]> => {
      if (!caller) return [];
      const primaryType = required[0] ? actionResourceType(required[0].name) : undefined;
      const target = {
        plate,
        account: caller.account,
        pathParams,
        ...(primaryType ? { primaryType } : {}),
        otherResources: otherResourcesFromParams(
          required.map((a) => actionResourceType(a.name)).filter((t) => t !== primaryType),
          values,
        ),
      };
      const rows: Row[] = required.map((a) => {
        const resourceUrn = pathParams.every(Boolean) ? resourceUrnForAction(a.name, target) : undefined;
        return resourceUrn ? { action: a.name, resourceUrn } : { action: a.name };
      });
      const byResource = new Map<string, Row[]>();
      for (const row of rows)
        if (row.resourceUrn)
          byResource.set(row.resourceUrn, [...(byResource.get(row.resourceUrn) ?? []), row]);
      await Promise.all(
        [...byResource].map(async ([urn, group]) => {
          const answer = await checkAuthorization(
            region,
            urn,
            group.map((r) => r.action),
          );
          for (const row of group) {
            if ('authorizedActions' in answer) row.allowed = answer.authorizedActions.includes(row.action);
            else row.error = `OVHcloud answered ${answer.status}`;
          }
        }),
      );
      return rows;
    },
  });

  if (required.length === 0) return null;
  return (
    <div className="access-check">
      <button
        type="button"
        className="button button--small"
        onClick={() => check.mutate()}
        disabled={!caller || check.isPending}
      >
        {check.isPending ? 'Checking…' : 'Check my access'}
      </button>
      {!caller && <span className="muted"> Sign in to this region to check your access before sending.</span>}
      {check.isError && (
        <p className="alert alert--error" role="alert">
          {check.error.message}
        </p>
      )}
      {check.data && (
        <ul className="plain-list access-check__results" aria-label="Access check">
          {check.data.map((row) => (
            <li key={row.action}>
              <span
                className={`decision decision--${row.allowed === true ? 'allow' : row.allowed === false ? 'deny' : 'unknown'}`}
              >
                {row.allowed === true ? 'allowed' : row.allowed === false ? 'denied' : 'not checked'}
              </span>{' '}
              <code className="mono">{row.action}</code>
              {row.resourceUrn ? (
                <span className="muted">
                  {' '}
                  on <code className="mono">{row.resourceUrn}</code>
                </span>
              ) : (
                <span className="muted">
                  {' '}
                  — {row.error ?? 'fill in the parameters that name its resource first'}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
