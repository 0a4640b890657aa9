/**
 * Answers to our GraphQL documents built from GitHub's published schema (@octokit/graphql-schema)
 * instead of from our fake API's idea of GitHub: every field the document selects, with the type
 * the schema gives it. `nullAt` makes one nullable field null (in every list element on the way),
 * which GitHub may do wherever the schema allows it — a deleted user's `author`, a commit without
 * a linked `user`, a review's `commit`…
 */
import { schema } from '@octokit/graphql-schema';
import {
  buildClientSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type SelectionSetNode,
} from 'graphql';

export const GITHUB_SCHEMA = buildClientSchema(schema.json as unknown as Parameters<typeof buildClientSchema>[0]);

/** A value of each scalar the documents read. */
const SCALARS: Record<string, unknown> = {
  String: 'text',
  Int: 1,
  Float: 1.5,
  Boolean: false,
  ID: 'MDQ6VXNlcjE=',
  DateTime: '2026-03-02T10:00:00Z',
  GitTimestamp: '2026-03-02T10:00:00Z',
  Date: '2026-03-02',
  URI: 'https://github.com/acme/widgets/pull/42',
  HTML: '<p>text</p>',
  GitObjectID: 'a'.repeat(40),
  BigInt: '1',
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface SchemaAnswer {
  data: { [key: string]: Json };
  /** Every nullable field the document selects, as `repository.pullRequest.author`, `…nodes[].commit`. */
  nullable: string[];
}

export function schemaAnswer(text: string, options: { nullAt?: string } = {}): SchemaAnswer {
  const document = parse(text);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) throw new Error('no operation');
  const nullable = new Set<string>();

  /** Whether a fragment on `condition` applies to an object of type `type`. */
  const applies = (condition: string | undefined, type: GraphQLObjectType): boolean => {
    if (!condition || condition === type.name) return true;
    const abstract = GITHUB_SCHEMA.getType(condition);
    return abstract !== undefined && abstract !== null && isAbstractType(abstract) && GITHUB_SCHEMA.isSubType(abstract, type);
  };

  /** The type conditions of the fragments in a selection (to pick the concrete types to build). */
  const conditions = (selection: SelectionSetNode | undefined): string[] => {
    const out: string[] = [];
    for (const node of selection?.selections ?? []) {
      if (node.kind === Kind.INLINE_FRAGMENT && node.typeCondition) out.push(node.typeCondition.name.value);
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(node.name.value);
        if (fragment) out.push(fragment.typeCondition.name.value, ...conditions(fragment.selectionSet));
      }
    }
    return out;
  };

  const merge = (into: { [key: string]: Json }, from: { [key: string]: Json }) => {
    for (const [key, value] of Object.entries(from)) {
      const existing = into[key];
      if (existing && value && typeof existing === 'object' && typeof value === 'object' && !Array.isArray(existing) && !Array.isArray(value)) merge(existing, value);
      else into[key] = value;
    }
  };

  const object = (type: GraphQLObjectType, selection: SelectionSetNode | undefined, path: string): { [key: string]: Json } => {
    const out: { [key: string]: Json } = {};
    for (const node of selection?.selections ?? []) {
      if (node.kind === Kind.FIELD) {
        const key = node.alias?.value ?? node.name.value;
        if (node.name.value === '__typename') {
          out[key] = type.name;
          continue;
        }
        const field = type.getFields()[node.name.value];
        if (!field) throw new Error(`${type.name}.${node.name.value} is not in the schema`);
        const value = valueOf(field.type, node.selectionSet, path === '' ? key : `${path}.${key}`);
        const existing = out[key];
        if (existing && value && typeof existing === 'object' && typeof value === 'object' && !Array.isArray(existing) && !Array.isArray(value)) merge(existing, value);
        else out[key] = value;
      } else if (node.kind === Kind.INLINE_FRAGMENT) {
        if (applies(node.typeCondition?.name.value, type)) merge(out, object(type, node.selectionSet, path));
      } else {
        const fragment = fragments.get(node.name.value);
        if (fragment && applies(fragment.typeCondition.name.value, type)) merge(out, object(type, fragment.selectionSet, path));
      }
    }
    return out;
  };

  /** The concrete types to build for an abstract type: those the selection has fragments for. */
  const concrete = (type: GraphQLOutputType, selection: SelectionSetNode | undefined): GraphQLObjectType[] => {
    const named = getNamedType(type);
    if (isObjectType(named)) return [named];
    if (!isAbstractType(named)) return [];
    const possible = GITHUB_SCHEMA.getPossibleTypes(named);
    const wanted = possible.filter((candidate) => conditions(selection).some((condition) => condition === candidate.name));
    return wanted.length > 0 ? wanted : possible.slice(0, 1);
  };

  const valueOf = (type: GraphQLOutputType, selection: SelectionSetNode | undefined, path: string, element?: GraphQLObjectType): Json => {
    if (isNonNullType(type)) return present(type.ofType, selection, path, element);
    nullable.add(path);
    if (options.nullAt === path) return null;
    return present(type, selection, path, element);
  };

  const present = (type: GraphQLOutputType, selection: SelectionSetNode | undefined, path: string, element?: GraphQLObjectType): Json => {
    if (isListType(type)) {
      const inner = type.ofType;
      // One element of each concrete type the selection distinguishes (every timeline event kind).
      const kinds = concrete(inner, selection);
      if (kinds.length <= 1) return [valueOf(inner, selection, `${path}[]`)];
      return kinds.map((kind) => valueOf(inner, selection, `${path}[]`, kind));
    }
    const named = getNamedType(type);
    if (isEnumType(named)) return named.getValues()[0]?.value as string;
    if (isObjectType(named)) return object(named, selection, path);
    if (isAbstractType(named)) return object(element ?? concrete(named, selection)[0] ?? GITHUB_SCHEMA.getPossibleTypes(named)[0]!, selection, path);
    if (!(named.name in SCALARS)) throw new Error(`no value for the scalar ${named.name} at ${path}`);
    return SCALARS[named.name] as Json;
  };

  const root = GITHUB_SCHEMA.getQueryType();
  if (!root) throw new Error('no query type');
  const data = object(root, operation.selectionSet, '');
  return { data, nullable: [...nullable] };
}
