import { matchPath, templateSpecificity } from '../../domain/catalog/path-template';
import { parseSection } from '../../domain/catalog/parse-schema';
import type { Branch, HttpMethod, Operation } from '../../domain/catalog/types';
import { authSection } from './auth';
import { renderSection, type SectionDef } from './define';
import { domainSection } from './domain';
import { hostingWebSection } from './hosting-web';
import { iamSection } from './iam-v2';
import { dedicatedServerSection } from './dedicated-server';
import { meSection } from './me';
import { vpsSection } from './vps';
import { vrackServicesSection } from './vrack-services-v2';
import { vrackSection } from './vrack';

export const BUILT_IN_SECTIONS: readonly SectionDef[] = [
  authSection,
  meSection,
  hostingWebSection,
  domainSection,
  vpsSection,
  dedicatedServerSection,
  vrackSection,
  iamSection,
  vrackServicesSection,
];

/** A section document saved from OVH, served byte for byte (see --schemas). */
export type SavedSection = { branch: Branch; path: string; text: string };

export type ServedSection = {
  branch: Branch;
  path: string;
  description: string;
  operations: Operation[];
  /** the document in OVH's format, for a given basePath (saved documents ignore it: they are served as is) */
  render: (basePath: string) => string;
};

export type OperationMatch =
  | { kind: 'operation'; operation: Operation; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: HttpMethod[] }
  | { kind: 'no-route' };

export type SandboxCatalog = {
  sections: (branch: Branch) => ServedSection[];
  section: (branch: Branch, path: string) => ServedSection | undefined;
  match: (branch: Branch, method: string, path: string) => OperationMatch;
  /** every operation of every branch, e.g. to derive the IAM reference of actions */
  operations: () => Operation[];
};

/** Routing key: branch, first segment and number of segments narrow 6,000 templates to a handful. */
function routeKey(branch: Branch, path: string): string {
  const segments = path.split('/');
  return `${branch} ${segments[1] ?? ''} ${segments.length}`;
}

export function buildCatalog(
  saved: readonly SavedSection[] = [],
  builtIn: readonly SectionDef[] = BUILT_IN_SECTIONS,
): SandboxCatalog {
  const byBranch = new Map<Branch, Map<string, ServedSection>>([
    ['v1', new Map()],
    ['v2', new Map()],
  ]);
  for (const def of builtIn) {
    const cache = new Map<string, string>();
    const render = (basePath: string) => {
      let text = cache.get(basePath);
      if (text === undefined) {
        text = JSON.stringify(renderSection(def, basePath));
        cache.set(basePath, text);
      }
      return text;
    };
    const parsed = parseSection(JSON.parse(render('')), def.branch);
    byBranch.get(def.branch)?.set(def.path, {
      branch: def.branch,
      path: def.path,
      description: def.description,
      operations: parsed.operations,
      render,
    });
  }
  // Saved sections are merged over the built-in ones: same path, the saved document wins.
  for (const file of saved) {
    const parsed = parseSection(JSON.parse(file.text), file.branch);
    byBranch.get(file.branch)?.set(file.path, {
      branch: file.branch,
      path: file.path,
      description: parsed.description,
      operations: parsed.operations.map((op) => ({ ...op, section: file.path })),
      render: () => file.text,
    });
  }

  const routes = new Map<string, Operation[]>();
  for (const [branch, sections] of byBranch) {
    for (const section of sections.values()) {
      for (const operation of section.operations) {
        const key = routeKey(branch, operation.path);
        routes.set(key, [...(routes.get(key) ?? []), operation]);
      }
    }
  }
  for (const candidates of routes.values()) {
    candidates.sort((a, b) => templateSpecificity(b.path) - templateSpecificity(a.path));
  }

  return {
    sections: (branch) =>
      [...(byBranch.get(branch)?.values() ?? [])].sort((a, b) => a.path.localeCompare(b.path)),
    section: (branch, path) => byBranch.get(branch)?.get(path),
    operations: () =>
      [...byBranch.values()].flatMap((sections) => [...sections.values()].flatMap((s) => s.operations)),
    match(branch, method, path) {
      const allowed: HttpMethod[] = [];
      for (const operation of routes.get(routeKey(branch, path)) ?? []) {
        const params = matchPath(operation.path, path);
        if (!params) continue;
        if (operation.method === method) return { kind: 'operation', operation, params };
        allowed.push(operation.method);
      }
      return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'no-route' };
    },
  };
}
