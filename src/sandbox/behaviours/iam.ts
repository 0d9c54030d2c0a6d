import { actionResourceType } from '../../domain/iam/resource';
import { matchesPattern } from '../../domain/iam/pattern';
import type { Policy } from '../../domain/iam/policy';
import { validatePolicyInput } from '../../domain/iam/validate-policy';
import { callerOf, can, type CallContext } from '../call-context';
import { badRequest, conflict, json, notFound, ovhError } from '../responses';
import type { SandboxResource } from '../state';
import { bodyObject, type BehaviourTable } from './behaviour';
import { paginate } from './paginate';

/** A multi-valued query filter (`?identity=a&identity=b`, or `?identity=a,b`). */
function listParam(ctx: CallContext, name: string): string[] {
  return ctx.query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function ownPolicy(ctx: CallContext): Policy | undefined {
  const policy = ctx.state.policies.get(ctx.params.policyId ?? '');
  return policy?.owner === callerOf(ctx).account ? policy : undefined;
}

const policyNotFound = () => notFound('Policy not found');

function invalidPolicy(problems: { path: string; message: string }[]): Response {
  const details = Object.fromEntries(problems.map((p) => [p.path || 'body', p.message]));
  return ovhError(
    400,
    'Client::BadRequest',
    `Invalid policy: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`,
    details,
  );
}

function resourceView(resource: SandboxResource) {
  return {
    id: resource.iamId,
    urn: resource.urn,
    name: resource.id,
    displayName: resource.displayName ?? resource.id,
    type: resource.type,
    owner: resource.account,
    tags: resource.tags,
  };
}

function ownResource(ctx: CallContext): SandboxResource | undefined {
  const resource = ctx.state.resources.get(ctx.params.resourceURN ?? '');
  return resource?.account === callerOf(ctx).account ? resource : undefined;
}

/** The reference of actions, derived from the catalogue the sandbox serves (what OVH's /iam/reference lists). */
type ReferenceAction = { action: string; description: string; categories: string[]; resourceType: string };

/** The catalogue never changes once built: its reference is derived once, not on every call. */
const references = new WeakMap<CallContext['catalog'], ReferenceAction[]>();

function actionReference(ctx: CallContext): ReferenceAction[] {
  let reference = references.get(ctx.catalog);
  if (!reference) {
    reference = deriveReference(ctx);
    references.set(ctx.catalog, reference);
  }
  return reference;
}

function deriveReference(ctx: CallContext): ReferenceAction[] {
  const actions = new Map<
    string,
    { action: string; description: string; categories: string[]; resourceType: string }
  >();
  for (const operation of ctx.catalog.operations()) {
    for (const iamAction of operation.iamActions) {
      if (actions.has(iamAction.name)) continue;
      actions.set(iamAction.name, {
        action: iamAction.name,
        description: iamAction.description ?? operation.description,
        categories: [category(iamAction.name)],
        resourceType: actionResourceType(iamAction.name),
      });
    }
  }
  return [...actions.values()].sort((a, b) => a.action.localeCompare(b.action));
}

function category(action: string): string {
  const verb =
    action
      .slice(action.lastIndexOf('/') + 1)
      .split(':')
      .pop() ?? '';
  if (verb === 'get') return 'READ';
  if (verb === 'create') return 'CREATE';
  if (verb === 'edit') return 'EDIT';
  if (verb === 'delete') return 'DELETE';
  return 'OPERATE';
}

export const iamBehaviours: BehaviourTable = {
  'v2 GET /iam/policy': (ctx) => {
    const account = callerOf(ctx).account;
    const identities = listParam(ctx, 'identity');
    const urns = listParam(ctx, 'resourceURN');
    const actions = listParam(ctx, 'action');
    const readOnly = ctx.query.get('readOnly');
    const policies = [...ctx.state.policies.values()].filter((p) => {
      if (p.owner !== account) return false;
      if (identities.length && !p.identities.some((i) => identities.includes(i))) return false;
      if (urns.length && !p.resources.some((r) => urns.some((urn) => matchesPattern(r.urn, urn))))
        return false;
      if (readOnly !== null && String(p.readOnly ?? false) !== readOnly) return false;
      if (actions.length) {
        const patterns = ['allow', 'except', 'deny'].flatMap(
          (k) => p.permissions[k as 'allow']?.map((a) => a.action) ?? [],
        );
        if (!patterns.some((pattern) => actions.some((action) => matchesPattern(pattern, action))))
          return false;
      }
      return true;
    });
    return paginate(ctx, policies);
  },
  'v2 POST /iam/policy': (ctx) => {
    const validation = validatePolicyInput(ctx.body);
    if (!validation.ok) return invalidPolicy(validation.problems);
    const account = callerOf(ctx).account;
    const taken = [...ctx.state.policies.values()].some(
      (p) => p.owner === account && p.name === validation.policy.name,
    );
    if (taken) return conflict(`A policy named "${validation.policy.name}" already exists`);
    const policy: Policy = {
      id: crypto.randomUUID(),
      ...validation.policy,
      owner: account,
      readOnly: false,
      createdAt: ctx.now.toISOString(),
      updatedAt: null,
    };
    ctx.state.policies.set(policy.id, policy);
    return json(policy);
  },
  'v2 GET /iam/policy/{policyId}': (ctx) => {
    const policy = ownPolicy(ctx);
    return policy ? json(policy) : policyNotFound();
  },
  'v2 PUT /iam/policy/{policyId}': (ctx) => {
    const policy = ownPolicy(ctx);
    if (!policy) return policyNotFound();
    if (policy.readOnly) return ovhError(403, 'Client::Forbidden', 'This policy is read-only');
    const validation = validatePolicyInput(ctx.body);
    if (!validation.ok) return invalidPolicy(validation.problems);
    const clash = [...ctx.state.policies.values()].some(
      (p) => p.owner === policy.owner && p.id !== policy.id && p.name === validation.policy.name,
    );
    if (clash) return conflict(`A policy named "${validation.policy.name}" already exists`);
    const updated: Policy = { ...policy, ...validation.policy, updatedAt: ctx.now.toISOString() };
    ctx.state.policies.set(policy.id, updated);
    return json(updated);
  },
  'v2 DELETE /iam/policy/{policyId}': (ctx) => {
    const policy = ownPolicy(ctx);
    if (!policy) return policyNotFound();
    if (policy.readOnly) return ovhError(403, 'Client::Forbidden', 'This policy is read-only');
    ctx.state.policies.delete(policy.id);
    return json(null);
  },
  'v2 GET /iam/resource': (ctx) => {
    const account = callerOf(ctx).account;
    const types = listParam(ctx, 'resourceType');
    const urns = listParam(ctx, 'resourceURN');
    const names = listParam(ctx, 'resourceName');
    const resources = [...ctx.state.resources.values()].filter(
      (r) =>
        r.account === account &&
        (!types.length || types.includes(r.type)) &&
        (!urns.length || urns.includes(r.urn)) &&
        (!names.length || names.includes(r.id)),
    );
    return paginate(ctx, resources.map(resourceView));
  },
  'v2 GET /iam/resource/{resourceURN}': (ctx) => {
    const resource = ownResource(ctx);
    return resource ? json(resourceView(resource)) : notFound('Resource not found');
  },
  'v2 POST /iam/resource/{resourceURN}/tag': (ctx) => {
    const resource = ownResource(ctx);
    const body = bodyObject(ctx);
    if (!resource) return notFound('Resource not found');
    if (typeof body?.key !== 'string' || typeof body.value !== 'string' || !body.key)
      return badRequest('A tag needs a key and a value');
    if (body.key.startsWith('ovh:')) return badRequest('Tags prefixed with ovh: are reserved');
    resource.tags = { ...resource.tags, [body.key]: body.value };
    return json(null);
  },
  'v2 DELETE /iam/resource/{resourceURN}/tag/{key}': (ctx) => {
    const resource = ownResource(ctx);
    const key = ctx.params.key ?? '';
    if (!resource) return notFound('Resource not found');
    if (!(key in resource.tags)) return notFound('Tag not found');
    const { [key]: _removed, ...rest } = resource.tags;
    resource.tags = rest;
    return json(null);
  },
  'v2 POST /iam/resource/{resourceURN}/authorization/check': (ctx) => {
    const body = bodyObject(ctx);
    const actions = body?.actions;
    if (
      !Array.isArray(actions) ||
      actions.length === 0 ||
      !actions.every((a) => typeof a === 'string' && a)
    ) {
      return badRequest('[actions] A non-empty list of action names is required');
    }
    const urn = ctx.params.resourceURN ?? '';
    const authorizedActions = actions.filter((action) => can(ctx, action, urn));
    return json({
      authorizedActions,
      unauthorizedActions: actions.filter((a) => !authorizedActions.includes(a)),
    });
  },
  'v2 GET /iam/reference/action': (ctx) => {
    const types = listParam(ctx, 'resourceType');
    const actions = actionReference(ctx).filter((a) => !types.length || types.includes(a.resourceType));
    return paginate(ctx, actions);
  },
  'v2 GET /iam/reference/resource/type': (ctx) => {
    return paginate(ctx, [...new Set(actionReference(ctx).map((a) => a.resourceType))].sort());
  },
};
