import { useId } from 'react';
import type { Operation } from '../../domain/catalog/types';
import { explainForbidden, type CallerIdentity, type MissingAction } from '../../domain/iam/explain';
import { otherResourcesFromParams, actionResourceType } from '../../domain/iam/resource';
import { curlFor } from '../../domain/snippets/curl';
import { CopyButton } from '../../components/copy-button';

type Props = {
  body: unknown;
  operation: Operation;
  pathParams: string[];
  /** every value of the call by parameter name, to find the other resources of a multi-action call */
  values: Record<string, string>;
  /** undefined when nobody is signed in for this region */
  caller: CallerIdentity | undefined;
  plate: string;
  /** region API root, for the curl that creates the policy */
  apiBase: string | undefined;
};

const SOURCE: Record<MissingAction['source'], string> = {
  iam: 'refused by IAM: no policy grants it',
  authentication: "refused by the credential's own restrictions",
  schema: 'required by the operation (OVH did not say which action was missing)',
};

/**
 * The explanation of a 403 (OVH.md, "Errors"): which action is missing, for which identity, on which
 * resource, and the policy that would grant exactly that.
 */
export function ForbiddenPanel({ body, operation, pathParams, values, caller, plate, apiBase }: Props) {
  const titleId = useId();
  const types = operation.iamActions.map((a) => actionResourceType(a.name));
  const explanation = explainForbidden({
    body,
    operation,
    pathParams,
    otherResources: otherResourcesFromParams(types, values),
    plate,
    caller,
  });
  if (!explanation) return null;

  const iamMissing = explanation.missing.filter((m) => m.source !== 'authentication');
  const policyJson =
    explanation.policies.length === 1
      ? JSON.stringify(explanation.policies[0], null, 2)
      : JSON.stringify(explanation.policies, null, 2);
  const curls = apiBase
    ? explanation.policies
        .map((policy) =>
          curlFor({ method: 'POST', url: `${apiBase}/v2/iam/policy`, body: JSON.stringify(policy) }),
        )
        .join('\n\n')
    : undefined;

  return (
    <section className="card forbidden" role="region" aria-labelledby={titleId}>
      <h3 id={titleId} className="card__title">
        Why was this call forbidden?
      </h3>
      <p className="forbidden__summary">{summary(explanation.missing, explanation.identity, operation)}</p>

      <dl className="facts facts--wide">
        <dt>Missing {explanation.missing.length === 1 ? 'action' : 'actions'}</dt>
        <dd>
          <ul className="plain-list">
            {explanation.missing.map((m) => (
              <li key={`${m.source}:${m.action}`}>
                <code className="mono action-name">{m.action}</code>{' '}
                <span className="muted">
                  — {SOURCE[m.source]}
                  {m.declared
                    ? m.declared.required
                      ? '; required by this operation'
                      : '; optional for this operation'
                    : '; not listed in the operation’s schema'}
                </span>
              </li>
            ))}
          </ul>
        </dd>
        <dt>Identity</dt>
        <dd>
          {explanation.identity ? (
            <code className="mono">{explanation.identity}</code>
          ) : (
            <span className="muted">Sign in to this region to see which identity was refused.</span>
          )}
        </dd>
        <dt>Resource</dt>
        <dd>
          <ul className="plain-list">
            {[...new Set(explanation.missing.map((m) => m.resourceUrn ?? ''))].map((urn) => (
              <li key={urn}>
                {urn ? (
                  <code className="mono">{urn}</code>
                ) : (
                  <span className="muted">not named by the call (a list or a creation)</span>
                )}
              </li>
            ))}
          </ul>
        </dd>
      </dl>

      {explanation.unreported.length > 0 && (
        <p className="alert alert--info">
          This operation also requires {explanation.unreported.map((a) => a.name).join(', ')}; OVHcloud did
          not report it, so it may be granted already, or refused next.
        </p>
      )}
      {explanation.missing.some((m) => m.source === 'authentication') && (
        <p className="alert alert--warning">
          Some actions are refused by the credential itself (its allowed routes or scope): no policy can grant
          them. Use a credential without that restriction.
        </p>
      )}

      {explanation.policies.length > 0 && (
        <div className="forbidden__fix">
          <div className="forbidden__fix-head">
            <h4 className="section-title">
              Policy that would grant {iamMissing.length === 1 ? 'it' : 'them'}
            </h4>
            <CopyButton text={policyJson} label="Copy policy JSON" />
          </div>
          <pre className="code" aria-label="Policy JSON" tabIndex={0}>
            {policyJson}
          </pre>
          {curls && (
            <details>
              <summary>
                Create it with curl (POST /v2/iam/policy, as an identity that may write policies)
              </summary>
              <div className="forbidden__fix-head">
                <span className="muted">Export a token of that identity as OVH_TOKEN first.</span>
                <CopyButton text={curls} label="Copy curl command" />
              </div>
              <pre className="code">{curls}</pre>
            </details>
          )}
        </div>
      )}
    </section>
  );
}

function summary(missing: MissingAction[], identity: string | undefined, operation: Operation): string {
  const who = identity ?? 'the caller';
  const what = missing.map((m) => `${m.action}${m.resourceUrn ? ` on ${m.resourceUrn}` : ''}`).join(' and ');
  if (missing.length === 0)
    return `OVHcloud refused ${operation.method} ${operation.path} without naming the missing action.`;
  if (missing.every((m) => m.source === 'authentication'))
    return `The credential of ${who} is not allowed ${what}, whatever the policies say.`;
  return `No policy grants ${who} the ${missing.length === 1 ? 'action' : 'actions'} ${what}.`;
}
