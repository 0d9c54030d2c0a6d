import { serviceAccountIdentityUrn } from '../../domain/urn/urn';
import { callerOf } from '../call-context';
import { badRequest, json, notFound } from '../responses';
import { randomToken } from '../state';
import { bodyObject, type BehaviourTable } from './behaviour';

const EDITABLE = ['email', 'firstname', 'name', 'organisation', 'language'] as const;

export const meBehaviours: BehaviourTable = {
  'v1 GET /me': (ctx) => {
    const account = ctx.state.accounts.get(callerOf(ctx).account);
    if (!account) return notFound();
    return json({
      nichandle: account.id,
      email: account.email,
      firstname: account.firstname,
      name: account.name,
      organisation: account.organisation ?? null,
      country: account.country,
      language: account.language,
      ovhSubsidiary: account.ovhSubsidiary,
      state: 'complete',
      customerCode: null,
    });
  },
  'v1 PUT /me': (ctx) => {
    const account = ctx.state.accounts.get(callerOf(ctx).account);
    const body = bodyObject(ctx);
    if (!account) return notFound();
    if (!body) return badRequest('Invalid body: expected a nichandle.Nichandle object');
    for (const key of EDITABLE) {
      const value = body[key];
      if (value === undefined) continue;
      if (typeof value !== 'string')
        return badRequest(`[${key}] Given data (${JSON.stringify(value)}) is not a string`);
      account[key] = value;
    }
    return json(null);
  },
  'v1 GET /me/api/oauth2/client': (ctx) => {
    const account = callerOf(ctx).account;
    return json(
      [...ctx.state.serviceAccounts.values()].filter((s) => s.account === account).map((s) => s.clientId),
    );
  },
  'v1 GET /me/api/oauth2/client/{clientId}': (ctx) => {
    const client = ctx.state.serviceAccounts.get(ctx.params.clientId ?? '');
    if (!client || client.account !== callerOf(ctx).account)
      return notFound('The requested object (clientId) does not exist');
    return json({
      clientId: client.clientId,
      name: client.name,
      description: client.description,
      flow: 'CLIENT_CREDENTIALS',
      identity: client.identity,
      callbackUrls: [],
      createdAt: client.createdAt,
    });
  },
  'v1 POST /me/api/oauth2/client': (ctx) => {
    const body = bodyObject(ctx);
    if (!body) return badRequest('Invalid body: expected an oauth2.clientRequest object');
    const { name, description, flow } = body;
    if (typeof name !== 'string' || !name) return badRequest('[name] Property is mandatory');
    if (typeof description !== 'string' || !description)
      return badRequest('[description] Property is mandatory');
    if (flow !== 'CLIENT_CREDENTIALS')
      return badRequest('[flow] The sandbox only creates CLIENT_CREDENTIALS clients');
    const account = callerOf(ctx).account;
    const bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    const clientId = `${ctx.state.plate.toUpperCase()}.${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    const clientSecret = randomToken(24);
    ctx.state.serviceAccounts.set(clientId, {
      clientId,
      clientSecret,
      account,
      name,
      description,
      identity: serviceAccountIdentityUrn(ctx.state.plate, account, clientId),
      createdAt: ctx.now.toISOString(),
    });
    return json({ clientId, clientSecret });
  },
  'v1 DELETE /me/api/oauth2/client/{clientId}': (ctx) => {
    const clientId = ctx.params.clientId ?? '';
    const client = ctx.state.serviceAccounts.get(clientId);
    if (!client || client.account !== callerOf(ctx).account)
      return notFound('The requested object (clientId) does not exist');
    ctx.state.serviceAccounts.delete(clientId);
    for (const [token, issued] of ctx.state.tokens)
      if (issued.clientId === clientId) ctx.state.tokens.delete(token);
    return json(null);
  },
};
