import type { Model, Operation } from './types';

/**
 * A starting JSON body for an operation, from its models: every writable property with a placeholder of
 * its type (enums take their first value). The user edits it; nothing here is sent as is without them.
 */
export function bodyTemplate(
  operation: Pick<Operation, 'parameters'>,
  models: Readonly<Record<string, Model>>,
): string | undefined {
  const body = operation.parameters.filter((p) => p.in === 'body');
  if (body.length === 0) return undefined;
  const whole = body.find((p) => p.name === '');
  const value = whole
    ? placeholder(whole.dataType, models, 0)
    : Object.fromEntries(body.map((p) => [p.name, placeholder(p.dataType, models, 0)]));
  return JSON.stringify(value, null, 2);
}

const MAX_DEPTH = 3;

function placeholder(type: string, models: Readonly<Record<string, Model>>, depth: number): unknown {
  if (type.endsWith('[]')) return [];
  if (type.startsWith('map[')) return {};
  switch (type) {
    case 'boolean':
      return false;
    case 'long':
    case 'int':
    case 'double':
    case 'float':
    case 'integer':
      return 0;
    case 'string':
    case 'password':
    case 'text':
    case 'uuid':
    case 'ip':
    case 'ipv4':
    case 'ipv6':
    case 'ipBlock':
      return '';
    case 'datetime':
    case 'date':
      return new Date(0).toISOString();
  }
  const model = models[type];
  if (!model) return null;
  if (model.enum) return model.enum[0] ?? '';
  if (depth >= MAX_DEPTH || !model.properties) return {};
  const fields = Object.entries(model.properties).filter(([, property]) => !property.readOnly);
  return Object.fromEntries(
    fields.map(([name, property]) => [
      name,
      placeholder(property.fullType ?? property.type, models, depth + 1),
    ]),
  );
}
