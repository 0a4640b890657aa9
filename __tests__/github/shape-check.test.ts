import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import * as reportSchemas from '../../src/github/report-schemas.js';
import * as schemas from '../../src/github/schemas.js';
import { parseResponse } from '../../src/github/schemas.js';
import { REJECTED, shapeCheck } from '../../src/github/shape-check.js';

/**
 * The fast check must take exactly what zod's parse takes and return what it returns: it answers
 * for zod on every response a run reads (src/github/shape-check.ts). Checked on values drawn from
 * each schema, mostly well-formed, with wrong types, missing, extra and `undefined` keys mixed in.
 */

/** Values shaped like `schema`, with a mistake now and then at any depth. */
function drawn(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const junk = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.string({ maxLength: 3 }),
    fc.integer(),
    fc.constantFrom(1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, -0),
    fc.boolean(),
    fc.constant([]),
    fc.constant({}),
  );
  return fc.oneof({ weight: 12, arbitrary: wellFormed(schema, depth) }, { weight: 1, arbitrary: junk });
}

function wellFormed(schema: z.ZodType, depth: number): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(null);
  if (schema instanceof z.ZodString) return fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('a'.repeat(40), 'ab'.repeat(20), '0f3e'));
  if (schema instanceof z.ZodNumber) return fc.oneof(fc.integer(), fc.constantFrom(0.5, Number.MAX_SAFE_INTEGER + 2));
  if (schema instanceof z.ZodBoolean) return fc.boolean();
  if (schema instanceof z.ZodEnum) return fc.oneof(fc.constantFrom(...(schema.options as string[])), fc.constant('OTHER'));
  if (schema instanceof z.ZodNullable) return fc.oneof(fc.constant(null), drawn(schema.unwrap() as z.ZodType, depth + 1));
  if (schema instanceof z.ZodOptional) return fc.oneof(fc.constant(undefined), drawn(schema.unwrap() as z.ZodType, depth + 1));
  if (schema instanceof z.ZodDefault) return fc.oneof(fc.constant(undefined), drawn(schema.unwrap() as z.ZodType, depth + 1));
  if (schema instanceof z.ZodArray) return fc.array(drawn(schema.element as z.ZodType, depth + 1), { maxLength: 3 });
  if (schema instanceof z.ZodRecord) return objectOf([], drawn(schema.valueType as z.ZodType, depth + 1));
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return objectOf(Object.entries(shape).map(([name, field]) => [name, drawn(field, depth + 1)] as const), fc.oneof(fc.string({ maxLength: 2 }), fc.integer()));
  }
  return fc.anything({ maxDepth: 1 });
}

/** An object with the listed keys (each sometimes absent) and sometimes a few more, `__proto__` among them. */
function objectOf(fields: readonly (readonly [string, fc.Arbitrary<unknown>])[], extra: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  const listed = fields.map(([name, value]) => fc.option(value.map((v) => [name, v] as const), { freq: 8 }));
  const more = fc.array(fc.tuple(fc.constantFrom('extra', 'k', '__proto__', 'toString', 'b0'), extra), { maxLength: 2 });
  return fc.tuple(fc.tuple(...listed), more).map(([present, added]) => {
    const out: Record<string, unknown> = {};
    for (const entry of [...present, ...added]) {
      if (entry) Object.defineProperty(out, entry[0], { value: entry[1], enumerable: true, writable: true, configurable: true });
    }
    return out;
  });
}

function agrees(schema: z.ZodType, value: unknown): void {
  const fast = shapeCheck(schema)(value);
  const zod = schema.safeParse(value);
  if (fast === REJECTED) {
    expect(zod.success, 'the fast check rejected what zod takes').toBe(false);
  } else {
    expect(zod.success, 'the fast check took what zod rejects').toBe(true);
    expect(fast).toStrictEqual(zod.data);
  }
}

const responseSchemas = Object.entries({ ...schemas, ...reportSchemas } as Record<string, unknown>).filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType);

describe('shapeCheck', () => {
  it('covers every response schema the adapter exports', () => {
    expect(responseSchemas.map(([name]) => name)).toEqual(expect.arrayContaining(['SnapshotQuerySchema', 'MoreQuerySchema', 'RestFilesSchema', 'ManifestsQuerySchema', 'SearchAnswerSchema']));
  });

  it.each(responseSchemas)('agrees with zod on %s', (_name, schema) => {
    fc.assert(fc.property(wellFormed(schema, 0), (value) => agrees(schema, value)), { numRuns: 300 });
  });

  const others: Record<string, z.ZodType> = {
    'a pattern (left to zod)': z.object({ sha: z.string().regex(/^[0-9a-f]{4}$/) }),
    'bounds (left to zod)': z.object({ n: z.number().min(2), m: z.number().int().positive() }),
    'a default and a nullable optional (left to zod)': z.object({ a: z.string().default('x'), b: z.string().optional().nullable() }),
    'a loose object': z.looseObject({ __typename: z.string(), n: z.number().int().optional() }),
    'a strict object (left to zod)': z.strictObject({ a: z.string() }),
    'a record': z.record(z.string(), z.object({ text: z.string().nullable() }).nullable()),
    'a transform (left to zod)': z.object({ a: z.string().transform((text) => text.length) }),
    'plain numbers': z.array(z.number()),
  };
  it.each(Object.entries(others))('agrees with zod on %s', (_name, schema) => {
    fc.assert(fc.property(drawn(schema), (value) => agrees(schema, value)), { numRuns: 500 });
  });

  it('returns new objects that hold only the listed keys', () => {
    const answer = { filename: 'a.ts', status: 'added', additions: 1, deletions: 0, sha: 'abc', blob_url: 'https://x' };
    const [parsed] = shapeCheck(schemas.RestFilesSchema)([answer]) as [Record<string, unknown>];
    expect(parsed).toEqual({ filename: 'a.ts', status: 'added', additions: 1, deletions: 0 });
    expect(parsed).not.toBe(answer);
  });

  it('leaves the message to zod: parseResponse still names the field', () => {
    const bad = [{ filename: 'a.ts', status: 'added', additions: 1.5, deletions: 0 }];
    expect(() => parseResponse(schemas.RestFilesSchema, bad, 'the files list')).toThrow(/the files list has an unexpected shape at 0\.additions/);
  });
});
