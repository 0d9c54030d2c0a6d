import type { Operation } from '../catalog/types';
import { accountResourceUrn, parseUrn } from '../urn/urn';
import { evaluate, type Decision } from './evaluate';
import type { Policy } from './policy';
import { actionResourceType } from './resource';

export type SimulationContext = {
  /** the identity whose access is simulated */
  identity: string;
  /** the resource the operations are called on; account actions go to the identity's account */
  resourceUrn: string;
  /** account that owns the resource (default: the identity's) */
  resourceOwner?: string;
  resourceTags?: Record<string, string>;
  now: Date;
  ip?: string;
};

export type SimulatedAction = {
  action: string;
  resourceUrn?: string;
  decision?: Decision;
};

export type SimulatedOperation = {
  outcome: 'allow' | 'deny' | 'unknown' | 'not-applicable' | 'no-iam';
  actions: SimulatedAction[];
  /** the action that decided a refusal (or the first one), to show its reason */
  deciding?: SimulatedAction;
};

/**
 * What a set of policies lets an identity do with the operations of a section, on a resource, as OVHcloud
 * would decide (AWS's policy simulator, for OVHcloud): the same evaluator the sandbox enforces with.
 */
export function simulateOperation(
  operation: Pick<Operation, 'iamActions'>,
  policies: readonly Policy[],
  context: SimulationContext,
): SimulatedOperation {
  const required = operation.iamActions.filter((a) => a.required);
  if (required.length === 0) return { outcome: 'no-iam', actions: [] };
  const identity = parseUrn(context.identity);
  const account = identity?.kind === 'identity' ? identity.account : undefined;
  const resource = parseUrn(context.resourceUrn);
  const plate = identity?.plate ?? (resource?.plate || 'eu');
  const actions = required.map((a): SimulatedAction => {
    const type = actionResourceType(a.name);
    const urn =
      type === 'account' && account
        ? accountResourceUrn(plate, account)
        : resource?.kind === 'resource' && resource.resourceType === type
          ? context.resourceUrn
          : undefined;
    if (!urn) return { action: a.name };
    const owner = type === 'account' ? account : (context.resourceOwner ?? account);
    const decision = evaluate(policies, {
      identities: [context.identity],
      action: a.name,
      resource: { urn, owner, tags: type === 'account' ? {} : context.resourceTags },
      now: context.now,
      ip: context.ip,
    });
    return { action: a.name, resourceUrn: urn, decision };
  });
  if (actions.some((a) => !a.decision))
    return { outcome: 'not-applicable', actions, deciding: actions.find((a) => !a.decision) };
  const denied = actions.find((a) => a.decision?.outcome === 'deny');
  if (denied) return { outcome: 'deny', actions, deciding: denied };
  const unknown = actions.find((a) => a.decision?.outcome === 'unknown');
  if (unknown) return { outcome: 'unknown', actions, deciding: unknown };
  return { outcome: 'allow', actions, deciding: actions[0] };
}
