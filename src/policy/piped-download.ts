/**
 * A download piped into an interpreter — `curl … | sh`, `wget -O- … | sudo bash`,
 * `bash <(curl …)`, `source <(curl …)`, `sh -c "$(curl …)"`, `python -c "$(curl …)"`, `iwr … | iex`,
 * `iex (New-Object Net.WebClient).DownloadString(…)`:
 * code fetched from the network and run without being reviewed or pinned. Returns the index of
 * the first one in the line, or null. `script`: the line is from a script or CI file, where the
 * PowerShell form without a pipe is looked for too. Linear time: every repetition is bounded.
 */

const PREFILTER = /curl|wget|iwr|irm|invoke-|downloadstring/i;
const PATTERNS = [
  /(?<![\w-])(?:curl|wget|iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^|\n]{0,500}\|\s{0,5}(?:sudo\s{1,5}(?:-[A-Za-z]{1,10}\s{1,5}){0,3})?(?:env\s{1,5})?(?:bash|sh|zsh|dash|ksh|fish|python[0-9.]{0,4}|node|perl|ruby|php|iex|Invoke-Expression|pwsh|powershell)\b/i,
  /(?<![\w-])(?:bash|sh|zsh|dash|ksh|source|\.|python[0-9.]{0,4}|node|perl|ruby)\s{1,5}(?:-[A-Za-z]{1,5}\s{1,5}){0,3}["']?\s{0,3}(?:<\(|\$\()\s{0,3}(?:curl|wget)\b/i,
  /(?<![\w-])(?:iex|Invoke-Expression)\b[^\n]{0,80}(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod|DownloadString)\b/i,
];

export interface PipedDownload {
  index: number;
  /** The command, whitespace collapsed, at most 80 characters. */
  text: string;
}

export function findPipedDownload(line: string, script = true): PipedDownload | null {
  // Every form needs a pipe, a substitution, or PowerShell's `iex (…)` (looked for in scripts only).
  if (!line.includes('|') && !line.includes('$(') && !line.includes('<(') && !(script && /iex|IEX|Invoke-Expression/.test(line))) return null;
  if (!PREFILTER.test(line)) return null;
  let first: RegExpExecArray | null = null;
  for (const pattern of PATTERNS) {
    const match = pattern.exec(line);
    if (match && (first === null || match.index < first.index)) first = match;
  }
  if (first === null) return null;
  const text = first[0].replace(/\s+/g, ' ').trim();
  return { index: first.index, text: text.length > 80 ? `${text.slice(0, 79)}…` : text };
}
