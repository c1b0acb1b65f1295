import type * as z from 'zod';

type Issue = { path: PropertyKey[]; message: string; code?: string; errors?: Issue[][] };

/**
 * The first message per field (items.0.benefit.amountYuan), as Field shows them. A condition is one of several shapes:
 * when none fits, the messages of the shape of its own kind are the ones that say what is wrong.
 */
export function policyErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (issues: Issue[], prefix: PropertyKey[]) => {
    for (const i of issues) {
      const path = [...prefix, ...i.path];
      if (i.code === 'invalid_union' && i.errors) {
        const own = i.errors.find((branch) => !branch.some((b) => b.path.length === 1 && b.path[0] === 'kind'));
        if (own) {
          add(own, path);
          continue;
        }
      }
      const k = path.map(String).join('.');
      if (!out[k]) out[k] = i.message;
    }
  };
  add(error.issues as Issue[], []);
  return out;
}

/** The first message at a field or under it (items.0 → items.0.title …). */
export const firstUnder = (errors: Record<string, string>, prefix: string) =>
  errors[prefix] ?? Object.entries(errors).find(([k]) => k.startsWith(`${prefix}.`))?.[1];
