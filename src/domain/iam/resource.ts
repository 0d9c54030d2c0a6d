import { accountResourceUrn, resourceUrn } from '../urn/urn';

/** The resource type an action applies to: `webHosting:apiovh:get` → `webHosting`. */
export function actionResourceType(action: string): string {
  const colon = action.indexOf(':');
  return colon === -1 ? action : action.slice(0, colon);
}

export type CallTarget = {
  plate: string;
  /** the caller's account, target of every `account:` action */
  account: string;
  /** the call's path parameters, in path order */
  pathParams: readonly string[];
  /** the type of the resource the path names (the first required action's type); other types need an id below */
  primaryType?: string;
  /**
   * Ids for actions on another resource than the path's, by resource type: attaching a server to a vRack
   * needs `dedicatedServer:apiovh:vrack/attach` on the server named in the body.
   */
  otherResources?: Readonly<Record<string, string>>;
};

/**
 * Which resource a call touches for a given action. Our modelling rule (OVH.md): the action's resource type,
 * with the call's first path parameter as id, or the account for `account:` actions. An action on another
 * type than the path's takes its id from `otherResources`. Returns undefined when the call does not name
 * such a resource (a list, a creation on a collection, a body field not given).
 */
export function resourceUrnForAction(action: string, target: CallTarget): string | undefined {
  const type = actionResourceType(action);
  if (type === 'account') return accountResourceUrn(target.plate, target.account);
  const other = target.otherResources?.[type];
  if (other) return resourceUrn(target.plate, type, other);
  if (target.primaryType && target.primaryType !== type) return undefined;
  const first = target.pathParams[0];
  return first ? resourceUrn(target.plate, type, first) : undefined;
}

/**
 * Where a call names the other resources of a multi-action operation: a parameter named after the resource
 * type (`dedicatedServer`, `ipLoadbalancing`…), or one of the few names OVH uses instead.
 */
const PARAMETER_FOR_TYPE: Record<string, string[]> = {
  publicCloudProject: ['project'],
  pccVMware: ['dedicatedCloud'],
  dedicatedServer: ['dedicatedServer', 'server'],
};

export function otherResourcesFromParams(
  actionTypes: readonly string[],
  values: Readonly<Record<string, string>>,
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const type of actionTypes) {
    const name = parameterForResourceType(
      type,
      Object.keys(values).filter((key) => values[key]),
    );
    const value = name ? values[name] : undefined;
    if (value) found[type] = value;
  }
  return found;
}

/** Which of an operation's parameters names a resource of this type, if any. */
export function parameterForResourceType(
  type: string,
  parameterNames: readonly string[],
): string | undefined {
  return [type, ...(PARAMETER_FOR_TYPE[type] ?? [])].find((name) => parameterNames.includes(name));
}
