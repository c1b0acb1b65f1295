import * as z from 'zod';

/**
 * A schema built the first time it is used, not when its module loads: `export const X = lazy(() => z.object(...))`.
 *
 * Why: every function imports the whole contract (the route table names every schema), and building all of it
 * cost each cold start 30–45 ms, though a function parses only its own routes' requests and the answers' schemas
 * serve only the tests and the OpenAPI document.
 *
 * What it returns is the schema itself, not a wrapper: an empty object behind a Proxy which, on its first touch,
 * runs `build` and is then constructed as a copy of the result (zod's own clone: the built schema's constructor
 * run on its definition, here with the Proxy as `this`). So zod's closures and maps see one object, and `X.extend`,
 * `X.shape`, `instanceof`, `z.toJSONSchema` behave as for a schema built at once. Inside a `build`, other lazy
 * schemas are used freely; at the top of a module, using one (`X.optional()`) builds it.
 */
export function lazy<T extends z.ZodType>(build: () => T): T {
  const target = {} as T;
  let ready = false;
  const construct = () => {
    const built = build();
    ready = true;
    Object.setPrototypeOf(target, Object.getPrototypeOf(built));
    // zod's constructors are plain functions over `this` (util.clone is `new constr(def)`); the Proxy is `this` here
    (built._zod.constr as unknown as (this: T, def: unknown) => T).call(schema, built._zod.def);
    // what `.describe()` / `.meta()` registered belongs to the schema handed out
    const meta = z.globalRegistry.get(built);
    if (meta) z.globalRegistry.remove(built).add(schema, meta);
  };
  // Every trap: construct on the first, then act on the target (where the constructor put everything).
  const handler: Record<string, (...args: unknown[]) => unknown> = {};
  for (const trap of Object.getOwnPropertyNames(Reflect)) {
    const reflect = Reflect[trap as keyof typeof Reflect] as (...args: unknown[]) => unknown;
    handler[trap] = (...args) => {
      if (!ready) construct();
      return reflect(...args);
    };
  }
  const schema = new Proxy(target, handler as ProxyHandler<T>);
  return schema;
}
