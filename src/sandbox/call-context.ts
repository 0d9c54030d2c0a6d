import type { Operation } from '../domain/catalog/types';
import { evaluate, type Decision } from '../domain/iam/evaluate';
import { actionResourceType, otherResourcesFromParams, resourceUrnForAction } from '../domain/iam/resource';
import { pathParameterNames } from '../domain/catalog/path-template';
import type { SandboxCatalog } from './catalog/catalog';
import type { SandboxResource, SandboxState } from './state';

/** Who is calling: resolved from the Bearer token. */
export type Caller = {
  account: string;
  identities: string[];
  method: 'oauth2_client_credentials' | 'account';
  clientId?: string;
  description?: string;
  /** the access token, or the consumer key of a signed request */
  token: string;
  /** a consumer key's own restrictions: routes it may call, whatever the policies say */
  accessRules?: { method: string; path: string }[];
};

export type CallContext = {
  request: Request;
  state: SandboxState;
  catalog: SandboxCatalog;
  operation: Operation;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** undefined only for noAuthentication operations */
  caller: Caller | undefined;
  now: Date;
  ip: string;
};

/** The caller of an authenticated operation (the dispatcher guarantees there is one). */
export function callerOf(ctx: CallContext): Caller {
  if (!ctx.caller) throw new Error(`${ctx.operation.id} needs authentication`);
  return ctx.caller;
}

/** Decides one action on one resource for the caller, with the one evaluator of src/domain. */
export function decide(ctx: CallContext, action: string, resourceUrn: string): Decision {
  const caller = callerOf(ctx);
  const resource: SandboxResource | undefined = ctx.state.resources.get(resourceUrn);
  return evaluate([...ctx.state.policies.values()], {
    identities: caller.identities,
    action,
    // A resource that does not exist would be the caller's own if it did: policies of its account decide.
    resource: { urn: resourceUrn, owner: resource?.account ?? caller.account, tags: resource?.tags ?? {} },
    now: ctx.now,
    ip: ctx.ip,
  });
}

export function can(ctx: CallContext, action: string, resourceUrn: string): boolean {
  return decide(ctx, action, resourceUrn).outcome === 'allow';
}

/**
 * The resource each required action of the call applies to. Actions whose resource the call does not name
 * (a list, a creation on a collection) are left to the behaviour, which filters or checks items itself.
 */
export function requiredTargets(ctx: CallContext): { action: string; resourceUrn: string }[] {
  const caller = callerOf(ctx);
  const required = ctx.operation.iamActions.filter((a) => a.required);
  const first = required[0];
  const values: Record<string, string> = Object.fromEntries(ctx.query);
  if (typeof ctx.body === 'object' && ctx.body !== null) {
    for (const [key, value] of Object.entries(ctx.body)) if (typeof value === 'string') values[key] = value;
  }
  const primaryType = first ? actionResourceType(first.name) : undefined;
  const otherTypes = required.map((a) => actionResourceType(a.name)).filter((type) => type !== primaryType);
  const target = {
    plate: ctx.state.plate,
    account: caller.account,
    pathParams: pathParameterNames(ctx.operation.path).map((name) => ctx.params[name] ?? ''),
    ...(primaryType ? { primaryType } : {}),
    otherResources: otherResourcesFromParams(otherTypes, values),
  };
  return required.flatMap((a) => {
    const resourceUrn = resourceUrnForAction(a.name, target);
    return resourceUrn ? [{ action: a.name, resourceUrn }] : [];
  });
}
