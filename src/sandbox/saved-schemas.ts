import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Branch } from '../domain/catalog/types';
import type { SavedSection } from './catalog/catalog';

export type SavedCatalog = { sections: SavedSection[]; listings: Partial<Record<Branch, string>> };

const BRANCH_DIRS: [string, Branch][] = [
  ['1.0', 'v1'],
  ['v2', 'v2'],
];

async function jsonFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return jsonFiles(full);
      return Promise.resolve(entry.name.endsWith('.json') ? [full] : []);
    }),
  );
  return nested.flat();
}

/**
 * Reads schema files saved from OVH, laid out as their URLs: `DIR/1.0/hosting/web.json` is
 * `/1.0/hosting/web.json`, `DIR/v2/iam.json` is `/v2/iam.json`. A `DIR/<branch>/index.json` is that branch's
 * root listing; without one, the listing is built from the sections found.
 */
export async function loadSavedSchemas(dir: string): Promise<SavedCatalog> {
  const catalog: SavedCatalog = { sections: [], listings: {} };
  for (const [folder, branch] of BRANCH_DIRS) {
    const root = join(dir, folder);
    const files = await jsonFiles(root);
    const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
    files.forEach((file, i) => {
      const text = texts[i] ?? '';
      const path = `/${relative(root, file).split(sep).join('/').slice(0, -'.json'.length)}`;
      if (path === '/index') catalog.listings[branch] = text;
      else catalog.sections.push({ branch, path, text });
    });
  }
  return catalog;
}
