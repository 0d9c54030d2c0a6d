import { actionResourceType } from '../iam/resource';
import { matchesPattern } from '../iam/pattern';
import type { Operation } from './types';

export type ActionUse = { index: number; required: boolean };

export type ActionEntry = {
  name: string;
  resourceType: string;
  /** the first description the schemas give for it, if any */
  description?: string;
  /** every operation that lists it, required or optional */
  operations: ActionUse[];
};

export type ActionIndex = {
  actions: ActionEntry[];
  byName: ReadonlyMap<string, ActionEntry>;
  /** resource types with their actions, sorted */
  resourceTypes: ReadonlyMap<string, ActionEntry[]>;
};

/**
 * Actions as first-class objects: which operations need each, which resource type it applies to. This is
 * what OVHcloud's console cannot answer ("which calls need this action?") and what a least-privilege policy
 * is written from.
 */
export function buildActionIndex(operations: readonly Operation[]): ActionIndex {
  const byName = new Map<string, ActionEntry>();
  operations.forEach((operation, index) => {
    for (const action of operation.iamActions) {
      let entry = byName.get(action.name);
      if (!entry) {
        entry = { name: action.name, resourceType: actionResourceType(action.name), operations: [] };
        byName.set(action.name, entry);
      }
      if (!entry.description && action.description) entry.description = action.description;
      entry.operations.push({ index, required: action.required });
    }
  });
  const actions = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  const resourceTypes = new Map<string, ActionEntry[]>();
  for (const action of actions) {
    resourceTypes.set(action.resourceType, [...(resourceTypes.get(action.resourceType) ?? []), action]);
  }
  return {
    actions,
    byName,
    resourceTypes: new Map([...resourceTypes].sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** The actions a pattern grants (`webHosting:*`, `vps:apiovh:ips/*`, `*:apiovh:get`); case-sensitive, as in policies. */
export function expandPattern(index: ActionIndex, pattern: string): ActionEntry[] {
  return index.actions.filter((action) => matchesPattern(pattern, action.name));
}

/**
 * The operations a set of actions lets one call: every required action granted. Operations where some but
 * not all required actions are granted are "partial": a policy with only these actions still gets a 403.
 */
export function operationsGrantedBy(operations: readonly Operation[], granted: (action: string) => boolean) {
  const full: number[] = [];
  const partial: number[] = [];
  operations.forEach((operation, index) => {
    const required = operation.iamActions.filter((a) => a.required);
    if (required.length === 0) return;
    const count = required.filter((a) => granted(a.name)).length;
    if (count === required.length) full.push(index);
    else if (count > 0) partial.push(index);
  });
  return { full, partial };
}
