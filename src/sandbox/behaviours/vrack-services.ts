import { can, type CallContext } from '../call-context';
import { badRequest, json, notFound } from '../responses';
import { findResource, resourcesOfType, type SandboxResource } from '../state';
import { iamMetadata, tagFilter, type BehaviourTable } from './behaviour';
import { paginate } from './paginate';

const REGIONS = ['ca-east-bhs', 'eu-central-waw', 'eu-west-gra', 'eu-west-rbx', 'eu-west-sbg'];

function view(resource: SandboxResource) {
  const {
    createdAt,
    resourceStatus = 'READY',
    region,
    vrackId = null,
  } = resource.properties as Record<string, unknown>;
  return {
    id: resource.id,
    createdAt,
    resourceStatus,
    currentState: { displayName: resource.displayName ?? null, region, vrackId },
    iam: iamMetadata(resource),
  };
}

export const vrackServicesBehaviours: BehaviourTable = {
  'v2 GET /vrackServices/resource': (ctx: CallContext) => {
    let byTags: ((r: SandboxResource) => boolean) | undefined;
    try {
      byTags = tagFilter(ctx);
    } catch (error) {
      return badRequest((error as Error).message);
    }
    const visible = resourcesOfType(ctx.state, 'vrackServices').filter(
      (r) => (!byTags || byTags(r)) && can(ctx, 'vrackServices:apiovh:resource/get', r.urn),
    );
    return paginate(ctx, visible.map(view));
  },
  'v2 GET /vrackServices/resource/{vrackServicesId}': (ctx) => {
    const resource = findResource(ctx.state, 'vrackServices', ctx.params.vrackServicesId ?? '');
    return resource ? json(view(resource)) : notFound('vRack Services not found');
  },
  'v2 GET /vrackServices/reference/region': (ctx) => paginate(ctx, REGIONS),
};
