import { callerOf } from '../call-context';
import { json } from '../responses';
import type { BehaviourTable } from './behaviour';

export const authBehaviours: BehaviourTable = {
  'v1 GET /auth/details': (ctx) => {
    const caller = callerOf(ctx);
    return json({
      account: caller.account,
      identities: caller.identities,
      method: caller.method,
      ...(caller.description ? { description: caller.description } : {}),
    });
  },
  'v1 GET /auth/time': (ctx) => json(Math.floor(ctx.now.getTime() / 1000)),
  'v1 POST /auth/logout': (ctx) => {
    ctx.state.tokens.delete(callerOf(ctx).token);
    return json(null);
  },
};
