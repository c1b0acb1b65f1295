import * as z from 'zod';

/**
 * Free-form JSON a person's client sends (draft answers), bounded: nesting depth, keys (names of letters, digits and _,
 * never `__proto__`, `constructor` or `prototype`), how many, string and array sizes, and finite numbers a store can
 * keep exactly. Anything else is the client's mistake (400), never a store error (500).
 */
export interface JsonBounds {
  maxDepth: number;
  maxKeys: number;
  maxString: number;
  maxArray: number;
}

const KEY = /^[A-Za-z0-9_]{1,40}$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first thing wrong with a value, in words a person can act on; undefined when it is within the bounds. */
export function jsonProblem(value: unknown, b: JsonBounds, depth = 0): string | undefined {
  if (depth > b.maxDepth) return `嵌套不能超过 ${b.maxDepth} 层`;
  if (value === null || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? undefined : '数字超出范围';
  if (typeof value === 'string') return value.length > b.maxString ? `文字不能超过 ${b.maxString} 个字` : undefined;
  if (Array.isArray(value)) {
    if (value.length > b.maxArray) return `列表不能超过 ${b.maxArray} 项`;
    for (const v of value) {
      const p = jsonProblem(v, b, depth + 1);
      if (p) return p;
    }
    return undefined;
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value as object);
    if (keys.length > b.maxKeys) return `不能超过 ${b.maxKeys} 项`;
    for (const k of keys) {
      if (!KEY.test(k) || FORBIDDEN_KEYS.has(k)) return '字段名不正确';
      const p = jsonProblem((value as Record<string, unknown>)[k], b, depth + 1);
      if (p) return p;
    }
    return undefined;
  }
  return '内容格式不正确';
}

/** A zod schema for bounded JSON: an object whose values are bounded JSON. */
export const boundedJsonObject = (b: JsonBounds) =>
  z.unknown().superRefine((v, ctx) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
      ctx.addIssue({ code: 'custom', message: '应为对象' });
      return;
    }
    const p = jsonProblem(v, b);
    if (p) ctx.addIssue({ code: 'custom', message: p });
  }) as unknown as z.ZodType<Record<string, unknown>>;
