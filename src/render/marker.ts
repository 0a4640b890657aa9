/**
 * The hidden marker that identifies the gate's sticky comment. Only the renderer writes it (escaping
 * makes sure no PR text can produce it), and metrics use it to leave the gate's own comments out of
 * the human interventions. Re-exported by render-comment.ts, the public place for it.
 */
export const COMMENT_MARKER = '<!-- agent-pr-gate -->';
