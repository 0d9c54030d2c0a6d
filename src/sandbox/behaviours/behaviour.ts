import type { CallContext } from '../call-context';
import type { SandboxResource } from '../state';

/** What the sandbox does for one operation, once authentication and IAM have let the call through. */
export type Behaviour = (ctx: CallContext) => Response | Promise<Response>;

/** Keyed by branch and operation id: `v1 GET /hosting/web/{serviceName}`. */
export type BehaviourTable = Record<string, Behaviour>;

/** The `iam` property of a `…WithIAM` model (OVH.md). */
export function iamMetadata(resource: SandboxResource) {
  return {
    id: resource.iamId,
    urn: resource.urn,
    displayName: resource.displayName ?? resource.id,
    tags: resource.tags,
  };
}

export function bodyObject(ctx: CallContext): Record<string, unknown> | undefined {
  return typeof ctx.body === 'object' && ctx.body !== null && !Array.isArray(ctx.body)
    ? (ctx.body as Record<string, unknown>)
    : undefined;
}

/**
 * `iamTags` filter of v1 lists: `{"environment":[{"operator":"EQ","value":"production"}]}`.
 * Returns undefined (no filter) when absent, and throws a message on malformed input.
 */
export function tagFilter(ctx: CallContext): ((resource: SandboxResource) => boolean) | undefined {
  const raw = ctx.query.get('iamTags');
  if (!raw) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('Invalid iamTags: expected a JSON object');
  }
  if (typeof parsed !== 'object' || parsed === null)
    throw new Error('Invalid iamTags: expected a JSON object');
  const filters = Object.entries(parsed as Record<string, { operator?: string; value?: string }[]>);
  return (resource) =>
    filters.every(([key, conditions]) =>
      (Array.isArray(conditions) ? conditions : []).every(({ operator = 'EQ', value = '' }) => {
        const actual = resource.tags[key];
        switch (operator) {
          case 'EXISTS':
            return actual !== undefined;
          case 'NEXISTS':
            return actual === undefined;
          case 'NEQ':
            return actual !== value;
          case 'LIKE':
          case 'ILIKE': {
            const pattern = new RegExp(
              `^${value.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*')}$`,
              operator === 'ILIKE' ? 'i' : '',
            );
            return actual !== undefined && pattern.test(actual);
          }
          default:
            return actual === value;
        }
      }),
    );
}
