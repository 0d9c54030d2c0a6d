import type { Region } from './regions';
import type { Session, SessionStore, Slot } from './session-store';
import { exchangeToken, type ExchangeFailure } from './token-exchange';

export type TokenManagerOptions = {
  store: SessionStore;
  now: () => number;
  /** exchange again this long before the token expires, so that no call leaves with a dying token */
  refreshMarginMs?: number;
};

export type TokenManager = {
  /**
   * The session with a valid access token in the slot: the cached one, or a new one (exchanged once for all
   * concurrent callers). `force` exchanges again even if the token looks valid (OVH answered 401 to it).
   */
  tokenFor(
    session: Session,
    slot: Slot,
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
    tokenFor(session, slot, region, origin, { force = false } = {}) {
      const credential = session[slot];
      if (!credential)
        return Promise.resolve({
          ok: false,
          status: 401,
          error: 'no_session',
          message: `No ${slot} account is signed in.`,
        });
      if (!force && credential.token.expiresAt - margin > options.now()) return Promise.resolve(session);
      const key = `${session.id}:${slot}`;
      const running = inflight.get(key);
      if (running) return running;
      const exchange = serialized(`${session.region}:${credential.clientId}`, async () => {
        // Another caller may have renewed the token while this one waited.
        const latest = (await options.store.get(session.id)) ?? session;
        const current = latest[slot];
        if (!current)
          return {
            ok: false as const,
            status: 401 as const,
            error: 'no_session',
            message: `No ${slot} account is signed in.`,
          };
        if (!force && current.token.expiresAt - margin > options.now()) return latest;
        if (force && current.token.value !== credential.token.value) return latest;
        const result = await exchangeToken(region, origin, current, options.now);
        if (!result.ok) return result;
        const renewed: Session = { ...latest, [slot]: { ...current, token: result.token } };
        await options.store.set(renewed);
        return renewed;
      }).finally(() => inflight.delete(key));
      inflight.set(key, exchange);
      return exchange;
    },
  };
}
