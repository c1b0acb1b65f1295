import fs from 'node:fs';
import path from 'node:path';

/**
 * The data layer's shape (docs/DATA.md): keys are declared only in the entity modules
 * (lib/entities/<family>.ts), and DynamoDB is spoken to only in repository modules (`repository.ts`,
 * and lib/db.ts for the client and the version-checked update). Anything else goes through them.
 */
const ROOT = __dirname;
const ENTITY = /^lib\/entities\/[^/]+\.ts$/;
const REPOSITORY = /(^|\/)repository\.ts$|^lib\/db\.ts$/;
const SCANNER = 'jobs/reconcile/repository.ts';

function sources(dir = ROOT): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith('.ts') ? [path.relative(ROOT, p).split(path.sep).join('/')] : [];
  });
}

/** The code without its comments (comments may quote keys). */
const code = (file: string) =>
  fs
    .readFileSync(path.join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');

/** A key literal: a key attribute given a literal, or a string that starts with an entity prefix (`USER#`, 'APP#'…). */
export const KEY_LITERAL = [/\b(pk|sk|gsi\dpk|gsi\dsk)\s*:\s*[`'"]/, /[`'"][A-Z][A-Z0-9_]*#/];
/** Speaking to DynamoDB: its SDK, its commands, a transaction or an expression built by hand, the client's send. */
export const DYNAMO = [
  /@aws-sdk\/(lib|client)-dynamodb/,
  /\bnew (Get|Put|Update|Delete|Query|Scan|BatchGet|BatchWrite|TransactWrite|TransactGet|ExecuteStatement)Command\(/,
  /\bTransactItems\b/,
  /\b(Condition|Update|KeyCondition|Filter)Expression\b/,
  /\bdb\(\)\.send\b/,
];

export function violations(files: string[], read: (f: string) => string = code): string[] {
  const out: string[] = [];
  for (const f of files) {
    const text = read(f);
    const lines = text.split('\n');
    const where = (res: RegExp[]) => lines.map((l, i) => (res.some((re) => re.test(l)) ? `${f}:${i + 1}: ${l.trim().slice(0, 100)}` : '')).filter(Boolean);
    // tests may forge keys (a foreign cursor) but never talk to the table behind the repositories' backs
    if (!ENTITY.test(f) && !f.endsWith('.test.ts')) out.push(...where(KEY_LITERAL).map((w) => `key literal outside an entity module: ${w}`));
    if (!REPOSITORY.test(f) && f !== 'architecture.test.ts') out.push(...where(DYNAMO).map((w) => `DynamoDB outside a repository: ${w}`));
    // no Scan in a request path: only the reconciliation job reads the whole table
    if (f !== SCANNER && !f.endsWith('.test.ts')) out.push(...where([/\bScanCommand\b/]).map((w) => `Scan outside the reconciliation job: ${w}`));
  }
  return out;
}

describe('architecture', () => {
  it('declares keys only in entity modules and speaks to DynamoDB only in repositories', () => {
    const files = sources();
    expect(files.length).toBeGreaterThan(50);
    expect(violations(files)).toEqual([]);
  });

  it('notices a key literal or a command anywhere else', () => {
    const fake: Record<string, string> = {
      'workorders/extras.ts': "const k = { pk: `WO#${no}`, sk: 'WO' };",
      'backoffice/service.ts': "import { GetCommand } from '@aws-sdk/lib-dynamodb';",
      'jobs/x.ts': 'await db().send(new QueryCommand(q));\nconst t = { TransactItems: [] };',
      'workorders/escalation.ts': "const p = 'STREETWO#' + street;",
      'lib/entities/workorders.ts': "export const keys = { wo: (no: string) => ({ pk: `WO#${no}`, sk: 'WO' }) };",
      'workorders/repository.ts': "import { QueryCommand } from '@aws-sdk/lib-dynamodb';",
      'guide/repository.ts': 'await db().send(new ScanCommand({ TableName: table() }));',
    };
    const found = violations(Object.keys(fake), (f) => fake[f]);
    expect(found.filter((v) => v.includes('workorders/extras.ts'))).toHaveLength(1);
    expect(found.filter((v) => v.includes('backoffice/service.ts'))).toHaveLength(1);
    expect(found.filter((v) => v.includes('jobs/x.ts')).length).toBeGreaterThanOrEqual(2);
    expect(found.filter((v) => v.includes('escalation.ts'))).toHaveLength(1);
    expect(found.filter((v) => v.includes('guide/repository.ts'))).toEqual([expect.stringContaining('Scan outside the reconciliation job')]);
    expect(found.filter((v) => v.includes('lib/entities') || v.includes('workorders/repository.ts'))).toEqual([]);
  });
});
