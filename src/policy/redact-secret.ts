/**
 * How a matched secret is shown anywhere the gate writes (comment, summary, annotations, outputs,
 * logs): at most its first 4 characters, then `…(N chars)`. Short secrets show fewer characters
 * (a quarter of their length), so no output ever holds enough of one to be useful.
 */
export function redactSecret(text: string): string {
  const shown = Math.min(4, Math.floor(text.length / 4));
  return `${text.slice(0, shown)}…(${text.length} chars)`;
}
