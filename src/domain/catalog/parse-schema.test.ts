import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import current from './fixtures/current-section.json';
import legacy from './fixtures/legacy-section.json';
import rootListing from './fixtures/root-listing.json';
import { parseIamActions, parseRootListing, parseSection, SchemaFormatError } from './parse-schema';

describe('parseRootListing', () => {
  it('lists the sections, skipping entries that are not sections', () => {
    expect(parseRootListing(rootListing)).toEqual([
      { path: '/widget', description: 'Widgets' },
      { path: '/gadget', description: '' },
    ]);
  });

  it('refuses a document that is not a listing', () => {
    expect(() => parseRootListing({ message: 'This service does not exist' })).toThrow(SchemaFormatError);
  });
});

describe('parseSection', () => {
  const section = parseSection(current, 'v1');

  it('reads every operation with its method, path and section', () => {
    expect(section.path).toBe('/widget');
    expect(section.operations.map((op) => op.id)).toEqual([
      'GET /widget',
      'POST /widget/{serviceName}/link',
      'PUT /widget/{serviceName}',
      'GET /widget/time',
    ]);
    expect(section.operations.every((op) => op.section === '/widget' && op.branch === 'v1')).toBe(true);
  });

  it('reads current iamActions with required and optional actions and their descriptions', () => {
    const link = section.operations[1];
    expect(link?.iamActions).toEqual([
      { name: 'widget:apiovh:link/create', required: true },
      { name: 'gadget:apiovh:widget/attach', required: true, description: 'On the gadget being linked' },
      { name: 'gadget:apiovh:get', required: false, description: "To see the gadget's name in the answer" },
    ]);
    expect(link?.legacyIamActions).toBe(false);
  });

  it('reads legacy string iamActions as required actions', () => {
    const legacySection = parseSection(legacy, 'v1');
    expect(legacySection.operations.map((op) => op.iamActions)).toEqual([
      [{ name: 'gadget:apiovh:get', required: true }],
      [
        { name: 'gadget:apiovh:delete', required: true },
        { name: 'order:apiovh:gadget/delete', required: true },
      ],
    ]);
    expect(legacySection.operations.every((op) => op.legacyIamActions)).toBe(true);
  });

  it('gives an operation without iamActions an empty list', () => {
    const time = section.operations[3];
    expect(time?.iamActions).toEqual([]);
    expect(time?.noAuthentication).toBe(true);
  });

  it('reads statuses with their deprecation dates and replacement', () => {
    expect(section.operations[1]?.status).toEqual({
      value: 'DEPRECATED',
      description: 'Deprecated, will be removed',
      deprecatedDate: '2024-01-01T00:00:00+01:00',
      deletionDate: '2024-06-01T00:00:00+01:00',
      replacement: '/widget/{serviceName}/gadget',
    });
    expect(section.operations[2]?.status.value).toBe('BETA');
    expect(parseSection(legacy, 'v1').operations[1]?.status.value).toBe('ALPHA');
  });

  it('tells a whole-body parameter from named body fields', () => {
    expect(section.operations[2]?.parameters.find((p) => p.in === 'body')).toMatchObject({
      name: '',
      dataType: 'widget.Widget',
    });
    expect(section.operations[1]?.parameters.filter((p) => p.in === 'body').map((p) => p.name)).toEqual([
      'gadget',
      'comment',
    ]);
  });

  it('falls back to the path description when an operation has none', () => {
    expect(section.operations[2]?.description).toBe('Widget');
  });

  it('keeps the models, enums included', () => {
    expect(section.models['widget.ColourEnum']?.enum).toEqual(['blue', 'red']);
  });

  it('derives the section from the paths when resourcePath is missing', () => {
    const { resourcePath: _, ...withoutResourcePath } = legacy;
    expect(parseSection(withoutResourcePath, 'v1').path).toBe('/gadget');
  });

  it('refuses a document that is not a section', () => {
    expect(() => parseSection('<html>Bad gateway</html>', 'v1')).toThrow(SchemaFormatError);
  });
});

describe('parseIamActions', () => {
  it('skips entries it cannot read', () => {
    expect(parseIamActions([null, 3, { required: true }, '', { name: 'a:apiovh:get' }]).actions).toEqual([
      { name: 'a:apiovh:get', required: true },
    ]);
    expect(parseIamActions(undefined)).toEqual({ actions: [], legacy: false });
  });
});

// OVHcloud's real EU catalogue, when the shared corpus is present (never copied into the project).
const corpus = join(import.meta.dirname, '../../../../shared/ovh-corpus/eu/1.0');

describe.skipIf(!existsSync(corpus))('the real EU catalogue', () => {
  function schemaFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? schemaFiles(full) : name.endsWith('.json') ? [full] : [];
    });
  }

  it('parses every section, in both iamActions shapes', () => {
    const sections = schemaFiles(corpus).map((file) =>
      parseSection(JSON.parse(readFileSync(file, 'utf8')), 'v1'),
    );
    const operations = sections.flatMap((s) => s.operations);
    expect(sections.length).toBeGreaterThanOrEqual(85);
    expect(operations.length).toBeGreaterThan(6000);
    expect(operations.filter((op) => op.iamActions.length > 0).length).toBeGreaterThan(5000);
    expect(operations.some((op) => op.legacyIamActions)).toBe(true);
    expect(new Set(operations.flatMap((op) => op.iamActions.map((a) => a.name))).size).toBeGreaterThan(4000);
  });
});
