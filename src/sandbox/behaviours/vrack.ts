import { can, type CallContext } from '../call-context';
import { badRequest, conflict, json, notFound } from '../responses';
import { findResource, resourcesOfType } from '../state';
import { bodyObject, iamMetadata, type BehaviourTable } from './behaviour';
import { listResources } from './listing';
import { vrackTask } from './tasks';

function vrack(ctx: CallContext) {
  return findResource(ctx.state, 'vrack', ctx.params.serviceName ?? '');
}

export const vrackBehaviours: BehaviourTable = {
  'v1 GET /vrack': (ctx) => listResources(ctx, 'vrack', 'vrack:apiovh:get'),
  'v1 GET /vrack/{serviceName}': (ctx) => {
    const resource = vrack(ctx);
    if (!resource) return notFound();
    return json({
      name: resource.displayName ?? resource.id,
      description: resource.properties.description ?? '',
      iam: iamMetadata(resource),
    });
  },
  /**
   * The optional actions at work: a server is listed only when the caller may attach it (required:false
   * `dedicatedServer:apiovh:vrack/attach`), so a restricted caller gets a shorter list, never a 403.
   */
  'v1 GET /vrack/{serviceName}/allowedServices': (ctx) => {
    const resource = vrack(ctx);
    if (!resource) return notFound();
    const family = ctx.query.get('serviceFamily');
    const attached = new Set(resource.dedicatedServers ?? []);
    const servers = resourcesOfType(ctx.state, 'dedicatedServer')
      .filter(
        (s) =>
          s.account === resource.account &&
          !attached.has(s.id) &&
          can(ctx, 'dedicatedServer:apiovh:vrack/attach', s.urn),
      )
      .map((s) => s.id);
    return json({
      dedicatedServer: !family || family === 'dedicatedServer' ? servers : null,
      cloudProject: !family || family === 'cloudProject' ? [] : null,
    });
  },
  'v1 GET /vrack/{serviceName}/dedicatedServer': (ctx) => {
    const resource = vrack(ctx);
    return resource ? json(resource.dedicatedServers ?? []) : notFound();
  },
  'v1 GET /vrack/{serviceName}/dedicatedServer/{dedicatedServer}': (ctx) => {
    const resource = vrack(ctx);
    const name = ctx.params.dedicatedServer ?? '';
    if (!resource?.dedicatedServers?.includes(name))
      return notFound('The requested object (dedicatedServer) does not exist');
    return json({ dedicatedServer: name, vrack: resource.id });
  },
  'v1 POST /vrack/{serviceName}/dedicatedServer': (ctx) => {
    const resource = vrack(ctx);
    const name = bodyObject(ctx)?.dedicatedServer;
    if (!resource) return notFound();
    if (typeof name !== 'string' || !name) return badRequest('[dedicatedServer] Property is mandatory');
    if (!findResource(ctx.state, 'dedicatedServer', name))
      return notFound(`Dedicated server ${name} does not exist`);
    resource.dedicatedServers ??= [];
    if (resource.dedicatedServers.includes(name)) return conflict(`${name} is already in this vRack`);
    resource.dedicatedServers.push(name);
    return json(vrackTask(ctx, 'addDedicatedServerToVrack', name));
  },
  'v1 DELETE /vrack/{serviceName}/dedicatedServer/{dedicatedServer}': (ctx) => {
    const resource = vrack(ctx);
    const name = ctx.params.dedicatedServer ?? '';
    const index = resource?.dedicatedServers?.indexOf(name) ?? -1;
    if (!resource || index === -1) return notFound('The requested object (dedicatedServer) does not exist');
    resource.dedicatedServers?.splice(index, 1);
    return json(vrackTask(ctx, 'removeDedicatedServerFromVrack', name));
  },
};
