/**
 * A token that cannot read commit statuses (no `statuses: read`) gets the whole GraphQL answer with
 * each commit's `status` null and an error at that path. Statuses are a hint to the gate (when the
 * head arrived; which agent the gate named on earlier heads — docs/security.md, "The gate's
 * memory"), so such an answer is kept: its data, when every error is under `headCommit` or a force
 * push's `beforeCommit` (also a replaced head GitHub no longer has). Any other error is not; null.
 */
export function answerDespiteStatuses(error: unknown): object | null {
  const { errors, data } = (typeof error === 'object' && error !== null ? error : {}) as { errors?: unknown; data?: unknown };
  if (!Array.isArray(errors) || errors.length === 0 || typeof data !== 'object' || data === null) return null;
  const onlyStatuses = errors.every((item: unknown) => {
    const path = typeof item === 'object' && item !== null ? (item as { path?: unknown }).path : undefined;
    return Array.isArray(path) && (path.includes('headCommit') || path.includes('beforeCommit'));
  });
  return onlyStatuses ? data : null;
}

/** `client.graphql(…)` with an answer kept despite unreadable statuses (see above). */
export async function keepDespiteStatuses(request: Promise<unknown>): Promise<unknown> {
  return request.catch((error: unknown) => {
    const data = answerDespiteStatuses(error);
    if (data === null) throw error;
    return data;
  });
}
