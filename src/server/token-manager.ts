import type { Region } from './regions';
import type { Session, SessionStore } from './session-store';
import { exchangeToken, type ExchangeFailure } from './token-exchange';

export type TokenManagerOptions = {
  store: SessionStore;
  now: () => number;
  /** exchange again this long before the token expires, so that no call leaves with a dying token */
  refreshMarginMs?: number;
};

export type TokenManager = {
  /** A valid access token for the session: the cached one, or a new one (exchanged once for all callers). */
  tokenFor(
    session: Session,
    region: Region,
    origin: string,
    options?: { force?: boolean },
  ): Promise<Session | ExchangeFailure>;
};

/**
 * One exchange at a time: concurrent calls of a session share the same exchange, and exchanges of the same
 * credential never run in parallel (OVH's token endpoint answers intermittent 500s to parallel exchanges, OVH.md).
 */
export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const margin = options.refreshMarginMs ?? 60_000;
  const inflight = new Map<string, Promise<Session | ExchangeFailure>>();
  const credentialQueues = new Map<string, Promise<unknown>>();

  function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = credentialQueues.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    credentialQueues.set(key, settled);
    void settled.then(() => {
      if (credentialQueues.get(key) === settled) credentialQueues.delete(key);
    });
    return next;
  }

  return {
    tokenFor(session, region, origin, { force = false } = {}) {
      if (!force && session.token.expiresAt - margin > options.now()) return Promise.resolve(session);
      const running = inflight.get(session.id);
      if (running) return running;
      const exchange = serialized(`${session.region}:${session.clientId}`, async () => {
        // Another caller may have renewed the token while this one waited.
        const latest = (await options.store.get(session.id)) ?? session;
        if (!force && latest.token.expiresAt - margin > options.now()) return latest;
        if (force && latest.token.value !== session.token.value) return latest;
        const result = await exchangeToken(region, origin, latest, options.now);
        if (!result.ok) return result;
        const renewed: Session = { ...latest, token: result.token };
        await options.store.set(renewed);
        return renewed;
      }).finally(() => inflight.delete(session.id));
      inflight.set(session.id, exchange);
      return exchange;
    },
  };
}
