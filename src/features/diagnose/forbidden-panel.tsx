import { useQueries, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { Operation } from '../../domain/catalog/types';
import { evaluate, type Decision } from '../../domain/iam/evaluate';
import { explainForbidden, type CallerIdentity, type MissingAction } from '../../domain/iam/explain';
import { proposeEdits, type PolicyEdit } from '../../domain/iam/fix';
import type { PolicyInput } from '../../domain/iam/policy';
import { POLICIES_SCHEMA } from '../../domain/iam/policy-schema';
import { reasonSentence } from '../../domain/iam/reason';
import { actionResourceType, otherResourcesFromParams } from '../../domain/iam/resource';
import { suggestPolicies } from '../../domain/iam/suggest';
import { validatePolicyInput } from '../../domain/iam/validate-policy';
import { curlFor } from '../../domain/snippets/curl';
import { diffLines } from '../../domain/snippets/diff';
import { CopyButton } from '../../components/copy-button';
import { JsonEditor } from '../../components/json-editor';
import { HelperDialog, type HelperView } from './helper-dialog';
import {
  authorizationCheckQueryOptions,
  policiesQueryOptions,
  resourceQueryOptions,
  type CheckResult,
  type PolicyRead,
  type ResourceMeta,
} from './queries';
import { TroubleshootTable } from './troubleshoot-table';
import type { CreatedPolicy } from './use-helper';

type Props = {
  body: unknown;
  /** the operation called, when known (a pasted 403 may not match one) */
  operation?: Operation;
  pathParams: string[];
  /** every value of the call by parameter name, to find the other resources of a multi-action call */
  values: Record<string, string>;
  /** undefined when nobody is signed in for this region */
  caller: CallerIdentity | undefined;
  plate: string;
  /** region API root, for the curl that creates the policy */
  apiBase: string | undefined;
  region: string;
  /** the session's helper account (reads and writes policies), if signed in */
  helper?: HelperView;
  /** runs the refused call again, as the same identity */
  onRetry?: () => void;
  /** a pasted 403: explain from what was given, ask OVHcloud nothing */
  offline?: boolean;
};

const SOURCE: Record<MissingAction['source'], string> = {
  iam: 'refused by IAM',
  authentication: "refused by the credential's own restrictions",
  schema: 'required by the operation (OVHcloud did not say which action was missing)',
};

type Target = { action: string; resourceUrn: string };

/**
 * The explanation of a 403 (OVH.md, "Errors"): which action is missing, for which identity, on which resource,
 * why (which policy decided, or none), and the fix — a new policy or an edit to an existing one.
 */
export function ForbiddenPanel({
  body,
  operation,
  pathParams,
  values,
  caller,
  plate,
  apiBase,
  region,
  helper = null,
  onRetry,
  offline = false,
}: Props) {
  const titleId = useId();
  const explanation = useMemo(() => {
    const types = operation?.iamActions.map((a) => actionResourceType(a.name)) ?? [];
    return explainForbidden({
      body,
      ...(operation ? { operation } : {}),
      pathParams,
      otherResources: otherResourcesFromParams(types, values),
      plate,
      caller,
    });
  }, [body, operation, pathParams, values, plate, caller]);
  const identity = explanation?.identity ?? '';
  // The actions IAM refused, each on its resource: what the policies are evaluated against.
  const targets: Target[] = useMemo(
    () =>
      (explanation?.missing ?? [])
        .filter((m) => m.source !== 'authentication' && m.resourceUrn)
        .map((m) => ({ action: m.action, resourceUrn: m.resourceUrn ?? '' })),
    [explanation],
  );

  // Policies: read as the refused identity; if it may not, as the helper account.
  const online = !offline && Boolean(caller);
  const asPrimary = useQuery(policiesQueryOptions(region, identity, 'primary', online));
  const primaryRefused = asPrimary.data?.readable === false;
  const asHelper = useQuery(
    policiesQueryOptions(region, identity, 'helper', online && primaryRefused && Boolean(helper)),
  );
  const read = asHelper.data?.readable ? asHelper.data : asPrimary.data;
  const readable = read?.readable ? read : undefined;

  const resourceUrns = useMemo(() => [...new Set(targets.map((t) => t.resourceUrn))], [targets]);
  const resources = useQueries({
    queries: resourceUrns.map((urn) => resourceQueryOptions(region, urn, online)),
  });
  const resourceResult = (urn: string) => resources[resourceUrns.indexOf(urn)]?.data;
  const resourceMeta = (urn: string) => {
    const data = resourceResult(urn);
    return data?.found ? data.resource : undefined;
  };
  const checks = useQueries({
    queries: targets.map((t) =>
      authorizationCheckQueryOptions(
        region,
        t.resourceUrn,
        [t.action],
        online && read !== undefined && !readable,
      ),
    ),
  });

  // A handful of policies and actions: evaluated on every render, no memo needed.
  const decisions =
    readable && caller
      ? targets.map((target) => {
          const meta = resourceMeta(target.resourceUrn);
          const decision = evaluate(readable.policies, {
            identities: caller.urns,
            action: target.action,
            resource: {
              urn: target.resourceUrn,
              owner: meta?.owner ?? caller.account,
              tags: meta?.tags ?? {},
            },
            now: new Date(),
          });
          return { target, decision };
        })
      : [];

  const edits = readable
    ? decisions.flatMap(({ target, decision }) => proposeEdits(decision, readable.policies, target))
    : [];

  if (!explanation) return null;

  const summary = decisions.length
    ? decisions.map(({ target, decision }) =>
        reasonSentence(decision, { identity: identity || 'the caller', ...target }),
      )
    : [genericSummary(explanation.missing, explanation.identity, operation)];

  return (
    <section className="card forbidden" role="region" aria-labelledby={titleId}>
      <h3 id={titleId} className="card__title">
        Why was this call forbidden?
      </h3>
      {summary.map((sentence) => (
        <p key={sentence} className="forbidden__summary">
          {sentence}
        </p>
      ))}

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
                    : operation
                      ? '; not listed in the operation’s schema'
                      : ''}
                </span>
              </li>
            ))}
          </ul>
        </dd>
        <dt>Identity</dt>
        <dd>
          {identity ? (
            <code className="mono">{identity}</code>
          ) : (
            <span className="muted">
              {offline
                ? 'Give the identity URN to see who was refused.'
                : 'Sign in to this region to see which identity was refused.'}
            </span>
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
                  <span className="muted">not named by the call (a list, or a creation on a collection)</span>
                )}
                {urn && online && <ResourceConfirmation result={resourceResult(urn)} />}
              </li>
            ))}
          </ul>
        </dd>
      </dl>

      {explanation.unreported.length > 0 && (
        <p className="alert alert--info">
          This operation also requires {explanation.unreported.map((a) => a.name).join(', ')}; OVHcloud did
          not report it, so it is granted already, or will be refused next.
        </p>
      )}
      {explanation.missing.some((m) => m.source === 'authentication') && (
        <p className="alert alert--warning">
          Some actions are refused by the credential itself (its allowed routes or scope): no policy can grant
          them. Use a credential without that restriction.
        </p>
      )}

      {online && (
        <Troubleshooter
          identity={identity}
          read={read}
          loading={asPrimary.isPending || (primaryRefused && Boolean(helper) && asHelper.isPending)}
          decisions={decisions}
          checks={targets.map((t, i) => ({ target: t, result: checks[i]?.data }))}
          region={region}
          helper={helper}
        />
      )}

      <Fix
        identity={identity}
        minimal={explanation.policies}
        edits={edits}
        denied={decisions.some(({ decision }) => decision.reason.kind === 'denied')}
        apiBase={apiBase}
        region={region}
        helper={helper}
        canCreate={online}
        onRetry={onRetry}
      />
    </section>
  );
}

function genericSummary(
  missing: MissingAction[],
  identity: string | undefined,
  operation: Operation | undefined,
): string {
  const who = identity ?? 'the caller';
  const what = missing.map((m) => `${m.action}${m.resourceUrn ? ` on ${m.resourceUrn}` : ''}`).join(' and ');
  const call = operation ? `${operation.method} ${operation.path}` : 'the call';
  if (missing.length === 0) return `OVHcloud refused ${call} without naming the missing action.`;
  if (missing.every((m) => m.source === 'authentication'))
    return `The credential of ${who} is not allowed ${what}, whatever the policies say.`;
  // Without the policies, a missing allow and a deny look alike in OVHcloud's answer.
  return `No policy allows ${who} ${what}, or one denies it: OVHcloud's answer does not say which.`;
}

function ResourceConfirmation({
  result,
}: {
  result: { found: true; resource: ResourceMeta } | { found: false; status: number } | undefined;
}) {
  if (!result) return null;
  if (!result.found) {
    return (
      <span className="muted">
        {' '}
        —{' '}
        {result.status === 404
          ? 'not a resource of this account: a typo, or another account’s resource?'
          : 'could not be confirmed'}
      </span>
    );
  }
  const tags = Object.entries(result.resource.tags);
  return (
    <span className="muted">
      {' '}
      — confirmed: “{result.resource.displayName}” of {result.resource.owner}
      {tags.length > 0 && `, tags ${tags.map(([k, v]) => `${k}=${v}`).join(', ')}`}
    </span>
  );
}

type TroubleshooterProps = {
  identity: string;
  read: PolicyRead | undefined;
  loading: boolean;
  decisions: { target: Target; decision: Decision }[];
  checks: { target: Target; result: CheckResult | { status: number } | undefined }[];
  region: string;
  helper: HelperView;
};

/** GCP's troubleshooter, for OVHcloud: the policies that name the identity, evaluated as OVHcloud does. */
function Troubleshooter({ identity, read, loading, decisions, checks, region, helper }: TroubleshooterProps) {
  const [dialog, setDialog] = useState(false);
  if (loading) return <p className="muted">Reading the policies that name this identity…</p>;
  if (!read) return null;
  if (!read.readable) {
    return (
      <div className="troubleshoot">
        <h4 className="section-title">Policies</h4>
        <div className="alert alert--warning">
          <p>
            <strong>UNKNOWN:</strong>{' '}
            {read.as === 'helper' ? 'the helper account' : <code className="mono">{identity}</code>} may not
            read policies
            {read.missingAction
              ? ` (it lacks ${read.missingAction})`
              : ` (OVHcloud answered ${read.status}: ${read.message})`}
            , so which policy decided cannot be told.
          </p>
          {!helper && (
            <button type="button" className="button button--small" onClick={() => setDialog(true)}>
              Read the policies with another account…
            </button>
          )}
        </div>
        {checks.length > 0 && (
          <>
            <p className="muted">What OVHcloud’s authorization check says for this identity:</p>
            <ul className="plain-list">
              {checks.map(({ target, result }) => (
                <li key={`${target.action}@${target.resourceUrn}`}>
                  <code className="mono">{target.action}</code> on{' '}
                  <code className="mono">{target.resourceUrn}</code>:{' '}
                  {!result
                    ? '…'
                    : 'authorizedActions' in result
                      ? result.authorizedActions.includes(target.action)
                        ? 'allowed'
                        : 'refused'
                      : `could not be checked (${result.status})`}
                </li>
              ))}
            </ul>
          </>
        )}
        <HelperDialog
          open={dialog}
          onClose={() => setDialog(false)}
          policies={[]}
          region={region}
          helper={helper}
          callerIdentity={identity}
        />
      </div>
    );
  }
  return (
    <div className="troubleshoot">
      <h4 className="section-title">
        Policies that name this identity ({read.policies.length})
        {read.as === 'helper' && <span className="muted"> — read with the helper account</span>}
      </h4>
      {decisions.map(({ target, decision }) => (
        <TroubleshootTable
          key={`${target.action}@${target.resourceUrn}`}
          action={target.action}
          resourceUrn={target.resourceUrn}
          decision={decision}
        />
      ))}
    </div>
  );
}

type FixProps = {
  identity: string;
  /** the explanation's policies: exactly the refused actions, on their resources */
  minimal: PolicyInput[];
  edits: PolicyEdit[];
  /** a deny decided: no new allow can lift it */
  denied: boolean;
  apiBase: string | undefined;
  region: string;
  helper: HelperView;
  canCreate: boolean;
  onRetry?: () => void;
};

/** The fix: a new policy (minimal, or the resource type's wildcard), editable and checked; or an edit to an existing one. */
function Fix({ identity, minimal, edits, denied, apiBase, region, helper, canCreate, onRetry }: FixProps) {
  const [variant, setVariant] = useState<'minimal' | 'broad'>('minimal');
  // The broader variant widens each minimal policy to its resource type's wildcard.
  const proposals = useMemo(() => {
    const grants = minimal.map((policy) => ({
      resourceUrn: policy.resources[0]?.urn ?? '',
      actions: (policy.permissions.allow ?? []).map((a) => a.action),
    }));
    return { minimal, broad: identity ? suggestPolicies({ identity, grants, broad: true }) : [] };
  }, [identity, minimal]);
  const initial = format(proposals[variant]);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const text = texts[variant] ?? initial;
  const parsed = useMemo(() => parsePolicies(text), [text]);
  const [dialog, setDialog] = useState(false);
  const [created, setCreated] = useState<CreatedPolicy[]>([]);
  const radioName = useId();

  if (proposals.minimal.length === 0 && edits.length === 0) return null;
  const curls =
    apiBase && parsed.policies
      ? parsed.policies
          .map((p) => curlFor({ method: 'POST', url: `${apiBase}/v2/iam/policy`, body: JSON.stringify(p) }))
          .join('\n\n')
      : undefined;

  return (
    <div className="forbidden__fix">
      {edits.map((edit) => (
        <PolicyEditView key={`${edit.policy.id}:${edit.kind}`} edit={edit} apiBase={apiBase} />
      ))}
      {denied && (
        <p className="alert alert--info">
          A new policy cannot help here: a deny wins over every allow, so the deny itself must go (or the call
          be made by another identity).
        </p>
      )}
      {proposals.minimal.length > 0 && !denied && (
        <>
          <div className="forbidden__fix-head">
            <h4 className="section-title">
              {edits.length ? 'Or a new policy' : 'Policy that would grant it'}
            </h4>
            <fieldset className="segmented segmented--small">
              <legend className="visually-hidden">Policy scope</legend>
              {(['minimal', 'broad'] as const).map((v) => (
                <label key={v} className="segmented__option">
                  <input
                    type="radio"
                    name={radioName}
                    checked={variant === v}
                    onChange={() => setVariant(v)}
                  />
                  <span>{v === 'minimal' ? 'Exactly this action' : 'Every action of the type'}</span>
                </label>
              ))}
            </fieldset>
          </div>
          <JsonEditor
            key={variant}
            schema={POLICIES_SCHEMA}
            value={text}
            onChange={(value) => setTexts((t) => ({ ...t, [variant]: value }))}
            label="Policy JSON"
            minLines={8}
          />
          {parsed.problems.length > 0 ? (
            <ul className="field__error plain-list" aria-live="polite">
              {parsed.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : (
            <p className="field__hint">
              A valid policy in OVHcloud’s format
              {variant === 'broad'
                ? ': it grants every action of the resource type, not only the one refused.'
                : '.'}
            </p>
          )}
          <div className="actions">
            <CopyButton text={text} label="Copy policy JSON" />
            {curls && (
              <CopyButton text={curls} label="Copy curl command">
                Copy as curl
              </CopyButton>
            )}
            {canCreate && (
              <button
                type="button"
                className="button button--primary"
                disabled={!parsed.policies}
                onClick={() => setDialog(true)}
              >
                Create this policy…
              </button>
            )}
          </div>
          {curls && (
            <details>
              <summary>
                Create it with curl (POST /v2/iam/policy, as an identity that may write policies)
              </summary>
              <pre className="code">{curls}</pre>
            </details>
          )}
          {created.length > 0 && (
            <div className="alert alert--success" role="status">
              <p>
                Created {created.map((c) => `“${c.name}”`).join(', ')}. Run the call again as{' '}
                <code className="mono">{identity}</code>:
              </p>
              {onRetry && (
                <button type="button" className="button button--small" onClick={onRetry}>
                  Retry
                </button>
              )}
            </div>
          )}
          <HelperDialog
            open={dialog}
            onClose={() => setDialog(false)}
            policies={parsed.policies ?? []}
            region={region}
            helper={helper}
            callerIdentity={identity}
            onCreated={setCreated}
          />
        </>
      )}
    </div>
  );
}

function PolicyEditView({ edit, apiBase }: { edit: PolicyEdit; apiBase: string | undefined }) {
  const before = JSON.stringify(edit.before, null, 2);
  const after = JSON.stringify(edit.after, null, 2);
  const lines = diffLines(before, after);
  const curl = apiBase
    ? curlFor({
        method: 'PUT',
        url: `${apiBase}/v2/iam/policy/${edit.policy.id}`,
        body: JSON.stringify(edit.after),
      })
    : undefined;
  return (
    <div className="policy-edit">
      <div className="forbidden__fix-head">
        <h4 className="section-title">Edit “{edit.policy.name}”</h4>
        {curl && (
          <CopyButton text={curl} label={`Copy the curl that edits ${edit.policy.name}`}>
            Copy as curl
          </CopyButton>
        )}
      </div>
      <p>{edit.description}</p>
      <pre className="code diff" aria-label={`Changes to ${edit.policy.name}`}>
        {lines
          .filter(
            (line, i) =>
              line.kind !== 'same' || lines.slice(Math.max(0, i - 2), i + 3).some((l) => l.kind !== 'same'),
          )
          .map((line, i) => (
            <span key={i} className={`diff__line diff__line--${line.kind}`}>
              {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '}
              {line.text}
              {'\n'}
            </span>
          ))}
      </pre>
    </div>
  );
}

function format(policies: PolicyInput[]): string {
  return JSON.stringify(policies.length === 1 ? policies[0] : policies, null, 2);
}

/** The editor's text as policies, checked against OVHcloud's policy shape. */
function parsePolicies(text: string): { policies?: PolicyInput[]; problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problems: [`Not valid JSON: ${(error as Error).message}`] };
  }
  const list = Array.isArray(value) ? value : [value];
  const problems: string[] = [];
  const policies: PolicyInput[] = [];
  list.forEach((item, i) => {
    const result = validatePolicyInput(item);
    const prefix = list.length > 1 ? `Policy ${i + 1}: ` : '';
    if (result.ok) policies.push(result.policy);
    else problems.push(...result.problems.map((p) => `${prefix}${p.path ? `${p.path}: ` : ''}${p.message}`));
  });
  return problems.length ? { problems } : { policies, problems };
}
