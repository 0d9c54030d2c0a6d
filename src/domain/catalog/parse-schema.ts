import type {
  ApiStatus,
  ApiStatusValue,
  Branch,
  HttpMethod,
  IamAction,
  Model,
  Operation,
  ParamLocation,
  Parameter,
  Section,
  SectionRef,
} from './types';

/** A schema document that is not in OVH's format: the message says what was wrong. */
export class SchemaFormatError extends Error {
  override name = 'SchemaFormatError';
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
const STATUSES: readonly ApiStatusValue[] = ['PRODUCTION', 'BETA', 'ALPHA', 'DEPRECATED'];
const LOCATIONS: readonly ParamLocation[] = ['path', 'query', 'body', 'header'];

/** Parses a root listing: `{"apis":[{"path":"/hosting/web","schema":"{path}.{format}",…}],"basePath":…}`. */
export function parseRootListing(document: unknown): SectionRef[] {
  if (!isObject(document) || !Array.isArray(document.apis)) {
    throw new SchemaFormatError('A root listing has an "apis" array.');
  }
  return document.apis.flatMap((entry): SectionRef[] => {
    const path = isObject(entry) ? str(entry.path) : undefined;
    if (!path?.startsWith('/')) return [];
    return [{ path, description: str((entry as Json).description) ?? '' }];
  });
}

/**
 * Parses one section schema (`GET /1.0/hosting/web.json`): `{apiVersion, basePath, resourcePath, apis[], models{}}`.
 * Entries that are not in the format are skipped rather than failing the whole section: a catalogue of
 * 6,000 operations should not disappear because of one odd operation.
 */
export function parseSection(document: unknown, branch: Branch): Section {
  if (!isObject(document) || !Array.isArray(document.apis)) {
    throw new SchemaFormatError('A section schema has an "apis" array.');
  }
  const section = str(document.resourcePath) ?? commonPrefix(document.apis);
  const operations: Operation[] = [];
  for (const api of document.apis) {
    if (!isObject(api) || !Array.isArray(api.operations)) continue;
    const path = str(api.path);
    if (!path?.startsWith('/')) continue;
    const pathDescription = str(api.description) ?? '';
    for (const raw of api.operations) {
      const operation = parseOperation(raw, { branch, section, path, pathDescription });
      if (operation) operations.push(operation);
    }
  }
  return {
    branch,
    path: section,
    description: str(document.description) ?? '',
    basePath: str(document.basePath) ?? '',
    operations,
    models: parseModels(document.models),
  };
}

type OperationContext = { branch: Branch; section: string; path: string; pathDescription: string };

function parseOperation(raw: unknown, context: OperationContext): Operation | undefined {
  if (!isObject(raw)) return undefined;
  const method = str(raw.httpMethod)?.toUpperCase() as HttpMethod | undefined;
  if (!method || !METHODS.includes(method)) return undefined;
  const { actions, legacy } = parseIamActions(raw.iamActions);
  return {
    id: `${method} ${context.path}`,
    branch: context.branch,
    section: context.section,
    method,
    path: context.path,
    description: str(raw.description) || context.pathDescription,
    longDescription: str(raw.longDescription),
    status: parseStatus(raw.apiStatus),
    noAuthentication: raw.noAuthentication === true,
    parameters: Array.isArray(raw.parameters) ? raw.parameters.flatMap(parseParameter) : [],
    responseType: str(raw.responseType) ?? 'void',
    iamActions: actions,
    legacyIamActions: legacy,
  };
}

/**
 * Both shapes are in the wild (OVH.md): current `[{"name":"vps:apiovh:reboot","required":true}]` and,
 * in schemas older than mid-2023, `["vps:apiovh:reboot"]`, where every action is required.
 */
export function parseIamActions(raw: unknown): { actions: IamAction[]; legacy: boolean } {
  if (!Array.isArray(raw)) return { actions: [], legacy: false };
  let legacy = false;
  const actions = raw.flatMap((entry): IamAction[] => {
    if (typeof entry === 'string') {
      legacy = true;
      return entry ? [{ name: entry, required: true }] : [];
    }
    if (!isObject(entry)) return [];
    const name = str(entry.name);
    if (!name) return [];
    const description = str(entry.description);
    return [{ name, required: entry.required !== false, ...(description ? { description } : {}) }];
  });
  return { actions, legacy };
}

function parseStatus(raw: unknown): ApiStatus {
  if (!isObject(raw)) return { value: 'PRODUCTION' };
  const value = str(raw.value) as ApiStatusValue | undefined;
  const status: ApiStatus = { value: value && STATUSES.includes(value) ? value : 'PRODUCTION' };
  for (const key of ['description', 'deprecatedDate', 'deletionDate', 'replacement'] as const) {
    const text = str(raw[key]);
    if (text) status[key] = text;
  }
  return status;
}

function parseParameter(raw: unknown): Parameter[] {
  if (!isObject(raw)) return [];
  const location = str(raw.paramType) as ParamLocation | undefined;
  if (!location || !LOCATIONS.includes(location)) return [];
  const name = str(raw.name) ?? '';
  // Only a body parameter may be nameless: it is then the whole JSON body.
  if (!name && location !== 'body') return [];
  const parameter: Parameter = {
    name,
    in: location,
    dataType: str(raw.dataType) ?? 'string',
    required: raw.required === true,
  };
  const fullType = str(raw.fullType);
  const description = str(raw.description);
  if (fullType) parameter.fullType = fullType;
  if (description) parameter.description = description;
  return [parameter];
}

function parseModels(raw: unknown): Record<string, Model> {
  if (!isObject(raw)) return {};
  const models: Record<string, Model> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (isObject(value)) models[key] = value as Model;
  }
  return models;
}

/** Older listings omit resourcePath: the section is then the paths' common prefix. */
function commonPrefix(apis: unknown[]): string {
  const paths = apis.map((api) => (isObject(api) ? str(api.path) : undefined)).filter((p) => p !== undefined);
  if (paths.length === 0) return '/';
  const segments = (paths[0] ?? '').split('/');
  let length = segments.length;
  for (const path of paths) {
    const other = path.split('/');
    let i = 0;
    while (i < length && other[i] === segments[i] && !segments[i]?.startsWith('{')) i++;
    length = i;
  }
  return segments.slice(0, length).join('/') || '/';
}

/** The operation's body: the whole-body parameter's model, or the named body fields. */
export function bodyParameters(operation: Operation): Parameter[] {
  return operation.parameters.filter((p) => p.in === 'body');
}
