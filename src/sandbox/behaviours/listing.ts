import { can, type CallContext } from '../call-context';
import { badRequest, json } from '../responses';
import { resourcesOfType, type SandboxResource } from '../state';
import { tagFilter } from './behaviour';

/**
 * A v1 list of services (`GET /hosting/web`): only the resources the caller may read, whichever account
 * owns them (a policy of another account can share one), narrowed by `iamTags`. This is how OVH answers a
 * list: never a 403, only fewer items.
 */
export function listResources(
  ctx: CallContext,
  type: string,
  action: string,
  extra?: (r: SandboxResource) => boolean,
): Response {
  let byTags: ((r: SandboxResource) => boolean) | undefined;
  try {
    byTags = tagFilter(ctx);
  } catch (error) {
    return badRequest((error as Error).message);
  }
  const visible = resourcesOfType(ctx.state, type).filter(
    (r) => (!byTags || byTags(r)) && (!extra || extra(r)) && can(ctx, action, r.urn),
  );
  return json(visible.map((r) => r.id));
}
