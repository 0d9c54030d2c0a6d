import { parseUrn } from '../urn/urn';
import { hasInnerWildcard } from './pattern';
import type { Condition, PolicyInput } from './policy';

export type PolicyProblem = { path: string; message: string };

export type PolicyValidation =
  | { ok: true; policy: PolicyInput; warnings: PolicyProblem[] }
  | { ok: false; problems: PolicyProblem[]; warnings: PolicyProblem[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const OPERATORS = ['AND', 'OR', 'NOT', 'MATCH'];

/**
 * Checks a policy against OVH's shape (iam.policy.Creation): what the sandbox refuses with a 400, and what
 * the policy editor underlines. Warnings are accepted by OVH but probably not what the author meant.
 */
export function validatePolicyInput(input: unknown): PolicyValidation {
  const problems: PolicyProblem[] = [];
  const warnings: PolicyProblem[] = [];
  if (!isObject(input))
    return { ok: false, problems: [{ path: '', message: 'A policy is a JSON object' }], warnings };

  if (typeof input.name !== 'string' || input.name.trim() === '') {
    problems.push({ path: 'name', message: 'A name is required' });
  } else if (input.name.length > 255) {
    problems.push({ path: 'name', message: 'The name is longer than 255 characters' });
  }
  if (
    input.description !== undefined &&
    input.description !== null &&
    typeof input.description !== 'string'
  ) {
    problems.push({ path: 'description', message: 'The description must be a string' });
  }

  if (!Array.isArray(input.identities) || input.identities.length === 0) {
    problems.push({ path: 'identities', message: 'At least one identity URN is required' });
  } else {
    input.identities.forEach((identity, i) => {
      const parsed = typeof identity === 'string' ? parseUrn(identity) : undefined;
      if (parsed?.kind !== 'identity') {
        problems.push({
          path: `identities[${i}]`,
          message: `${JSON.stringify(identity)} is not an identity URN (urn:v1:<plate>:identity:…)`,
        });
      }
    });
  }

  if (!Array.isArray(input.resources) || input.resources.length === 0) {
    problems.push({ path: 'resources', message: 'At least one resource is required' });
  } else {
    input.resources.forEach((resource, i) => {
      const urn = isObject(resource) ? resource.urn : undefined;
      if (typeof urn !== 'string' || !isResourcePattern(urn)) {
        problems.push({
          path: `resources[${i}].urn`,
          message: `${JSON.stringify(urn)} is not a resource URN (urn:v1:<plate>:resource:<type>:<id>)`,
        });
      } else if (hasInnerWildcard(urn)) {
        warnings.push({
          path: `resources[${i}].urn`,
          message: 'Only a * at the start or the end is a wildcard',
        });
      }
    });
  }

  const groups = input.permissionsGroups;
  if (
    groups !== undefined &&
    groups !== null &&
    (!Array.isArray(groups) || !groups.every((g) => isObject(g) && typeof g.urn === 'string'))
  ) {
    problems.push({ path: 'permissionsGroups', message: 'permissionsGroups is a list of {"urn": …}' });
  }

  let actionCount = 0;
  if (!isObject(input.permissions)) {
    problems.push({
      path: 'permissions',
      message: 'permissions is an object with allow, except and deny lists',
    });
  } else {
    for (const key of ['allow', 'except', 'deny'] as const) {
      const list = input.permissions[key];
      if (list === undefined || list === null) continue;
      if (!Array.isArray(list)) {
        problems.push({ path: `permissions.${key}`, message: `${key} is a list of {"action": …}` });
        continue;
      }
      list.forEach((entry, i) => {
        const action = isObject(entry) ? entry.action : undefined;
        if (typeof action !== 'string' || action === '') {
          problems.push({
            path: `permissions.${key}[${i}].action`,
            message: 'Each entry needs an action name',
          });
        } else {
          if (key !== 'except') actionCount++;
          if (hasInnerWildcard(action))
            warnings.push({
              path: `permissions.${key}[${i}].action`,
              message: 'Only a * at the start or the end is a wildcard',
            });
        }
      });
    }
    const hasGroups = Array.isArray(groups) && groups.length > 0;
    if (actionCount === 0 && !hasGroups) {
      problems.push({
        path: 'permissions',
        message: 'The policy must allow or deny at least one action, or name a permissions group',
      });
    }
    if (
      (input.permissions.except as unknown[] | undefined)?.length &&
      !(input.permissions.allow as unknown[] | undefined)?.length
    ) {
      warnings.push({
        path: 'permissions.except',
        message: "except only removes actions from this policy's own allow list, which is empty",
      });
    }
  }

  if (input.expiredAt !== undefined && input.expiredAt !== null) {
    if (typeof input.expiredAt !== 'string' || Number.isNaN(Date.parse(input.expiredAt))) {
      problems.push({ path: 'expiredAt', message: 'expiredAt is a date-time such as 2026-12-31T23:59:59Z' });
    }
  }
  if (input.conditions !== undefined && input.conditions !== null)
    validateCondition(input.conditions, 'conditions', problems);

  if (problems.length > 0) return { ok: false, problems, warnings };
  const policy: PolicyInput = {
    name: input.name as string,
    identities: input.identities as string[],
    resources: (input.resources as { urn: string }[]).map((r) => ({ urn: r.urn })),
    permissions: input.permissions as PolicyInput['permissions'],
    description: (input.description as string | undefined) ?? null,
    permissionsGroups: (groups as { urn: string }[] | undefined) ?? [],
    conditions: (input.conditions as Condition | undefined) ?? null,
    expiredAt: (input.expiredAt as string | undefined) ?? null,
  };
  return { ok: true, policy, warnings };
}

function isResourcePattern(urn: string): boolean {
  if (urn === '*') return true;
  if (urn.endsWith('*') && urn.startsWith('urn:v1:')) return true;
  if (urn.startsWith('*')) return urn.length > 1;
  return parseUrn(urn)?.kind === 'resource';
}

function validateCondition(condition: unknown, path: string, problems: PolicyProblem[]): void {
  if (
    !isObject(condition) ||
    typeof condition.operator !== 'string' ||
    !OPERATORS.includes(condition.operator)
  ) {
    problems.push({ path: `${path}.operator`, message: 'operator is one of AND, OR, NOT, MATCH' });
    return;
  }
  if (condition.operator === 'MATCH') {
    const values = condition.values;
    if (
      !isObject(values) ||
      Object.keys(values).length === 0 ||
      !Object.values(values).every((v) => typeof v === 'string')
    ) {
      problems.push({
        path: `${path}.values`,
        message: 'MATCH needs values: an object of strings, e.g. {"resource.Tag(env)": "prod"}',
      });
    }
    return;
  }
  if (!Array.isArray(condition.conditions) || condition.conditions.length === 0) {
    problems.push({
      path: `${path}.conditions`,
      message: `${condition.operator} needs a list of conditions`,
    });
    return;
  }
  condition.conditions.forEach((child, i) => validateCondition(child, `${path}.conditions[${i}]`, problems));
}
