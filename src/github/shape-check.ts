import * as z from 'zod';

/**
 * A fast path for `parseResponse` (src/github/schemas.ts): a check built once from a response
 * schema that accepts what the schema accepts and returns what zod's parse returns (known keys
 * only, in new objects and arrays). A run parses each large answer once, while it is still cold:
 * for the 3,000-file PR, zod's general walk over every field took ~30 ms and most of the run's
 * allocations. The schema stays the one definition of each shape: a node the check does not know
 * (a refinement, a pattern, a transform) is handed to zod itself, and when the check says no,
 * `parseResponse` asks zod again for the result and its message (docs/architecture.md,
 * "Start-up cost").
 */

/** What a check returns for a value its schema rejects. */
export const REJECTED: unique symbol = Symbol('rejected');
type Check = (value: unknown) => unknown;

const compiled = new WeakMap<z.ZodType, Check>();

/** The check for `schema`, built on first use and kept with it. */
export function shapeCheck(schema: z.ZodType): Check {
  let check = compiled.get(schema);
  if (!check) {
    check = build(schema);
    compiled.set(schema, check);
  }
  return check;
}

/** zod's own parse of one node: for what the fast path does not model. */
function byZod(schema: z.ZodType): Check {
  return (value) => {
    const result = schema.safeParse(value);
    return result.success ? result.data : REJECTED;
  };
}

/** False only for the kinds whose parse rejects `undefined`; conservative for the rest. */
function mayTakeUndefined(schema: z.ZodType): boolean {
  if (schema instanceof z.ZodNullable) return mayTakeUndefined(schema.unwrap() as z.ZodType);
  return !(
    schema instanceof z.ZodString ||
    schema instanceof z.ZodNumber ||
    schema instanceof z.ZodBoolean ||
    schema instanceof z.ZodEnum ||
    schema instanceof z.ZodObject ||
    schema instanceof z.ZodArray ||
    schema instanceof z.ZodRecord
  );
}

/** What zod takes for an object: any non-array object. */
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An object as JSON.parse makes it, whose own keys are exactly what zod's record and catch-all
 * loops visit: a plain prototype and no symbol keys. (Both loops skip an own `__proto__`, which
 * would set the prototype of the object they build; so do ours.)
 */
function isJsonObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && Object.getOwnPropertySymbols(value).length === 0;
}

function build(schema: z.ZodType): Check {
  if (schema instanceof z.ZodString) {
    if (schema.def.checks?.length) return byZod(schema);
    return (value) => (typeof value === 'string' ? value : REJECTED);
  }
  if (schema instanceof z.ZodNumber) {
    const checks = schema.def.checks?.length ?? 0;
    if (checks === 0) return (value) => (typeof value === 'number' && Number.isFinite(value) ? value : REJECTED);
    // `.int()` alone: one check, the safe-integer format.
    if (checks === 1 && schema.format === 'safeint') return (value) => (typeof value === 'number' && Number.isSafeInteger(value) ? value : REJECTED);
    return byZod(schema);
  }
  if (schema instanceof z.ZodBoolean && !schema.def.checks?.length) {
    return (value) => (typeof value === 'boolean' ? value : REJECTED);
  }
  if (schema instanceof z.ZodEnum && !schema.def.checks?.length) {
    const options = new Set<unknown>(schema.options);
    return (value) => (options.has(value) ? value : REJECTED);
  }
  if (schema instanceof z.ZodNullable && !schema.def.checks?.length) {
    const inner = shapeCheck(schema.unwrap() as z.ZodType);
    return (value) => (value === null ? null : inner(value));
  }
  if (schema instanceof z.ZodOptional && !schema.def.checks?.length && !mayTakeUndefined(schema.unwrap() as z.ZodType)) {
    const inner = shapeCheck(schema.unwrap() as z.ZodType);
    return (value) => (value === undefined ? undefined : inner(value));
  }
  if (schema instanceof z.ZodArray && !schema.def.checks?.length) {
    const element = shapeCheck(schema.element as z.ZodType);
    return (value) => {
      if (!Array.isArray(value)) return REJECTED;
      const out = new Array<unknown>(value.length);
      for (let index = 0; index < value.length; index += 1) {
        const item = element(value[index]);
        if (item === REJECTED) return REJECTED;
        out[index] = item;
      }
      return out;
    };
  }
  if (schema instanceof z.ZodRecord && !schema.def.checks?.length) {
    const key = schema.keyType as z.ZodType;
    if (!(key instanceof z.ZodString) || key.def.checks?.length) return byZod(schema);
    const entry = shapeCheck(schema.valueType as z.ZodType);
    return (value) => {
      if (!isJsonObject(value)) return REJECTED;
      const out: Record<string, unknown> = {};
      for (const name of Object.keys(value)) {
        if (name === '__proto__') continue;
        const item = entry(value[name]);
        if (item === REJECTED) return REJECTED;
        out[name] = item;
      }
      return out;
    };
  }
  if (schema instanceof z.ZodObject && !schema.def.checks?.length) return objectCheck(schema);
  return byZod(schema);
}

function objectCheck(schema: z.ZodObject): Check {
  const catchall = schema.def.catchall;
  // A loose object keeps the keys it does not list; other catch-alls are zod's to judge.
  const loose = catchall instanceof z.ZodUnknown || catchall instanceof z.ZodAny;
  if (catchall && !loose) return byZod(schema);
  const fields = Object.keys(schema.shape).map((name) => {
    const field = schema.shape[name] as z.ZodType;
    return { name, check: shapeCheck(field), optional: field instanceof z.ZodOptional };
  });
  // A key may be absent only when its schema is `.optional()`; any other schema that takes
  // `undefined` (a default, a nullable optional) has rules of its own for absent keys.
  if (fields.some((field) => field.name === '__proto__' || (!field.optional && mayTakeUndefined(schema.shape[field.name] as z.ZodType)))) return byZod(schema);
  const listed = new Set(fields.map((field) => field.name));
  return (value) => {
    if (!isObject(value) || (loose && !isJsonObject(value))) return REJECTED;
    const out: Record<string, unknown> = {};
    // An index loop: this runs cold, over every object of a large answer.
    for (let index = 0; index < fields.length; index += 1) {
      const field = fields[index] as (typeof fields)[number];
      const raw = value[field.name];
      if (raw === undefined && field.optional) {
        if (field.name in value) out[field.name] = undefined;
        continue;
      }
      const parsed = field.check(raw);
      if (parsed === REJECTED) return REJECTED;
      out[field.name] = parsed;
    }
    if (loose) for (const name of Object.keys(value)) if (!listed.has(name) && name !== '__proto__') out[name] = value[name];
    return out;
  };
}
