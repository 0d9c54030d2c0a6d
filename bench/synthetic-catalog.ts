import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A catalogue the size and shape of OVHcloud's EU one (OVH.md "Scale of the real catalogue"): 90 sections,
 * 6,300 operations, 4,200 distinct actions over about 70 resource types, several sections of 600 operations
 * and multi-MB files, some in the legacy iamActions form. Deterministic: the same files every run.
 */
export type SyntheticStats = {
  sections: number;
  operations: number;
  actions: number;
  bytes: number;
  largestBytes: number;
};

const VERBS: [string, string][] = [
  ['GET', 'get'],
  ['POST', 'create'],
  ['PUT', 'edit'],
  ['DELETE', 'delete'],
];
const WORDS = [
  'backup',
  'option',
  'task',
  'user',
  'network',
  'disk',
  'snapshot',
  'ip',
  'firewall',
  'log',
  'quota',
  'license',
  'ssl',
  'database',
  'cron',
  'module',
  'statistics',
  'domain',
  'record',
  'policy',
];

function lorem(seed: number, words: number): string {
  const vocabulary = [
    'the',
    'service',
    'resource',
    'configuration',
    'of',
    'your',
    'current',
    'value',
    'for',
    'this',
    'object',
    'state',
    'identifier',
    'date',
    'region',
    'offer',
  ];
  return Array.from({ length: words }, (_, i) => vocabulary[(seed * 7 + i * 13) % vocabulary.length]).join(
    ' ',
  );
}

export function writeSyntheticCatalog(dir: string): SyntheticStats {
  rmSync(dir, { recursive: true, force: true });
  const sizes = [600, 600, 600, 600, 600, ...Array.from({ length: 85 }, (_, i) => 38 + (i % 3))];
  const target = 6300;
  const total = sizes.reduce((a, b) => a + b, 0);
  sizes[sizes.length - 1] = (sizes.at(-1) ?? 0) + (target - total);
  let opCounter = 0;
  let bytes = 0;
  let largest = 0;
  const actions = new Set<string>();
  sizes.forEach((size, s) => {
    const type = `product${s % 70}${s >= 70 ? 'b' : ''}`;
    const section = s < 5 ? `/big/product${s}` : `/product${s}`;
    const apis: unknown[] = [];
    const models: Record<string, unknown> = {};
    const legacy = s % 17 === 3;
    for (let i = 0; i < size; i++, opCounter++) {
      const word = WORDS[i % WORDS.length] ?? 'thing';
      const depth = Math.floor(i / 4);
      const [method, verb] = VERBS[i % 4] ?? ['GET', 'get'];
      const path = `${section}/{serviceName}/${word}${depth}${i % 2 ? '/{id}' : ''}`;
      // 4,200 distinct actions over 6,300 operations: every third operation shares its neighbour's action.
      const k = Math.floor((opCounter * 2) / 3);
      const action = `${type}:apiovh:${WORDS[k % WORDS.length]}${Math.floor(k / WORDS.length)}/${['get', 'create', 'edit', 'delete'][k % 4]}`;
      actions.add(action);
      const iamActions: unknown[] = [{ name: action, required: true }];
      if (i % 50 === 7) {
        const other = `product${(s + 1) % 70}:apiovh:${type}/attach`;
        actions.add(other);
        iamActions.push({ name: other, required: true });
      }
      if (i % 40 === 11)
        iamActions.push({
          name: `product${(s + 2) % 70}:apiovh:get`,
          required: false,
          description: 'Needed to list the linked services',
        });
      const modelId = `${type}.${word}${depth}.Model`;
      apis.push({
        path,
        description: lorem(i, 6),
        operations: [
          {
            httpMethod: method,
            description: `${verb} ${word} ${lorem(i, 8)}`,
            apiStatus:
              i % 97 === 5
                ? {
                    value: 'DEPRECATED',
                    description: 'Deprecated, will be removed',
                    deprecatedDate: '2024-01-01T00:00:00Z',
                    deletionDate: '2024-06-01T00:00:00Z',
                    replacement: `${section}/{serviceName}`,
                  }
                : { value: i % 31 === 0 ? 'BETA' : 'PRODUCTION', description: 'Stable production version' },
            noAuthentication: false,
            parameters: [
              {
                name: 'serviceName',
                paramType: 'path',
                dataType: 'string',
                fullType: 'string',
                required: true,
                description: 'The internal name of your service',
              },
              ...(i % 2
                ? [
                    {
                      name: 'id',
                      paramType: 'path',
                      dataType: 'long',
                      fullType: 'long',
                      required: true,
                      description: 'Id of the object',
                    },
                  ]
                : []),
              ...(method === 'GET'
                ? [
                    {
                      name: 'status',
                      paramType: 'query',
                      dataType: `${type}.StatusEnum`,
                      required: false,
                      description: 'Filter the value of status property',
                    },
                  ]
                : []),
              ...(method === 'POST' || method === 'PUT'
                ? [
                    {
                      paramType: 'body',
                      dataType: modelId,
                      fullType: modelId,
                      required: true,
                      description: 'Request Body',
                    },
                  ]
                : []),
            ],
            responseType: method === 'GET' && !(i % 2) ? 'long[]' : modelId,
            iamActions: legacy ? iamActions.map((a) => (a as { name: string }).name) : iamActions,
          },
        ],
      });
      models[modelId] = {
        id: 'Model',
        namespace: `${type}.${word}${depth}`,
        description: lorem(i, 10),
        properties: Object.fromEntries(
          Array.from({ length: s < 5 ? 14 : 5 }, (_, p) => [
            `property${p}`,
            {
              type: p % 3 ? 'string' : `${type}.StatusEnum`,
              fullType: 'string',
              canBeNull: p % 2 === 0,
              readOnly: p % 4 === 0,
              required: false,
              description: lorem(p + i, 6),
            },
          ]),
        ),
      };
    }
    models[`${type}.StatusEnum`] = {
      id: 'StatusEnum',
      namespace: type,
      description: 'Statuses',
      enum: ['active', 'deleted', 'suspended'],
      enumType: 'string',
    };
    const text = JSON.stringify({
      apiVersion: '1.0',
      basePath: 'https://eu.api.ovh.com/1.0',
      resourcePath: section,
      apis,
      models,
    });
    const file = join(dir, '1.0', `${section.slice(1)}.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    bytes += text.length;
    largest = Math.max(largest, text.length);
  });
  return {
    sections: sizes.length,
    operations: opCounter,
    actions: actions.size,
    bytes,
    largestBytes: largest,
  };
}
