import { describe, expect, it } from 'vitest';
import current from './fixtures/current-section.json';
import { bodyTemplate } from './body-template';
import { parseSection } from './parse-schema';

const section = parseSection(current, 'v1');
const operation = (id: string) => {
  const found = section.operations.find((op) => op.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('bodyTemplate', () => {
  it('fills a whole-body model with its writable properties, enums at their first value', () => {
    expect(JSON.parse(bodyTemplate(operation('PUT /widget/{serviceName}'), section.models) ?? '')).toEqual({
      colour: 'blue',
    });
  });

  it('builds an object of the named body fields', () => {
    expect(
      JSON.parse(bodyTemplate(operation('POST /widget/{serviceName}/link'), section.models) ?? ''),
    ).toEqual({ gadget: '', comment: '' });
  });

  it('gives nothing for an operation without a body', () => {
    expect(bodyTemplate(operation('GET /widget'), section.models)).toBeUndefined();
  });
});
