/** serverless.yml, the route table behind the OpenAPI document, and the table definition agree. */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SCHEMA, load as loadYaml, Type } from 'js-yaml';
import { ROUTES } from '@yx/shared';
import { TABLE_DEFINITION } from './lib/table';
import { USING_ENTITIES } from './files/uses';
import { COUNTED_ENTITIES } from './aggregate/contributions';

const ROOT = path.resolve(__dirname, '../..');
// serverless variables and CloudFormation intrinsics are opaque strings here
const SLS_SCHEMA = DEFAULT_SCHEMA.extend(['GetAtt', 'Ref', 'Sub'].map((t) => new Type(`!${t}`, { kind: 'scalar', construct: (d) => d })));
type SlsFunctions = Record<string, { events: { httpApi?: string }[] }>;
const load = <T>(f: string) => loadYaml(fs.readFileSync(path.join(ROOT, f), 'utf8'), { schema: SLS_SCHEMA }) as T;
const devFunctions = async (stage: string): Promise<SlsFunctions> => (await import(path.join(ROOT, 'sls/dev-functions.js'))).default({ options: { stage } });

describe('deploy configuration', () => {
  it('declares exactly the documented routes', async () => {
    const fns = load<SlsFunctions>('sls/functions.yml');
    const dev = await devFunctions('local');
    const declared = [...Object.values(fns), ...Object.values(dev)].flatMap((f) => f.events.filter((e) => e.httpApi).map((e) => e.httpApi)).sort();
    expect(declared).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    const prodDev = await devFunctions('prod');
    expect(prodDev).toEqual({});
  });

  it('refuses to deploy or package the local stage (its development login and embedded secrets) (issue 13)', async () => {
    process.argv.push('deploy');
    try {
      await expect(devFunctions('local')).rejects.toThrow('Refusing to deploy');
    } finally {
      process.argv.pop();
    }
  });

  it('declares the same table keys and indexes as the code creates locally', () => {
    // resources: the custom domains' part (sls/domains.js), then the stack's own
    const parts = load<{ resources: ({ Resources?: { Table?: { Properties: Record<string, unknown> } } } | string)[] }>('serverless.yml').resources;
    const table = parts.flatMap((p) => (typeof p === 'object' && p.Resources?.Table ? [p.Resources.Table.Properties] : []))[0];
    expect(table.KeySchema).toEqual(TABLE_DEFINITION.KeySchema);
    expect(table.AttributeDefinitions).toEqual(TABLE_DEFINITION.AttributeDefinitions);
    expect(table.GlobalSecondaryIndexes).toEqual(TABLE_DEFINITION.GlobalSecondaryIndexes);
    expect(table.StreamSpecification).toEqual({ StreamViewType: TABLE_DEFINITION.StreamSpecification.StreamViewType });
  });

  it('feeds the aggregator exactly the rows that move counters or put files to use', () => {
    type Filter = { dynamodb: Record<'NewImage' | 'OldImage', { entity: { S: string[] } }> };
    const fns = load<Record<string, { events: { stream?: { filterPatterns: Filter[] } }[] }>>('sls/functions.yml');
    const patterns = fns.countersAggregator.events[0].stream!.filterPatterns;
    const fed = [...new Set([...COUNTED_ENTITIES, ...USING_ENTITIES])];
    expect(patterns.map((p) => Object.values(p.dynamodb)[0].entity.S)).toEqual([fed, fed]);
  });

  it('gives the aggregator a tumbling window (its handler keeps sums in the window state and writes them at the end)', () => {
    const fns = load<Record<string, { events: { stream?: { tumblingWindowInSeconds?: number } }[] }>>('sls/functions.yml');
    const seconds = fns.countersAggregator.events[0].stream!.tumblingWindowInSeconds;
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60); // dashboards may lag a little, not for minutes
  });
});
