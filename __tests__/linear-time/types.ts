/** Shapes shared by the linear-time check (see ../linear-time.ts). */

export interface PatternSpec {
  /** Where it comes from, e.g. `src/policy/hosts.ts:12`, or a rule id. */
  name: string;
  source: string;
  flags: string;
}

export interface InputShape {
  prefix: string;
  unit: string;
  tail: string;
}

export interface LinearTimeResult {
  pattern: PatternSpec;
  /** False when some input grew super-linearly (or the watchdog fired). */
  linear: boolean;
  /** The worst input found: its shape, times in ms at n and 8n, and their ratio. */
  worst: { shape: InputShape; small: number; large: number; ratio: number } | null;
  timedOut: boolean;
}

export interface LinearTimeOptions {
  /** Input length in characters at the small size (8× at the large one). */
  n?: number;
  /** Large/small time ratio above which a pattern fails. */
  maxRatio?: number;
  /** A large-size run faster than this (ms) is linear enough, not measured further. */
  screenMs?: number;
  /** How long one pattern may take in all (ms) before it counts as super-linear. */
  watchdogMs?: number;
}

