import type { RegionId } from './regions';

export type Identity = { account: string; method: string; urns: string[] };

export type AccessToken = { value: string; expiresAt: number; scope: string };

/**
 * A signed-in service account. The secret stays here, on the server: OVH issues no refresh token, so the
 * backend exchanges the credentials again when the token nears its end (OVH.md).
 */
export type Credential = {
  clientId: string;
  clientSecret: string;
  identity: Identity;
  token: AccessToken;
};

/** Which credential of a session a call uses. */
export type Slot = 'primary' | 'helper';

/**
 * A browser's session: the service account it explores as, and optionally a helper account (one allowed
 * to read or write policies) that the 403 explanation uses to look at policies and create the fix.
 */
export type Session = {
  id: string;
  region: RegionId;
  primary: Credential;
  helper?: Credential;
  createdAt: number;
};

/**
 * Where sessions live. In memory by default; another implementation (Redis, a KV store) lets several
 * processes share them, which is the only state the backend keeps.
 */
export type SessionStore = {
  get(id: string): Promise<Session | undefined>;
  set(session: Session): Promise<void>;
  delete(id: string): Promise<void>;
};

export type MemorySessionStoreOptions = {
  /** a session unused for this long is forgotten */
  idleMs?: number;
  /** beyond this many sessions, the least recently used is forgotten */
  maxSessions?: number;
  now?: () => number;
};

export function createMemorySessionStore(options: MemorySessionStoreOptions = {}): SessionStore {
  const idleMs = options.idleMs ?? 12 * 60 * 60 * 1000;
  const maxSessions = options.maxSessions ?? 10_000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const sessions = new Map<string, { session: Session; lastUsed: number }>();

  return {
    async get(id) {
      const entry = sessions.get(id);
      if (!entry) return undefined;
      if (now() - entry.lastUsed > idleMs) {
        sessions.delete(id);
        return undefined;
      }
      sessions.delete(id);
      sessions.set(id, { session: entry.session, lastUsed: now() });
      return entry.session;
    },
    async set(session) {
      sessions.delete(session.id);
      sessions.set(session.id, { session, lastUsed: now() });
      while (sessions.size > maxSessions) {
        const oldest = sessions.keys().next().value;
        if (oldest === undefined) break;
        sessions.delete(oldest);
      }
    },
    async delete(id) {
      sessions.delete(id);
    },
  };
}
