import { defaults } from '@actions/github/lib/utils';

/**
 * The proxy-aware fetch of @actions/github (undici with a ProxyAgent for https_proxy/HTTPS_PROXY,
 * no_proxy honoured), for runners behind a proxy. Its own module, imported with import() only
 * when a proxy applies: the bundle starts it, and undici with it, only then.
 */
export const proxyFetch: typeof fetch = (defaults.request?.fetch ?? fetch) as typeof fetch;
