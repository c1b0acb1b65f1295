import * as z from 'zod';
import { lazy } from './lazy';

/** How many zod schemas (and checks) `fn` constructs: each gets its `_zod` internals defined once. */
function constructed(fn: () => void): number {
  const define = Object.defineProperty;
  let n = 0;
  Object.defineProperty = ((o: object, key: PropertyKey, desc: PropertyDescriptor) => {
    if (key === '_zod') n++;
    return define(o, key, desc);
  }) as typeof Object.defineProperty;
  try {
    fn();
  } finally {
    Object.defineProperty = define;
  }
  return n;
}

describe('lazy', () => {
  it('builds on first use, once', () => {
    const build = jest.fn(() => z.strictObject({ name: z.string().min(2) }));
    const Person = lazy(build);
    expect(build).not.toHaveBeenCalled();
    expect(Person.safeParse({ name: '张三' }).success).toBe(true);
    expect(Person.safeParse({ name: '张' }).success).toBe(false);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('is the schema itself: its type, methods, and zod sees one object', () => {
    const Eager = z.object({ id: z.string(), tags: z.array(z.string()).default([]) });
    const Lazy = lazy(() => z.object({ id: z.string(), tags: z.array(z.string()).default([]) }));
    expect(Lazy).toBeInstanceOf(z.ZodObject);
    expect(Object.keys(Lazy.shape)).toEqual(['id', 'tags']);
    expect(Lazy.extend({ n: z.number() }).parse({ id: 'a', n: 1 })).toEqual({ id: 'a', tags: [], n: 1 });
    expect(Lazy.pick({ id: true }).parse({ id: 'a', tags: 1 })).toEqual({ id: 'a' });
    expect(z.toJSONSchema(Lazy, { io: 'input' })).toEqual(z.toJSONSchema(Eager, { io: 'input' }));
    // nested as a field, optional and with a default: JSON Schema walks it by identity
    const Outer = z.object({ a: Lazy.optional(), b: lazy(() => z.number().default(3)) });
    const EagerOuter = z.object({ a: Eager.optional(), b: z.number().default(3) });
    expect(z.toJSONSchema(Outer, { io: 'output' })).toEqual(z.toJSONSchema(EagerOuter, { io: 'output' }));
    expect(Outer.parse({})).toEqual({ b: 3 });
  });

  it('keeps what .describe() and .meta() registered', () => {
    const Code = lazy(() => z.string().describe('查询码').meta({ id: 'Code' }));
    expect(Code.description).toBe('查询码');
    expect(z.toJSONSchema(z.object({ code: Code }))).toEqual(z.toJSONSchema(z.object({ code: z.string().describe('查询码').meta({ id: 'Code' }) })));
  });

  it('gives the same issues as the schema built at once', () => {
    const make = () => z.strictObject({ code: z.string().regex(/^\d{6}$/, { message: '应为 6 位数字' }), n: z.number().int().max(9) });
    const input = { code: '12', n: 10.5, extra: true };
    expect(lazy(make).safeParse(input).error?.issues).toEqual(make().safeParse(input).error?.issues);
  });

  it('importing the contract builds no schema', () => {
    const n = constructed(() => {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the package, loaded inside the count
        require('../index');
      });
    });
    expect(n).toBe(0);
  });
});
