import type { CallContext } from '../call-context';
import { badRequest, conflict, json, notFound } from '../responses';
import { findResource, nextId } from '../state';
import { bodyObject, iamMetadata, type BehaviourTable } from './behaviour';
import { listResources } from './listing';

function hosting(ctx: CallContext) {
  return findResource(ctx.state, 'webHosting', ctx.params.serviceName ?? '');
}

function task(ctx: CallContext, fn: string, objectId: string) {
  const startDate = ctx.now.toISOString();
  return {
    id: nextId(ctx.state),
    function: fn,
    status: 'todo',
    objectType: 'attachedDomain',
    objectId,
    startDate,
    doneDate: null,
  };
}

export const hostingWebBehaviours: BehaviourTable = {
  'v1 GET /hosting/web': (ctx) => listResources(ctx, 'webHosting', 'webHosting:apiovh:get'),
  'v1 GET /hosting/web/{serviceName}': (ctx) => {
    const resource = hosting(ctx);
    if (!resource) return notFound();
    return json({
      serviceName: resource.id,
      displayName: resource.displayName ?? null,
      ...resource.properties,
      iam: iamMetadata(resource),
    });
  },
  'v1 PUT /hosting/web/{serviceName}': (ctx) => {
    const resource = hosting(ctx);
    const body = bodyObject(ctx);
    if (!resource) return notFound();
    if (!body) return badRequest('Invalid body: expected a hosting.web.Service object');
    for (const key of Object.keys(body)) {
      if (key !== 'displayName' && key in resource.properties && body[key] !== resource.properties[key]) {
        return badRequest(`[${key}] This property is read-only`);
      }
    }
    if (body.displayName !== undefined) {
      if (typeof body.displayName !== 'string') return badRequest('[displayName] Given data is not a string');
      resource.displayName = body.displayName;
    }
    return json(null);
  },
  'v1 GET /hosting/web/{serviceName}/attachedDomain': (ctx) => {
    const resource = hosting(ctx);
    if (!resource) return notFound();
    const like = ctx.query.get('domain');
    const domains = (resource.attachedDomains ?? []).map((d) => String(d.domain));
    return json(like ? domains.filter((d) => d.includes(like.replace(/%/g, ''))) : domains);
  },
  'v1 GET /hosting/web/{serviceName}/attachedDomain/{domain}': (ctx) => {
    const resource = hosting(ctx);
    if (!resource) return notFound();
    const attached = resource.attachedDomains?.find((d) => d.domain === ctx.params.domain);
    return attached ? json(attached) : notFound('The requested object (domain) does not exist');
  },
  'v1 POST /hosting/web/{serviceName}/attachedDomain': (ctx) => {
    const resource = hosting(ctx);
    const body = bodyObject(ctx);
    if (!resource) return notFound();
    if (!body) return badRequest('Invalid body: expected domain and path');
    const { domain, path, firewall = 'none' } = body;
    if (typeof domain !== 'string' || !/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(domain))
      return badRequest('[domain] Property is mandatory and must be a domain name');
    if (typeof path !== 'string') return badRequest('[path] Property is mandatory');
    if (firewall !== 'none' && firewall !== 'active')
      return badRequest(
        '[firewall] Given data (' +
          String(firewall) +
          ') does not belong to the hosting.web.attachedDomain.FirewallEnum enumeration',
      );
    resource.attachedDomains ??= [];
    if (resource.attachedDomains.some((d) => d.domain === domain))
      return conflict(`The domain ${domain} is already attached`);
    resource.attachedDomains.push({ domain, path, firewall, ssl: false });
    return json(task(ctx, 'web/attachedDomain/create', domain));
  },
  'v1 DELETE /hosting/web/{serviceName}/attachedDomain/{domain}': (ctx) => {
    const resource = hosting(ctx);
    if (!resource) return notFound();
    const index = resource.attachedDomains?.findIndex((d) => d.domain === ctx.params.domain) ?? -1;
    if (index === -1) return notFound('The requested object (domain) does not exist');
    resource.attachedDomains?.splice(index, 1);
    return json(task(ctx, 'web/attachedDomain/delete', ctx.params.domain ?? ''));
  },
};
