/** serverless.yml, the route table behind the OpenAPI document, and the table definition agree. */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { ROUTES } from '@yx/shared';
import { TABLE_DEFINITION } from './lib/table';

const ROOT = path.resolve(__dirname, '../..');
// serverless variables and CloudFormation intrinsics are opaque strings here
const SLS_SCHEMA = yaml.DEFAULT_SCHEMA.extend(['GetAtt', 'Ref', 'Sub'].map((t) => new yaml.Type(`!${t}`, { kind: 'scalar', construct: (d) => d })));
const load = (f: string) => yaml.load(fs.readFileSync(path.join(ROOT, f), 'utf8'), { schema: SLS_SCHEMA }) as any;

describe('deploy configuration', () => {
  it('declares exactly the documented routes', async () => {
    const fns = load('sls/functions.yml');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const dev = await require(path.join(ROOT, 'sls/dev-functions.js'))({ options: { stage: 'local' } });
    const declared = [...Object.values(fns), ...Object.values(dev)]
      .flatMap((f: any) => f.events.filter((e: any) => e.httpApi).map((e: any) => e.httpApi))
      .sort();
    expect(declared).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    const prodDev = await require(path.join(ROOT, 'sls/dev-functions.js'))({ options: { stage: 'prod' } });
    expect(prodDev).toEqual({});
  });

  it('declares the same table keys and indexes as the code creates locally', () => {
    const table = load('serverless.yml').resources.Resources.Table.Properties;
    expect(table.KeySchema).toEqual(TABLE_DEFINITION.KeySchema);
    expect(table.AttributeDefinitions).toEqual(TABLE_DEFINITION.AttributeDefinitions);
    expect(table.GlobalSecondaryIndexes).toEqual(TABLE_DEFINITION.GlobalSecondaryIndexes);
  });
});
