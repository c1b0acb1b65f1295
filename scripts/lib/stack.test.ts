import fs from 'node:fs';
import path from 'node:path';
import { FAILSAFE_SCHEMA, load } from 'js-yaml';
import { ROOT, warmUpRoutes } from './stack';

describe('the local stack warms every HTTP function up', () => {
  const fns = load(fs.readFileSync(path.join(ROOT, 'sls/functions.yml'), 'utf8'), { schema: FAILSAFE_SCHEMA }) as Record<
    string,
    { events?: { httpApi?: string }[] }
  >;
  const routes = warmUpRoutes();

  it('calls one route of each function that has routes, with no {placeholder} left', () => {
    for (const [name, fn] of Object.entries(fns)) {
      const own = (fn.events ?? []).flatMap((e) => (e.httpApi ? [e.httpApi.replace(/\{[^}]+\}/g, 'YX20000101000000')] : []));
      if (own.length) expect({ name, warmed: own.some((r) => routes.includes(r)) }).toEqual({ name, warmed: true });
    }
    expect(routes.filter((r) => /[{}]/.test(r))).toEqual([]);
  });

  it('prefers a GET, and warms the market (issue 17) and the dev login too', () => {
    expect(routes).toContain('GET /v1/policies');
    expect(routes).toContain('GET /v1/dev/users');
    expect(routes).toContain('GET /v1/staff/applications');
  });
});
