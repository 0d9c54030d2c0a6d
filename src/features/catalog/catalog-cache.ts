import type { Section, SectionRef } from '../../domain/catalog/types';

/** A parsed catalogue as kept between visits, per region and branch. */
export type CachedCatalog = {
  key: string;
  savedAt: number;
  listing: SectionRef[];
  sections: Section[];
};

export type CatalogCache = {
  get(key: string): Promise<CachedCatalog | undefined>;
  put(entry: CachedCatalog): Promise<void>;
};

const DB_NAME = 'ovh-explorer';
const STORE = 'catalogues';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Parsed catalogues in IndexedDB, so that a second visit shows them at once (and revalidates them behind).
 * A browser without IndexedDB (private modes, tests) gets a cache that keeps nothing: the explorer only
 * loses speed, never function.
 */
export function createIndexedDbCache(factory: IDBFactory | undefined = globalThis.indexedDB): CatalogCache {
  if (!factory) return { get: async () => undefined, put: async () => undefined };
  let db: Promise<IDBDatabase> | undefined;
  const open = () => {
    db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
      req.onsuccess = () => {
        // Another tab upgrading or deleting the database must not wait for this one.
        req.result.onversionchange = () => {
          req.result.close();
          db = undefined;
        };
        resolve(req.result);
      };
      req.onerror = () => reject(req.error ?? new Error('IndexedDB cannot be opened'));
    });
    return db;
  };
  return {
    async get(key) {
      try {
        const store = (await open()).transaction(STORE, 'readonly').objectStore(STORE);
        return (await request(store.get(key))) as CachedCatalog | undefined;
      } catch {
        return undefined;
      }
    },
    async put(entry) {
      try {
        const tx = (await open()).transaction(STORE, 'readwrite');
        tx.objectStore(STORE).put(entry);
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
        });
      } catch {
        // A full disk or a private mode: the next visit simply loads from the network again.
      }
    },
  };
}
