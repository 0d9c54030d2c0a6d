import type { CallContext } from '../call-context';
import { badRequest, json, notFound } from '../responses';
import { findResource, nextId } from '../state';
import { bodyObject, iamMetadata, type BehaviourTable } from './behaviour';
import { listResources } from './listing';

const RECORD_TYPES = ['A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'SRV', 'TXT'];

function zone(ctx: CallContext) {
  return findResource(ctx.state, 'dnsZone', ctx.params.zoneName ?? '');
}

export const domainBehaviours: BehaviourTable = {
  'v1 GET /domain': (ctx) => {
    const owner = ctx.query.get('whoisOwner');
    return listResources(ctx, 'domain', 'domain:apiovh:get', owner ? (r) => r.account === owner : undefined);
  },
  'v1 GET /domain/{serviceName}': (ctx) => {
    const resource = findResource(ctx.state, 'domain', ctx.params.serviceName ?? '');
    if (!resource) return notFound();
    return json({ domain: resource.id, ...resource.properties, iam: iamMetadata(resource) });
  },
  'v1 GET /domain/zone': (ctx) => listResources(ctx, 'dnsZone', 'dnsZone:apiovh:get'),
  'v1 GET /domain/zone/{zoneName}': (ctx) => {
    const resource = zone(ctx);
    if (!resource) return notFound();
    return json({ name: resource.id, ...resource.properties, iam: iamMetadata(resource) });
  },
  'v1 GET /domain/zone/{zoneName}/record': (ctx) => {
    const resource = zone(ctx);
    if (!resource) return notFound();
    const fieldType = ctx.query.get('fieldType');
    const subDomain = ctx.query.get('subDomain');
    const records = (resource.records ?? []).filter(
      (r) => (!fieldType || r.fieldType === fieldType) && (subDomain === null || r.subDomain === subDomain),
    );
    return json(records.map((r) => r.id));
  },
  'v1 GET /domain/zone/{zoneName}/record/{id}': (ctx) => {
    const resource = zone(ctx);
    if (!resource) return notFound();
    const record = resource.records?.find((r) => String(r.id) === ctx.params.id);
    return record
      ? json({ ...record, zone: resource.id })
      : notFound('The requested object (id) does not exist');
  },
  'v1 POST /domain/zone/{zoneName}/record': (ctx) => {
    const resource = zone(ctx);
    const body = bodyObject(ctx);
    if (!resource) return notFound();
    if (!body) return badRequest('Invalid body: expected a domain.zone.RecordCreate object');
    const { fieldType, subDomain = '', target, ttl = 0 } = body;
    if (typeof fieldType !== 'string' || !RECORD_TYPES.includes(fieldType)) {
      return badRequest(
        `[fieldType] Given data (${JSON.stringify(fieldType)}) does not belong to the domain.zone.RecordTypeEnum enumeration`,
      );
    }
    if (typeof target !== 'string' || !target) return badRequest('[target] Property is mandatory');
    if (typeof subDomain !== 'string') return badRequest('[subDomain] Given data is not a string');
    if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 0)
      return badRequest('[ttl] Given data is not a positive integer');
    const record = { id: nextId(ctx.state), fieldType, subDomain, target, ttl };
    resource.records ??= [];
    resource.records.push(record);
    return json({ ...record, zone: resource.id });
  },
  'v1 DELETE /domain/zone/{zoneName}/record/{id}': (ctx) => {
    const resource = zone(ctx);
    if (!resource) return notFound();
    const index = resource.records?.findIndex((r) => String(r.id) === ctx.params.id) ?? -1;
    if (index === -1) return notFound('The requested object (id) does not exist');
    resource.records?.splice(index, 1);
    return json(null);
  },
};
