/**
 * Every GraphQL document the action sends, checked against GitHub's published schema
 * (@octokit/graphql-schema): the fake API answers whatever we ask, so a misspelt field, a wrong
 * argument or a variable of the wrong type would otherwise first show on github.com. Also checks
 * GitHub's limits on a query: at most 500,000 nodes (the product of `first`/`last` down each
 * path of connections) and `first`/`last` of at most 100.
 */
import { schema } from '@octokit/graphql-schema';
import { buildClientSchema, Kind, parse, validate, type FieldNode, type SelectionSetNode, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { REPORT_CONTEXT_QUERY, REPORT_HISTORY_QUERY, REPORT_SEARCH_QUERY } from '../../src/github/report-queries.js';
import { manifestsQuery, MORE_QUERY, SNAPSHOT_QUERY } from '../../src/github/graphql-queries.js';
import { MAX_MANIFESTS } from '../../src/gate/plan.js';

const GITHUB = buildClientSchema(schema.json as unknown as Parameters<typeof buildClientSchema>[0]);

const DOCUMENTS: Record<string, string> = {
  'gate: snapshot': SNAPSHOT_QUERY,
  'gate: more pages': MORE_QUERY,
  'gate: one manifest': manifestsQuery(1),
  'gate: the most manifests': manifestsQuery(MAX_MANIFESTS),
  'report: search': REPORT_SEARCH_QUERY,
  'report: context': REPORT_CONTEXT_QUERY,
  'report: history': REPORT_HISTORY_QUERY,
};

/**
 * `first`/`last` of a connection field, or null when it is not one. A variable counts as 100, the
 * most GitHub allows, so the node count is an upper bound.
 */
function pageSize(field: FieldNode): number | null {
  for (const argument of field.arguments ?? []) {
    if (argument.name.value !== 'first' && argument.name.value !== 'last') continue;
    if (argument.value.kind === Kind.INT) return Number(argument.value.value);
    if (argument.value.kind === Kind.VARIABLE) return 100;
  }
  return null;
}

/**
 * GitHub's node count of a selection: each connection asked with `first`/`last: n` counts n per
 * parent, and its children count n times over.
 */
function nodeCount(selection: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, multiplier: number): number {
  if (!selection) return 0;
  let total = 0;
  for (const node of selection.selections) {
    if (node.kind === Kind.FIELD) {
      const size = pageSize(node);
      if (size === null) total += nodeCount(node.selectionSet, fragments, multiplier);
      else total += multiplier * size + nodeCount(node.selectionSet, fragments, multiplier * size);
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      total += nodeCount(node.selectionSet, fragments, multiplier);
    } else {
      total += nodeCount(fragments.get(node.name.value)?.selectionSet, fragments, multiplier);
    }
  }
  return total;
}

function pageSizes(document: DocumentNode): number[] {
  const sizes: number[] = [];
  const visit = (selection: SelectionSetNode | undefined) => {
    for (const node of selection?.selections ?? []) {
      if (node.kind === Kind.FIELD) {
        const size = pageSize(node);
        if (size !== null) sizes.push(size);
      }
      if (node.kind !== Kind.FRAGMENT_SPREAD) visit(node.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition.selectionSet);
  }
  return sizes;
}

describe('GraphQL documents against GitHub’s schema', () => {
  it.each(Object.entries(DOCUMENTS))('%s is valid', (_name, text) => {
    const errors = validate(GITHUB, parse(text)).map((error) => error.message);
    expect(errors).toEqual([]);
  });

  it.each(Object.entries(DOCUMENTS))('%s stays within GitHub’s node and page limits', (_name, text) => {
    const document = parse(text);
    const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(operation?.kind).toBe(Kind.OPERATION_DEFINITION);
    if (operation?.kind !== Kind.OPERATION_DEFINITION) return;
    const nodes = nodeCount(operation.selectionSet, fragments, 1);
    expect(nodes).toBeLessThanOrEqual(500_000);
    expect(Math.max(...pageSizes(document))).toBeLessThanOrEqual(100);
  });

  it('the checks catch a misspelt field and an over-large page', () => {
    expect(validate(GITHUB, parse('query { viewer { logn } }')).map((error) => error.message)).toEqual(['Cannot query field "logn" on type "User". Did you mean "login"?']);
    expect(pageSizes(parse('query { viewer { repositories(first: 101) { totalCount } } }'))).toEqual([101]);
  });
});
