import type { CallContext } from '../call-context';
import { badRequest, json, notFound } from '../responses';
import { findResource } from '../state';
import { bodyObject, iamMetadata, type BehaviourTable } from './behaviour';
import { listResources } from './listing';
import { dedicatedTask } from './tasks';

function server(ctx: CallContext) {
  return findResource(ctx.state, 'dedicatedServer', ctx.params.serviceName ?? '');
}

function record(ctx: CallContext, task: Record<string, unknown>) {
  const resource = server(ctx);
  if (resource) {
    resource.tasks ??= [];
    resource.tasks.push(task);
  }
  return json(task);
}

export const dedicatedServerBehaviours: BehaviourTable = {
  'v1 GET /dedicated/server': (ctx) => listResources(ctx, 'dedicatedServer', 'dedicatedServer:apiovh:get'),
  'v1 GET /dedicated/server/{serviceName}': (ctx) => {
    const resource = server(ctx);
    if (!resource) return notFound();
    return json({ name: resource.id, ...resource.properties, iam: iamMetadata(resource) });
  },
  'v1 POST /dedicated/server/{serviceName}/reboot': (ctx) =>
    server(ctx) ? record(ctx, dedicatedTask(ctx, 'hardReboot')) : notFound(),
  'v1 GET /dedicated/server/{serviceName}/task': (ctx) => {
    const resource = server(ctx);
    if (!resource) return notFound();
    const fn = ctx.query.get('function');
    const status = ctx.query.get('status');
    const tasks = (resource.tasks ?? []).filter(
      (t) => (!fn || t.function === fn) && (!status || t.status === status),
    );
    return json(tasks.map((t) => t.taskId));
  },
  'v1 GET /dedicated/server/{serviceName}/task/{taskId}': (ctx) => {
    const task = server(ctx)?.tasks?.find((t) => String(t.taskId) === ctx.params.taskId);
    return task ? json(task) : notFound('The requested object (taskId) does not exist');
  },
  'v1 POST /dedicated/server/{serviceName}/install/start': (ctx) => {
    const body = bodyObject(ctx);
    if (!server(ctx)) return notFound();
    if (typeof body?.templateName !== 'string' || !body.templateName)
      return badRequest('[templateName] Property is mandatory');
    return record(ctx, dedicatedTask(ctx, 'reinstallServer', `Installing ${body.templateName}`));
  },
};
