import type { Decision } from './evaluate';
import { matchesPattern } from './pattern';
import type { Policy, PolicyInput } from './policy';

export type PolicyEdit = {
  policy: { id: string; name: string };
  kind: 'add-allow' | 'drop-except' | 'drop-deny' | 'drop-expiry' | 'add-resource';
  /** what the edit does, and what else it changes */
  description: string;
  before: PolicyInput;
  after: PolicyInput;
};

/** The writable part of a policy: what PUT /v2/iam/policy/{id} takes. */
export function editablePolicy(policy: Policy): PolicyInput {
  return {
    name: policy.name,
    description: policy.description ?? null,
    identities: policy.identities,
    resources: policy.resources.map((r) => ({ urn: r.urn })),
    permissions: {
      allow: policy.permissions.allow ?? [],
      except: policy.permissions.except ?? [],
      deny: policy.permissions.deny ?? [],
    },
    permissionsGroups: policy.permissionsGroups ?? [],
    conditions: policy.conditions ?? null,
    expiredAt: policy.expiredAt ?? null,
  };
}

/**
 * When a policy already concerns this identity and resource, the fix is often an edit to it rather than a
 * new policy: drop the except or the deny that refuses the action, lift an expiry, or add the action or the
 * resource to it.
 */
export function proposeEdits(
  decision: Decision,
  policies: readonly Policy[],
  subject: { action: string; resourceUrn: string },
): PolicyEdit[] {
  const byId = new Map(policies.map((p) => [p.id, p]));
  const reason = decision.reason;
  const edit = (
    policy: Policy,
    kind: PolicyEdit['kind'],
    description: string,
    change: (input: PolicyInput) => PolicyInput,
  ): PolicyEdit => {
    const before = editablePolicy(policy);
    return {
      policy: { id: policy.id, name: policy.name },
      kind,
      description,
      before,
      after: change(structuredClone(before)),
    };
  };
  const withoutAction = (list: { action: string }[] | null | undefined, pattern: string) =>
    (list ?? []).filter((a) => a.action !== pattern);

  if (reason.kind === 'excepted') {
    const policy = byId.get(reason.policy.id);
    if (!policy) return [];
    return [
      edit(
        policy,
        'drop-except',
        `Drop the except of ${reason.pattern} from “${policy.name}”${reason.pattern === subject.action ? '' : `: it also excepts the other actions ${reason.pattern} covers`}.`,
        (input) => ({
          ...input,
          permissions: {
            ...input.permissions,
            except: withoutAction(input.permissions.except, reason.pattern),
          },
        }),
      ),
    ];
  }
  if (reason.kind === 'denied') {
    const policy = byId.get(reason.policy.id);
    if (!policy) return [];
    return [
      edit(
        policy,
        'drop-deny',
        `Drop the deny of ${reason.pattern} from “${policy.name}”: this lifts it for every identity and resource the policy names, so make sure the deny is not a safeguard.`,
        (input) => ({
          ...input,
          permissions: { ...input.permissions, deny: withoutAction(input.permissions.deny, reason.pattern) },
        }),
      ),
    ];
  }
  if (reason.kind === 'expired') {
    const policy = byId.get(reason.policy.id);
    if (!policy) return [];
    return [
      edit(policy, 'drop-expiry', `Lift the expiry of “${policy.name}” (or set a later date).`, (input) => ({
        ...input,
        expiredAt: null,
      })),
    ];
  }
  if (reason.kind !== 'no-policy') return [];

  // No policy grants it: extend one that already names this identity.
  const edits: PolicyEdit[] = [];
  for (const verdict of decision.verdicts) {
    const policy = byId.get(verdict.policy.id);
    if (!policy || !verdict.identity || !verdict.sameAccount || verdict.expired || policy.readOnly) continue;
    if (verdict.resource && !verdict.allow) {
      edits.push(
        edit(
          policy,
          'add-allow',
          `Add ${subject.action} to the allow list of “${policy.name}”, which already names this identity and resource.`,
          (input) => ({
            ...input,
            permissions: {
              ...input.permissions,
              allow: [...(input.permissions.allow ?? []), { action: subject.action }],
            },
          }),
        ),
      );
    } else if (
      !verdict.resource &&
      verdict.allow &&
      !verdict.deny &&
      !(policy.permissions.except ?? []).some((e) => matchesPattern(e.action, subject.action))
    ) {
      edits.push(
        edit(
          policy,
          'add-resource',
          `Add ${subject.resourceUrn} to the resources of “${policy.name}”, which already allows ${verdict.allow}: every action it allows then applies to that resource too.`,
          (input) => ({
            ...input,
            resources: [...input.resources, { urn: subject.resourceUrn }],
          }),
        ),
      );
    }
  }
  return edits;
}
