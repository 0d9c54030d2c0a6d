import type { IamAction, Operation } from '../catalog/types';
import { parseForbidden } from '../errors/ovh-error';
import { parseUrn } from '../urn/urn';
import type { PolicyInput } from './policy';
import { actionResourceType, resourceUrnForAction } from './resource';
import { suggestPolicies } from './suggest';

export type CallerIdentity = {
  account: string;
  /** identity URNs from /auth/details */
  urns: string[];
};

export type MissingAction = {
  action: string;
  /** who named it: OVH's IAM, the authentication's own restrictions, or only the operation's schema */
  source: 'iam' | 'authentication' | 'schema';
  /** the schema's entry for it, when the operation lists it */
  declared?: IamAction;
  resourceUrn?: string;
};

export type ForbiddenExplanation = {
  message: string;
  identity?: string;
  missing: MissingAction[];
  /** required actions of the operation that the response did not name: they may be refused too */
  unreported: IamAction[];
  /** the policies that would grant exactly what was refused by IAM */
  policies: PolicyInput[];
};

export type ForbiddenInput = {
  body: unknown;
  operation?: Pick<Operation, 'iamActions'>;
  /** the call's path parameters, in path order */
  pathParams: readonly string[];
  /** ids of other resources named in the call (body fields), by resource type */
  otherResources?: Readonly<Record<string, string>>;
  plate: string;
  caller?: CallerIdentity;
};

/**
 * The identity a policy should name: a service account's credential URN rather than its account, because
 * granting the whole account would grant every identity in it.
 */
export function primaryIdentity(urns: readonly string[]): string | undefined {
  const specific = urns.find((urn) => {
    const parsed = parseUrn(urn);
    return parsed?.kind === 'identity' && parsed.identityType !== 'account';
  });
  return specific ?? urns[0];
}

export function explainForbidden(input: ForbiddenInput): ForbiddenExplanation | undefined {
  const forbidden = parseForbidden(input.body);
  if (!forbidden) return undefined;
  const declared = input.operation?.iamActions ?? [];
  const firstRequired = declared.find((a) => a.required);
  const target = {
    plate: input.plate,
    account: input.caller?.account ?? '',
    pathParams: input.pathParams,
    ...(firstRequired ? { primaryType: actionResourceType(firstRequired.name) } : {}),
    ...(input.otherResources ? { otherResources: input.otherResources } : {}),
  };
  const resourceFor = (action: string) => (input.caller ? resourceUrnForAction(action, target) : undefined);
  const describe = (action: string, source: MissingAction['source']): MissingAction => {
    const entry = declared.find((a) => a.name === action);
    const resourceUrn = resourceFor(action);
    return { action, source, ...(entry ? { declared: entry } : {}), ...(resourceUrn ? { resourceUrn } : {}) };
  };

  const missing = [
    ...forbidden.byIam.map((action) => describe(action, 'iam')),
    ...forbidden.byAuthentication.map((action) => describe(action, 'authentication')),
  ];
  // Older responses omit details: then the operation's required actions are the best account of what is missing.
  if (forbidden.detailsMissing) {
    missing.push(...declared.filter((a) => a.required).map((a) => describe(a.name, 'schema')));
  }
  const named = new Set(missing.map((m) => m.action));
  const unreported = declared.filter((a) => a.required && !named.has(a.name));

  const identity = input.caller ? primaryIdentity(input.caller.urns) : undefined;
  const byResource = new Map<string, string[]>();
  for (const m of missing) {
    if (m.source === 'authentication' || !m.resourceUrn) continue;
    byResource.set(m.resourceUrn, [...(byResource.get(m.resourceUrn) ?? []), m.action]);
  }
  const policies = identity
    ? suggestPolicies({
        identity,
        grants: [...byResource].map(([resourceUrn, actions]) => ({ resourceUrn, actions })),
      })
    : [];
  return { message: forbidden.message, ...(identity ? { identity } : {}), missing, unreported, policies };
}
