import type { CallContext } from '../call-context';
import { nextId } from '../state';

/** A task as OVH answers asynchronous operations, in the naming of each product. */
export function vpsTask(ctx: CallContext, type: string) {
  return { id: nextId(ctx.state), type, state: 'todo', progress: 0, date: ctx.now.toISOString() };
}

export function dedicatedTask(ctx: CallContext, fn: string, comment: string | null = null) {
  return {
    taskId: nextId(ctx.state),
    function: fn,
    status: 'todo',
    startDate: ctx.now.toISOString(),
    doneDate: null,
    comment,
  };
}

export function vrackTask(ctx: CallContext, fn: string, targetDomain: string) {
  return {
    id: nextId(ctx.state),
    function: fn,
    status: 'init',
    targetDomain,
    todoDate: ctx.now.toISOString(),
  };
}
