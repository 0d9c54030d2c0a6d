import { parseRootListing, parseSection } from '../../domain/catalog/parse-schema';
import { createSearchIndex, type SearchFilters } from '../../domain/catalog/search-index';
import {
  BRANCH_PREFIX,
  type Branch,
  type Model,
  type Operation,
  type Section,
  type SectionRef,
} from '../../domain/catalog/types';
import type { CatalogCache } from './catalog-cache';

/**
 * Loads, parses, indexes and searches catalogues. It runs in a Web Worker (catalog.worker.ts) so that none
 * of this work blocks the page; where there is no Worker (tests), the same class runs in the page.
 */

export type SectionSummary = { path: string; description: string; operationCount: number };

export type CatalogSnapshot = {
  key: string;
  /** increases with every new snapshot of the same catalogue: searches made on an older one are stale */
  version: number;
  sections: SectionSummary[];
  operations: Operation[];
  failed: { path: string; message: string }[];
  fromCache: boolean;
  /** when the catalogue was fetched, ms since the epoch */
  savedAt: number;
  timings: {
    /** the last section arrived (epoch ms, comparable across the page and the worker) */
    receivedAt?: number;
    /** the search index was ready */
    indexedAt: number;
  };
};

/**
 * Search results as typed arrays: they cross from the worker to the page without being copied item by item
 * (6,000 hits for a broad query), and the page reads operations by position.
 */
export type SearchResult = {
  version: number;
  query: string;
  /** positions in the snapshot's `operations`, best first */
  indexes: Int32Array;
  /** 1 where an action pattern grants only some of the operation's required actions */
  partial: Uint8Array;
};

export type LoadProgress = {
  key: string;
  phase: 'listing' | 'sections' | 'indexing' | 'ready' | 'revalidating';
  loaded: number;
  total: number;
  failed: { path: string; message: string }[];
};

export type CatalogEvents = {
  progress: (progress: LoadProgress) => void;
  snapshot: (snapshot: CatalogSnapshot) => void;
};

export type EngineOptions = {
  fetchJson: (url: string) => Promise<unknown>;
  cache?: CatalogCache;
  /** sections fetched at once; OVH serves schemas from one host, and browsers queue beyond six anyway */
  concurrency?: number;
  /** a cached catalogue younger than this is not fetched again */
  freshForMs?: number;
  events: CatalogEvents;
};

type Loaded = {
  listing: SectionRef[];
  sections: Map<string, Section>;
  failed: Map<string, string>;
  index: ReturnType<typeof createSearchIndex>;
  operations: Operation[];
  version: number;
  savedAt: number;
  fromCache: boolean;
  receivedAt?: number;
  indexedAt: number;
};

export const catalogKey = (region: string, branch: Branch) => `${region}:${branch}`;

const epochNow = () => performance.timeOrigin + performance.now();

export class CatalogEngine {
  private readonly catalogs = new Map<string, Loaded>();
  private readonly loading = new Map<string, Promise<void>>();
  private version = 0;

  constructor(private readonly options: EngineOptions) {}

  /** Resolves once a catalogue is searchable (from the cache or the network); revalidation goes on behind. */
  load(region: string, branch: Branch): Promise<void> {
    const key = catalogKey(region, branch);
    const running = this.loading.get(key);
    if (running) return running;
    const loading = this.loadOnce(region, branch, key).finally(() => this.loading.delete(key));
    this.loading.set(key, loading);
    return loading;
  }

  private async loadOnce(region: string, branch: Branch, key: string): Promise<void> {
    const cached = this.catalogs.has(key) ? undefined : await this.options.cache?.get(key);
    if (cached) {
      this.publish(key, cached.listing, new Map(cached.sections.map((s) => [s.path, s])), new Map(), {
        savedAt: cached.savedAt,
        fromCache: true,
      });
      // Shown at once; checked against the network without making anybody wait.
      void this.revalidate(region, branch, key).catch(() => undefined);
      return;
    }
    const current = this.catalogs.get(key);
    if (current && current.failed.size === 0) return;
    await this.fetchAll(region, branch, key);
  }

  private async revalidate(region: string, branch: Branch, key: string): Promise<void> {
    const current = this.catalogs.get(key);
    if (!current) return;
    const listing = parseRootListing(await this.options.fetchJson(this.url(region, branch, '/')));
    const same =
      listing.length === current.listing.length &&
      listing.every((ref, i) => ref.path === current.listing[i]?.path);
    if (same && Date.now() - current.savedAt < (this.options.freshForMs ?? 60 * 60 * 1000)) return;
    await this.fetchAll(region, branch, key, listing, 'revalidating');
  }

  private async fetchAll(
    region: string,
    branch: Branch,
    key: string,
    knownListing?: SectionRef[],
    phase: 'sections' | 'revalidating' = 'sections',
  ): Promise<void> {
    this.progress({ key, phase: knownListing ? phase : 'listing', loaded: 0, total: 0, failed: [] });
    const listing =
      knownListing ?? parseRootListing(await this.options.fetchJson(this.url(region, branch, '/')));
    const sections = new Map<string, Section>();
    const failed = new Map<string, string>();
    const receivedAt = await this.fetchSections(region, branch, key, listing, sections, failed, phase);
    this.publish(key, listing, sections, failed, { savedAt: Date.now(), fromCache: false, receivedAt });
    if (failed.size === 0)
      await this.options.cache?.put({ key, savedAt: Date.now(), listing, sections: [...sections.values()] });
  }

  /** Fetches the failed sections of a catalogue again, keeping the others. */
  async retry(region: string, branch: Branch): Promise<void> {
    const key = catalogKey(region, branch);
    const current = this.catalogs.get(key);
    if (!current) return this.load(region, branch);
    const refs = current.listing.filter((ref) => current.failed.has(ref.path));
    const failed = new Map<string, string>();
    const sections = new Map(current.sections);
    const receivedAt = await this.fetchSections(region, branch, key, refs, sections, failed, 'sections');
    this.publish(key, current.listing, sections, failed, {
      savedAt: current.savedAt,
      fromCache: false,
      receivedAt,
    });
    if (failed.size === 0)
      await this.options.cache?.put({
        key,
        savedAt: Date.now(),
        listing: current.listing,
        sections: [...sections.values()],
      });
  }

  private async fetchSections(
    region: string,
    branch: Branch,
    key: string,
    refs: SectionRef[],
    sections: Map<string, Section>,
    failed: Map<string, string>,
    phase: 'sections' | 'revalidating',
  ): Promise<number | undefined> {
    const total = sections.size + refs.length;
    let receivedAt: number | undefined;
    const report = () =>
      this.progress({
        key,
        phase,
        loaded: sections.size,
        total,
        failed: [...failed].map(([path, message]) => ({ path, message })),
      });
    const queue = [...refs];
    const worker = async () => {
      for (let ref = queue.shift(); ref; ref = queue.shift()) {
        try {
          const document = await this.fetchWithRetry(this.url(region, branch, `${ref.path}.json`));
          receivedAt = epochNow();
          sections.set(ref.path, parseSection(document, branch));
          failed.delete(ref.path);
        } catch (error) {
          failed.set(ref.path, (error as Error).message);
        }
        report();
      }
    };
    report();
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 6, refs.length) }, worker));
    return receivedAt;
  }

  /** One more try after a short pause: OVH answers the odd 5xx under load. */
  private async fetchWithRetry(url: string): Promise<unknown> {
    try {
      return await this.options.fetchJson(url);
    } catch (error) {
      if ((error as { status?: number }).status !== undefined && (error as { status: number }).status < 500)
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return this.options.fetchJson(url);
    }
  }

  private publish(
    key: string,
    listing: SectionRef[],
    sections: Map<string, Section>,
    failed: Map<string, string>,
    meta: { savedAt: number; fromCache: boolean; receivedAt?: number },
  ): void {
    this.progress({ key, phase: 'indexing', loaded: sections.size, total: listing.length, failed: [] });
    // Listing order: OVH's own, alphabetical.
    const ordered = listing.flatMap((ref) => {
      const section = sections.get(ref.path);
      return section ? [{ ...section, description: section.description || ref.description }] : [];
    });
    const operations = ordered.flatMap((section) =>
      section.operations.map((op) => (op.section === section.path ? op : { ...op, section: section.path })),
    );
    const index = createSearchIndex(operations);
    const loaded: Loaded = {
      listing,
      sections: new Map(ordered.map((s) => [s.path, s])),
      failed,
      index,
      operations,
      version: ++this.version,
      savedAt: meta.savedAt,
      fromCache: meta.fromCache,
      receivedAt: meta.receivedAt,
      indexedAt: epochNow(),
    };
    this.catalogs.set(key, loaded);
    this.options.events.snapshot({
      key,
      version: loaded.version,
      sections: ordered.map((s) => ({
        path: s.path,
        description: s.description,
        operationCount: s.operations.length,
      })),
      operations,
      failed: [...failed].map(([path, message]) => ({ path, message })),
      fromCache: meta.fromCache,
      savedAt: meta.savedAt,
      timings: { ...(meta.receivedAt ? { receivedAt: meta.receivedAt } : {}), indexedAt: loaded.indexedAt },
    });
    this.progress({
      key,
      phase: 'ready',
      loaded: sections.size,
      total: listing.length,
      failed: [...failed].map(([path, message]) => ({ path, message })),
    });
  }

  /** The hits, with the catalogue version and the query they answer (a page may show older results meanwhile). */
  search(key: string, query: string, filters: SearchFilters = {}): SearchResult {
    const catalog = this.catalogs.get(key);
    if (!catalog) return { version: 0, query, indexes: new Int32Array(0), partial: new Uint8Array(0) };
    const hits = catalog.index.search(query, filters);
    const indexes = new Int32Array(hits.length);
    const partial = new Uint8Array(hits.length);
    hits.forEach((hit, i) => {
      indexes[i] = hit.index;
      if (hit.coverage === 'partial') partial[i] = 1;
    });
    return { version: catalog.version, query, indexes, partial };
  }

  models(key: string, section: string): Record<string, Model> {
    return this.catalogs.get(key)?.sections.get(section)?.models ?? {};
  }

  private progress(progress: LoadProgress): void {
    this.options.events.progress(progress);
  }

  private url(region: string, branch: Branch, path: string): string {
    return `/api/ovh/${region}/${BRANCH_PREFIX[branch]}${path}`;
  }
}
