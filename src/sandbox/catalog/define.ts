/**
 * A compact way to write the sandbox's own sections, rendered to OVH's native schema format
 * (`{apiVersion, basePath, resourcePath, apis[], models{}}`, OVH.md "Schema format") when served.
 */
import type { ApiStatus, HttpMethod, Model, ModelProperty, ParamLocation } from '../../domain/catalog/types';

export type ParamDef = {
  name?: string;
  in: ParamLocation;
  type: string;
  required?: boolean;
  description?: string;
};

export type IamDef = string | { name: string; required?: boolean; description?: string };

export type OperationDef = {
  method: HttpMethod;
  path: string;
  description: string;
  longDescription?: string;
  params?: ParamDef[];
  response: string;
  /** omitted: the operation needs no IAM action (all of /auth, public routes) */
  iam?: IamDef[];
  status?: ApiStatus;
  noAuthentication?: boolean;
};

export type SectionDef = {
  branch: 'v1' | 'v2';
  path: string;
  description: string;
  /** render iamActions in the legacy string-array form of schemas older than mid-2023 */
  legacyIamActions?: boolean;
  operations: OperationDef[];
  models: Record<string, Model>;
};

const PRODUCTION: ApiStatus = { value: 'PRODUCTION', description: 'Stable production version' };

export const path = (name: string, description = '', type = 'string'): ParamDef => ({
  name,
  in: 'path',
  type,
  required: true,
  description,
});
export const query = (name: string, type: string, description = '', required = false): ParamDef => ({
  name,
  in: 'query',
  type,
  required,
  description,
});
export const field = (name: string, type: string, description = '', required = true): ParamDef => ({
  name,
  in: 'body',
  type,
  required,
  description,
});
export const body = (type: string, description = 'Request Body'): ParamDef => ({
  in: 'body',
  type,
  required: true,
  description,
});
export const header = (name: string, type: string, description = ''): ParamDef => ({
  name,
  in: 'header',
  type,
  required: false,
  description,
});

/** The v2 cursor pagination headers (OVH.md): responses carry `X-Pagination-Cursor-Next`. */
export const paginationHeaders = [
  header('X-Pagination-Cursor', 'string', 'Pagination cursor'),
  header('X-Pagination-Size', 'long', 'Pagination size'),
];

export const optional = (name: string, description: string): IamDef => ({
  name,
  required: false,
  description,
});

export function property(
  type: string,
  description: string,
  options: Partial<ModelProperty> = {},
): ModelProperty {
  return { type, fullType: type, canBeNull: false, readOnly: true, required: false, description, ...options };
}

export function objectModel(
  id: string,
  description: string,
  properties: Record<string, ModelProperty>,
): Model {
  const dot = id.lastIndexOf('.');
  return { id: id.slice(dot + 1), namespace: id.slice(0, dot), description, properties };
}

export function enumModel(id: string, description: string, values: string[]): Model {
  const dot = id.lastIndexOf('.');
  return {
    id: id.slice(dot + 1),
    namespace: id.slice(0, dot),
    description,
    enum: values,
    enumType: 'string',
  };
}

/** Renders a section in OVH's native format, grouping operations by path like OVH does. */
export function renderSection(section: SectionDef, basePath: string): Record<string, unknown> {
  const byPath = new Map<string, OperationDef[]>();
  for (const operation of section.operations) {
    byPath.set(operation.path, [...(byPath.get(operation.path) ?? []), operation]);
  }
  return {
    apiVersion: section.branch === 'v1' ? '1.0' : '2.0',
    basePath,
    resourcePath: section.path,
    apis: [...byPath].map(([apiPath, operations]) => ({
      path: apiPath,
      description: operations[0]?.description ?? '',
      operations: operations.map((op) => renderOperation(op, section.legacyIamActions ?? false)),
    })),
    models: section.models,
  };
}

function renderOperation(op: OperationDef, legacy: boolean): Record<string, unknown> {
  const rendered: Record<string, unknown> = {
    httpMethod: op.method,
    description: op.description,
    apiStatus: op.status ?? PRODUCTION,
    noAuthentication: op.noAuthentication ?? false,
    parameters: (op.params ?? []).map((p) => ({
      ...(p.name ? { name: p.name } : {}),
      paramType: p.in,
      dataType: p.type,
      fullType: p.type,
      required: p.required ?? false,
      description: p.description ?? '',
    })),
    responseType: op.response,
  };
  if (op.longDescription) rendered.longDescription = op.longDescription;
  if (op.iam) {
    const actions = op.iam.map((a) =>
      typeof a === 'string' ? { name: a, required: true } : { required: true, ...a },
    );
    rendered.iamActions = legacy ? actions.map((a) => a.name) : actions;
  }
  return rendered;
}
