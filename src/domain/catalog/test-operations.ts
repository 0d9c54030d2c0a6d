import type { HttpMethod, IamAction, Operation } from './types';

/** A compact way to write operations in tests. */
export function op(
  method: HttpMethod,
  path: string,
  actions: (string | IamAction)[] = [],
  extra: Partial<Operation> = {},
): Operation {
  const section = '/' + (path.split('/')[1] ?? '');
  return {
    id: `${method} ${path}`,
    branch: 'v1',
    section,
    method,
    path,
    description: '',
    status: { value: 'PRODUCTION' },
    noAuthentication: false,
    parameters: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
      name: m[1] ?? '',
      in: 'path' as const,
      dataType: 'string',
      required: true,
    })),
    responseType: 'void',
    iamActions: actions.map((a) => (typeof a === 'string' ? { name: a, required: true } : a)),
    legacyIamActions: false,
    ...extra,
  };
}
