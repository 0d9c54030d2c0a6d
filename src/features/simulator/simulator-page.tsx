import { useMutation } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { createSearchIndex } from '../../domain/catalog/search-index';
import type { Operation } from '../../domain/catalog/types';
import { locateStatement } from '../../domain/iam/locate';
import type { Policy } from '../../domain/iam/policy';
import { POLICIES_SCHEMA } from '../../domain/iam/policy-schema';
import { reasonSentence } from '../../domain/iam/reason';
import { simulateOperation, type SimulatedOperation } from '../../domain/iam/simulate';
import { validatePolicyInput } from '../../domain/iam/validate-policy';
import { identityAccount, parseUrn } from '../../domain/urn/urn';
import { JsonEditor } from '../../components/json-editor';
import { MethodBadge } from '../../components/method-badge';
import { callProxy } from '../../lib/api-client';

type Props = {
  operations: Operation[];
  sections: { path: string; operationCount: number }[];
  region: string;
  /** the signed-in identity, a sensible default to simulate */
  identity?: string;
  signedIn: boolean;
  hasHelper: boolean;
};

const GUIDE_IDENTITY = 'urn:v1:eu:identity:credential:xx11111-ovh/oauth2-0f0f0f0f0f0f0f0f';
const GUIDE_HOSTING = 'urn:v1:eu:resource:webHosting:xxxxxxx.cluster001.hosting.ovh.net';

const EXAMPLE: Policy[] = [
  {
    id: 'example-1',
    name: 'Demo-service-account',
    description: 'Demo for service account guide with webhosting',
    identities: [GUIDE_IDENTITY],
    resources: [{ urn: GUIDE_HOSTING }],
    permissions: {
      allow: [{ action: 'webHosting:*' }],
      except: [{ action: 'webHosting:apiovh:attachedDomain/delete' }],
    },
  },
];

type Parsed = { policies: Policy[]; problems: string[] };

/** The editor's text as policies; every problem is reported, the valid policies still simulate. */
function parsePolicies(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { policies: [], problems: [`Not valid JSON: ${(error as Error).message}`] };
  }
  const list = Array.isArray(value) ? value : [value];
  const policies: Policy[] = [];
  const problems: string[] = [];
  list.forEach((item, i) => {
    const result = validatePolicyInput(item);
    const label = `Policy ${i + 1}${typeof (item as { name?: unknown })?.name === 'string' ? ` “${(item as { name: string }).name}”` : ''}`;
    if (!result.ok) {
      problems.push(...result.problems.map((p) => `${label}: ${p.path ? `${p.path}: ` : ''}${p.message}`));
      return;
    }
    const raw = item as { id?: unknown; owner?: unknown };
    policies.push({
      ...result.policy,
      id: typeof raw.id === 'string' ? raw.id : `policy-${i + 1}`,
      ...(typeof raw.owner === 'string' ? { owner: raw.owner } : {}),
    } as Policy);
    problems.push(...result.warnings.map((w) => `${label}: ${w.path}: ${w.message}`));
  });
  return { policies, problems };
}

function parseTags(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split(',')
      .map((pair) => pair.split('=').map((part) => part.trim()))
      .filter((pair): pair is [string, string] => pair.length === 2 && Boolean(pair[0])),
  );
}

const OUTCOME: Record<SimulatedOperation['outcome'], string> = {
  allow: 'Allowed',
  deny: 'Denied',
  unknown: 'Unknown',
  'not-applicable': 'Another resource',
  'no-iam': 'No IAM action',
};

/**
 * AWS's policy simulator, for OVHcloud: policies (edited here, or the account's), an identity and a resource,
 * and for every operation of a section or a search, whether it is allowed and which statement decided.
 * It needs no session, and decides with the evaluator the sandbox enforces with.
 */
export function SimulatorPage({
  operations,
  sections,
  region,
  identity: signedInIdentity,
  signedIn,
  hasHelper,
}: Props) {
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(EXAMPLE, null, 2));
  const [editorKey, setEditorKey] = useState(0);
  const [identity, setIdentity] = useState(signedInIdentity ?? GUIDE_IDENTITY);
  const [resourceUrn, setResourceUrn] = useState(GUIDE_HOSTING);
  const [owner, setOwner] = useState('');
  const [tags, setTags] = useState('');
  const [when, setWhen] = useState(() => new Date().toISOString().slice(0, 16));
  const [ip, setIp] = useState('');
  const [section, setSection] = useState('/hosting/web');
  const [filter, setFilter] = useState('');
  const [highlight, setHighlight] = useState<{ start: number; end: number }>();

  const parsed = useMemo(() => parsePolicies(text), [text]);
  const index = useMemo(() => createSearchIndex(operations), [operations]);
  const selection = useMemo(() => {
    if (!section && !filter.trim()) return [];
    return index
      .search(filter, section ? { section } : {})
      .slice(0, 500)
      .map((hit) => operations[hit.index])
      .filter((op): op is Operation => op !== undefined);
  }, [index, operations, section, filter]);

  const identityValid = parseUrn(identity)?.kind === 'identity';
  const resourceValid = parseUrn(resourceUrn)?.kind === 'resource';
  const date = new Date(when);
  const rows = useMemo(() => {
    if (!identityValid || !resourceValid || Number.isNaN(date.getTime())) return [];
    const context = {
      identity,
      resourceUrn,
      ...(owner.trim() ? { resourceOwner: owner.trim() } : {}),
      resourceTags: parseTags(tags),
      now: date,
      ...(ip.trim() ? { ip: ip.trim() } : {}),
    };
    // Policies without an owner are taken as the identity's account's.
    const account = identityAccount(identity);
    const policies = parsed.policies.map((p) => (p.owner || !account ? p : { ...p, owner: account }));
    return selection.map((operation) => ({
      operation,
      result: simulateOperation(operation, policies, context),
    }));
    // date is derived from when
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [parsed, selection, identity, resourceUrn, owner, tags, when, ip, identityValid, resourceValid]);

  const load = useMutation({
    mutationFn: async () => {
      const attempts: Record<string, string>[] = [{}, ...(hasHelper ? [{ 'X-Explorer-As': 'helper' }] : [])];
      for (const headers of attempts) {
        const result = await callProxy(`/api/ovh/${region}/v2/iam/policy`, { method: 'GET', headers });
        if (result.status === 200 && Array.isArray(result.json)) return result.json as Policy[];
        if (result.status !== 403)
          throw new Error(
            (result.json as { message?: string } | undefined)?.message ??
              `OVHcloud answered ${result.status}`,
          );
      }
      throw new Error(
        `The signed-in account${hasHelper ? 's' : ''} may not read policies (account:apiovh:iam/policy/get).`,
      );
    },
    onSuccess: (policies) => {
      setText(JSON.stringify(policies, null, 2));
      setEditorKey((k) => k + 1);
      setHighlight(undefined);
    },
  });

  function showDeciding(result: SimulatedOperation) {
    const reason = result.deciding?.decision?.reason;
    if (!reason || !('policy' in reason)) return setHighlight(undefined);
    const list = reason.kind === 'denied' ? 'deny' : reason.kind === 'excepted' ? 'except' : 'allow';
    const pattern =
      reason.kind === 'denied' || reason.kind === 'excepted'
        ? reason.pattern
        : reason.kind === 'allowed'
          ? reason.pattern
          : undefined;
    const found = pattern
      ? locateStatement(
          text,
          {
            id: reason.policy.id.startsWith('policy-') ? undefined : reason.policy.id,
            name: reason.policy.name,
          },
          list,
          pattern,
        )
      : undefined;
    setHighlight(found);
  }

  const counts = rows.reduce<Record<string, number>>(
    (acc, row) => ({ ...acc, [row.result.outcome]: (acc[row.result.outcome] ?? 0) + 1 }),
    {},
  );

  return (
    <div className="page-stack">
      <section className="card page" aria-labelledby={`${id}-title`}>
        <p className="eyebrow">Simulator</p>
        <h2 id={`${id}-title`} className="page__title">
          What would these policies allow?
        </h2>
        <p className="muted">
          Edit or paste policies in OVHcloud’s format, pick an identity and a resource, and see every
          operation of a section or a search allowed or denied, with the statement that decided. Nothing is
          sent: the decision is the sandbox’s own evaluator.
        </p>
        <div className="simulator">
          <div className="simulator__policies">
            <div className="forbidden__fix-head">
              <span className="field__label" id={`${id}-policies`}>
                Policies
              </span>
              <div className="actions">
                {signedIn && (
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => load.mutate()}
                    disabled={load.isPending}
                  >
                    {load.isPending ? 'Loading…' : 'Load the account’s policies'}
                  </button>
                )}
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => {
                    setText(JSON.stringify(EXAMPLE, null, 2));
                    setEditorKey((k) => k + 1);
                    setHighlight(undefined);
                  }}
                >
                  Example
                </button>
              </div>
            </div>
            <JsonEditor
              key={editorKey}
              value={text}
              onChange={setText}
              label="Policies"
              schema={POLICIES_SCHEMA}
              highlight={highlight}
              minLines={16}
              maxLines={40}
            />
            {load.isError && (
              <p className="alert alert--error" role="alert">
                {load.error.message}
              </p>
            )}
            {parsed.problems.length > 0 ? (
              <ul className="field__error plain-list">
                {parsed.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : (
              <p className="field__hint">
                {parsed.policies.length === 1
                  ? '1 valid policy.'
                  : `${parsed.policies.length} valid policies.`}{' '}
                Without an owner, a policy belongs to the identity’s account.
              </p>
            )}
          </div>
          <div className="simulator__context">
            <label className="field">
              <span className="field__label">Identity URN</span>
              <input
                className="input mono"
                value={identity}
                onChange={(e) => setIdentity(e.target.value)}
                spellCheck={false}
                aria-invalid={!identityValid || undefined}
              />
            </label>
            <label className="field">
              <span className="field__label">Resource URN</span>
              <input
                className="input mono"
                value={resourceUrn}
                onChange={(e) => setResourceUrn(e.target.value)}
                spellCheck={false}
                aria-invalid={!resourceValid || undefined}
              />
              <span className="field__hint">
                Actions of the account (everything under /me) apply to the identity’s account instead.
              </span>
            </label>
            <div className="simulator__row">
              <label className="field">
                <span className="field__label">Resource tags</span>
                <input
                  className="input mono"
                  value={tags}
                  onChange={(e) => setTags(e.target.value)}
                  placeholder="environment=production"
                  spellCheck={false}
                />
              </label>
              <label className="field">
                <span className="field__label">Resource owner</span>
                <input
                  className="input mono"
                  value={owner}
                  onChange={(e) => setOwner(e.target.value)}
                  placeholder={identityAccount(identity) ?? 'account'}
                  spellCheck={false}
                />
              </label>
            </div>
            <div className="simulator__row">
              <label className="field">
                <span className="field__label">When</span>
                <input
                  className="input"
                  type="datetime-local"
                  value={when}
                  onChange={(e) => setWhen(e.target.value)}
                />
              </label>
              <label className="field">
                <span className="field__label">Caller IP</span>
                <input
                  className="input mono"
                  value={ip}
                  onChange={(e) => setIp(e.target.value)}
                  placeholder="unknown"
                  spellCheck={false}
                />
              </label>
            </div>
            <div className="simulator__row">
              <label className="field">
                <span className="field__label">Section</span>
                <select className="select" value={section} onChange={(e) => setSection(e.target.value)}>
                  <option value="">All sections (with a search)</option>
                  {sections.map((s) => (
                    <option key={s.path} value={s.path}>
                      {s.path} ({s.operationCount})
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field__label">Operations matching</span>
                <input
                  className="input"
                  value={filter}
                  onChange={(e) => setFilter(e.target.value)}
                  placeholder="reboot, webHosting:*…"
                />
              </label>
            </div>
          </div>
        </div>
      </section>

      <section className="card" aria-labelledby={`${id}-results`}>
        <h3 id={`${id}-results`} className="card__title">
          Decisions
          {rows.length > 0 && (
            <span className="muted">
              {' '}
              — {rows.length} operations:{' '}
              {Object.entries(counts)
                .map(
                  ([outcome, n]) => `${n} ${OUTCOME[outcome as SimulatedOperation['outcome']].toLowerCase()}`,
                )
                .join(', ')}
            </span>
          )}
        </h3>
        {!identityValid || !resourceValid ? (
          <p className="muted">Give a valid identity URN and resource URN.</p>
        ) : rows.length === 0 ? (
          <p className="muted">Pick a section or search operations.</p>
        ) : (
          <div className="table-scroll">
            <table className="table simulator__table">
              <thead>
                <tr>
                  <th scope="col">Operation</th>
                  <th scope="col">Decision</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ operation, result }) => {
                  const deciding = result.deciding;
                  const why =
                    deciding?.decision && deciding.resourceUrn
                      ? reasonSentence(deciding.decision, {
                          identity,
                          action: deciding.action,
                          resourceUrn: deciding.resourceUrn,
                        })
                      : result.outcome === 'not-applicable'
                        ? `${deciding?.action} applies to another resource type than the one simulated.`
                        : result.outcome === 'no-iam'
                          ? 'No IAM action needed.'
                          : '';
                  const reason = deciding?.decision?.reason;
                  return (
                    <tr key={operation.id}>
                      <th scope="row">
                        <MethodBadge method={operation.method} />{' '}
                        <span className="mono">{operation.path}</span>
                      </th>
                      <td>
                        <span className={`decision decision--${result.outcome}`}>
                          {OUTCOME[result.outcome]}
                        </span>
                      </td>
                      <td>
                        {why}
                        {reason && 'policy' in reason && (
                          <>
                            {' '}
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => showDeciding(result)}
                            >
                              Show the statement
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
