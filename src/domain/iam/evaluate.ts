import { parseUrn } from '../urn/urn';
import { evaluateCondition, type ConditionContext, type ConditionOutcome } from './conditions';
import { matchesPattern } from './pattern';
import type { Permissions, Policy } from './policy';

/**
 * The one IAM evaluator (OVH.md, "Policies and how they are evaluated"): the sandbox enforces with it and
 * the explorer explains with it, so an explanation can never disagree with the enforcement.
 *
 * Default deny; `allow` grants; `except` removes actions from its own policy's allow only; `deny` wins over
 * every allow of every policy; an expired policy counts for nothing; a policy with conditions applies only
 * when they hold; the account owner is never restricted; a policy only reaches its owner's resources.
 */

export type AccessRequest = {
  /** the caller's identity URNs, as /auth/details lists them */
  identities: string[];
  action: string;
  resource: {
    urn: string;
    /** account that owns the resource; needed for the owner rule and to keep policies within their account */
    owner?: string;
    tags?: Record<string, string>;
  };
  now: Date;
  /** the caller's IP, when known (it is not in the browser) */
  ip?: string;
};

export type PolicyRef = { id: string; name: string };

export type ConditionState = 'none' | 'holds' | 'fails' | 'unknown';

export type PolicyVerdict = {
  policy: PolicyRef;
  /** the policy names one of the caller's identities */
  identity: boolean;
  /** one of its resource URNs (or patterns) covers the resource */
  resource: boolean;
  /** the policy belongs to the resource's account (always true when either owner is unknown) */
  sameAccount: boolean;
  expired: boolean;
  condition: ConditionState;
  failedConditions: ConditionOutcome['failed'];
  /** the pattern of each list that matches the action, if any */
  allow?: string;
  except?: string;
  deny?: string;
};

export type DecisionReason =
  | { kind: 'owner'; account: string }
  | { kind: 'allowed'; policy: PolicyRef; pattern: string }
  | { kind: 'denied'; policy: PolicyRef; pattern: string }
  | { kind: 'excepted'; policy: PolicyRef; pattern: string; allowPattern: string }
  | { kind: 'expired'; policy: PolicyRef; expiredAt: string }
  | { kind: 'condition-failed'; policy: PolicyRef; failed: ConditionOutcome['failed'] }
  | { kind: 'condition-unknown'; policy: PolicyRef; failed: ConditionOutcome['failed'] }
  | { kind: 'no-policy' };

export type Decision = {
  outcome: 'allow' | 'deny' | 'unknown';
  reason: DecisionReason;
  /** one per policy, in input order: the troubleshooter's table */
  verdicts: PolicyVerdict[];
};

export type EvaluateOptions = {
  /** permissions of the permissions groups that policies reference, by URN */
  permissionsGroups?: ReadonlyMap<string, Permissions>;
};

export function evaluate(
  policies: readonly Policy[],
  request: AccessRequest,
  options: EvaluateOptions = {},
): Decision {
  const expiredAtById = new Map(policies.map((p) => [p.id, p.expiredAt ?? '']));
  const verdicts = policies.map((policy) => verdictOf(policy, request, options));

  const owner = ownerAccount(request);
  if (owner) return { outcome: 'allow', reason: { kind: 'owner', account: owner }, verdicts };

  const targeting = verdicts.filter((v) => v.identity && v.resource && v.sameAccount);
  const live = targeting.filter((v) => !v.expired);
  const certain = live.filter((v) => v.condition === 'none' || v.condition === 'holds');
  const uncertain = live.filter((v) => v.condition === 'unknown');
  const grants = (v: PolicyVerdict) => v.allow !== undefined && v.except === undefined;

  const denying = certain.find((v) => v.deny !== undefined);
  if (denying?.deny) {
    return {
      outcome: 'deny',
      reason: { kind: 'denied', policy: denying.policy, pattern: denying.deny },
      verdicts,
    };
  }
  const maybeDenying = uncertain.find((v) => v.deny !== undefined);
  const allowing = certain.find(grants);
  if (allowing?.allow) {
    if (maybeDenying) return unknown(maybeDenying, verdicts);
    return {
      outcome: 'allow',
      reason: { kind: 'allowed', policy: allowing.policy, pattern: allowing.allow },
      verdicts,
    };
  }
  const maybeAllowing = uncertain.find(grants);
  if (maybeAllowing) return unknown(maybeAllowing, verdicts);

  // Refused: say what came closest to granting it.
  const excepting = certain.find((v) => v.allow !== undefined && v.except !== undefined);
  if (excepting?.allow && excepting.except) {
    const reason = {
      kind: 'excepted',
      policy: excepting.policy,
      pattern: excepting.except,
      allowPattern: excepting.allow,
    } as const;
    return { outcome: 'deny', reason, verdicts };
  }
  const expired = targeting.find((v) => v.expired && grants(v));
  if (expired) {
    const expiredAt = expiredAtById.get(expired.policy.id) ?? '';
    return { outcome: 'deny', reason: { kind: 'expired', policy: expired.policy, expiredAt }, verdicts };
  }
  const conditional = live.find((v) => v.condition === 'fails' && grants(v));
  if (conditional) {
    const reason = {
      kind: 'condition-failed',
      policy: conditional.policy,
      failed: conditional.failedConditions,
    } as const;
    return { outcome: 'deny', reason, verdicts };
  }
  return { outcome: 'deny', reason: { kind: 'no-policy' }, verdicts };
}

/** The account owner (root) cannot be restricted by policies: OVH.md, "Policies". */
function ownerAccount(request: AccessRequest): string | undefined {
  const owner = request.resource.owner;
  if (!owner) return undefined;
  const isOwner = request.identities.some((urn) => {
    const parsed = parseUrn(urn);
    return parsed?.kind === 'identity' && parsed.identityType === 'account' && parsed.account === owner;
  });
  return isOwner ? owner : undefined;
}

function unknown(verdict: PolicyVerdict, verdicts: PolicyVerdict[]): Decision {
  return {
    outcome: 'unknown',
    reason: { kind: 'condition-unknown', policy: verdict.policy, failed: verdict.failedConditions },
    verdicts,
  };
}

function verdictOf(policy: Policy, request: AccessRequest, options: EvaluateOptions): PolicyVerdict {
  const lists = permissionLists(policy, options);
  const firstMatch = (patterns: string[]) =>
    patterns.find((pattern) => matchesPattern(pattern, request.action));
  const context: ConditionContext = { now: request.now, ip: request.ip, resourceTags: request.resource.tags };
  const outcome = policy.conditions ? evaluateCondition(policy.conditions, context) : undefined;
  const expiry = policy.expiredAt ? Date.parse(policy.expiredAt) : Number.NaN;
  return {
    policy: { id: policy.id, name: policy.name },
    identity: policy.identities.some((identity) => request.identities.includes(identity)),
    resource: policy.resources.some((r) => matchesPattern(r.urn, request.resource.urn)),
    sameAccount: !policy.owner || !request.resource.owner || policy.owner === request.resource.owner,
    expired: !Number.isNaN(expiry) && expiry <= request.now.getTime(),
    condition: !outcome
      ? 'none'
      : outcome.result === true
        ? 'holds'
        : outcome.result === false
          ? 'fails'
          : 'unknown',
    failedConditions: outcome?.failed ?? [],
    allow: firstMatch(lists.allow),
    except: firstMatch(lists.except),
    deny: firstMatch(lists.deny),
  };
}

function permissionLists(policy: Policy, options: EvaluateOptions) {
  const all: Permissions[] = [policy.permissions];
  for (const group of policy.permissionsGroups ?? []) {
    const permissions = options.permissionsGroups?.get(group.urn);
    if (permissions) all.push(permissions);
  }
  const collect = (key: keyof Permissions) => all.flatMap((p) => (p[key] ?? []).map((a) => a.action));
  return { allow: collect('allow'), except: collect('except'), deny: collect('deny') };
}
