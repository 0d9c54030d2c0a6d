import type { CallContext } from '../call-context';
import { badRequest, json, notFound } from '../responses';
import { findResource } from '../state';
import { bodyObject, iamMetadata, type BehaviourTable } from './behaviour';
import { listResources } from './listing';
import { vpsTask } from './tasks';

function vps(ctx: CallContext) {
  return findResource(ctx.state, 'vps', ctx.params.serviceName ?? '');
}

const PERIODS: Record<string, number> = {
  today: 24,
  lastday: 24,
  lastweek: 7 * 24,
  lastmonth: 30,
  lastyear: 12,
};
const TYPES = ['cpu:max', 'cpu:used', 'mem:max', 'mem:used', 'net:rx', 'net:tx'];

/** Plausible, repeatable figures: a gentle wave, the same for the same VPS and type. */
function statistics(ctx: CallContext): Response {
  const period = ctx.query.get('period') ?? '';
  const type = ctx.query.get('type') ?? '';
  const points = PERIODS[period];
  if (!points)
    return badRequest(
      `[period] Given data (${period}) does not belong to the vps.VpsMonitoringPeriodEnum enumeration`,
    );
  if (!TYPES.includes(type))
    return badRequest(
      `[type] Given data (${type}) does not belong to the vps.VpsStatisticTypeEnum enumeration`,
    );
  const step = (period === 'lastyear' ? 30 * 24 : period === 'lastmonth' ? 24 : 1) * 3600;
  const end = Math.floor(ctx.now.getTime() / 1000);
  const values = Array.from({ length: points }, (_, i) => ({
    timestamp: end - (points - i) * step,
    value: Math.round((40 + 25 * Math.sin(i / 3 + type.length)) * 100) / 100,
  }));
  return json({ unit: type.startsWith('net') ? 'bps' : type.startsWith('mem') ? 'MB' : '%', values });
}

export const vpsBehaviours: BehaviourTable = {
  'v1 GET /vps': (ctx) => listResources(ctx, 'vps', 'vps:apiovh:get'),
  'v1 GET /vps/{serviceName}': (ctx) => {
    const resource = vps(ctx);
    if (!resource) return notFound();
    return json({
      name: resource.id,
      displayName: resource.displayName ?? null,
      ...resource.properties,
      iam: iamMetadata(resource),
    });
  },
  'v1 PUT /vps/{serviceName}': (ctx) => {
    const resource = vps(ctx);
    const body = bodyObject(ctx);
    if (!resource) return notFound();
    if (!body) return badRequest('Invalid body: expected a vps.VPS object');
    if (body.displayName !== undefined) {
      if (typeof body.displayName !== 'string') return badRequest('[displayName] Given data is not a string');
      resource.displayName = body.displayName;
    }
    if (body.netbootMode !== undefined) {
      if (body.netbootMode !== 'local' && body.netbootMode !== 'rescue') {
        return badRequest(
          `[netbootMode] Given data (${String(body.netbootMode)}) does not belong to the vps.VpsNetbootEnum enumeration`,
        );
      }
      resource.properties.netbootMode = body.netbootMode;
    }
    return json(null);
  },
  'v1 POST /vps/{serviceName}/reboot': (ctx) => (vps(ctx) ? json(vpsTask(ctx, 'rebootVm')) : notFound()),
  'v1 POST /vps/{serviceName}/start': (ctx) => {
    const resource = vps(ctx);
    if (!resource) return notFound();
    resource.properties.state = 'running';
    return json(vpsTask(ctx, 'startVm'));
  },
  'v1 POST /vps/{serviceName}/stop': (ctx) => {
    const resource = vps(ctx);
    if (!resource) return notFound();
    resource.properties.state = 'stopped';
    return json(vpsTask(ctx, 'stopVm'));
  },
  'v1 GET /vps/{serviceName}/ips': (ctx) => {
    const resource = vps(ctx);
    return resource ? json((resource.ips ?? []).map((ip) => ip.ipAddress)) : notFound();
  },
  'v1 GET /vps/{serviceName}/ips/{ipAddress}': (ctx) => {
    const ip = vps(ctx)?.ips?.find((entry) => entry.ipAddress === ctx.params.ipAddress);
    return ip ? json(ip) : notFound('The requested object (ipAddress) does not exist');
  },
  'v1 DELETE /vps/{serviceName}/ips/{ipAddress}': (ctx) => {
    const resource = vps(ctx);
    const index = resource?.ips?.findIndex((entry) => entry.ipAddress === ctx.params.ipAddress) ?? -1;
    if (!resource || index === -1) return notFound('The requested object (ipAddress) does not exist');
    if (resource.ips?.[index]?.type === 'primary')
      return badRequest('The primary IP of a VPS cannot be released');
    resource.ips?.splice(index, 1);
    return json(null);
  },
  'v1 GET /vps/{serviceName}/statistics': (ctx) => (vps(ctx) ? statistics(ctx) : notFound()),
  'v1 GET /vps/{serviceName}/monitoring': (ctx) => (vps(ctx) ? statistics(ctx) : notFound()),
  'v1 POST /vps/{serviceName}/rebuild': (ctx) => {
    const body = bodyObject(ctx);
    if (!vps(ctx)) return notFound();
    if (typeof body?.imageId !== 'string' || !/^[0-9a-f-]{36}$/i.test(body.imageId))
      return badRequest('[imageId] Property is mandatory and must be a UUID');
    return json(vpsTask(ctx, 'rebuildVm'));
  },
};
