import { actionResourceType } from './resource';
import type { PolicyInput } from './policy';

export type PolicySuggestion = {
  identity: string;
  /** one entry per resource, with the actions needed on it */
  grants: { resourceUrn: string; actions: string[] }[];
  /** the broader variant: the resource type's wildcard (`webHosting:apiovh:*`) instead of each action */
  broad?: boolean;
};

/** OVH policy names take letters, digits, `-` and `_` (our reading of the API's validation errors). */
export function policyName(actions: readonly string[]): string {
  const base = actions
    .map((action) =>
      action
        .split(':')
        .filter((part) => part !== 'apiovh')
        .join('-'),
    )
    .join('_')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `allow-${base}`.slice(0, 60);
}

/**
 * The policy, in OVH's format, that grants exactly what was refused: those actions, on that resource, to that
 * identity. When actions apply to different resources, each resource gets its own policy.
 */
export function suggestPolicies(suggestion: PolicySuggestion): PolicyInput[] {
  return suggestion.grants.map(({ resourceUrn, actions }) => {
    const granted = suggestion.broad
      ? [...new Set(actions.map((a) => `${actionResourceType(a)}:apiovh:*`))]
      : actions;
    return {
      name: policyName(granted),
      description: `Grants ${granted.join(', ')} on ${resourceUrn}`,
      identities: [suggestion.identity],
      resources: [{ urn: resourceUrn }],
      permissions: { allow: granted.map((action) => ({ action })) },
    };
  });
}
