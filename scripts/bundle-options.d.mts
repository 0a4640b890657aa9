// Types of scripts/bundle-options.mjs, for the TypeScript scripts that import it (bench).
import type { BuildOptions, Plugin } from 'esbuild';

export const rawPlugin: Plugin;
export const actionsSideEffectFree: Plugin;
export const banner: string;
export const PROXY_FETCH_ENTRY: string;
export const lazyProxyFetch: Plugin;
export const common: BuildOptions;
