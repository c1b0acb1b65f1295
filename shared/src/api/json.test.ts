import { jsonProblem } from './json';

const B = { maxDepth: 4, maxKeys: 50, maxString: 2000, maxArray: 20 };
const nest = (n: number): unknown => (n === 0 ? 'x' : { a: nest(n - 1) });

describe('jsonProblem (bounded free-form JSON)', () => {
  it('accepts what a form sends', () => {
    expect(jsonProblem({ name: '张三', m0: [{ kind: 'upload', fileId: 'f_1' }], area: 120, agree: true, none: null }, B)).toBeUndefined();
  });
  it('refuses deep nesting, unsafe numbers, bad or dangerous keys, and oversize strings and lists', () => {
    expect(jsonProblem(nest(32), B)).toContain('嵌套');
    expect(jsonProblem({ a: Infinity }, B)).toBe('数字超出范围');
    expect(jsonProblem(JSON.parse('{"a":1e400}'), B)).toBe('数字超出范围');
    expect(jsonProblem(JSON.parse('{"a":123456789012345678901234567890}'), B)).toBe('数字超出范围');
    expect(jsonProblem(JSON.parse('{"":1}'), B)).toBe('字段名不正确');
    expect(jsonProblem(JSON.parse('{"__proto__":{"x":1}}'), B)).toBe('字段名不正确');
    expect(jsonProblem({ constructor: 1 }, B)).toBe('字段名不正确');
    expect(jsonProblem({ a: 'x'.repeat(2001) }, B)).toContain('2000');
    expect(jsonProblem({ a: Array(21).fill(1) }, B)).toContain('20 项');
  });
});
