import * as z from 'zod';

/**
 * Imported first by each entry, before any schema is built: zod then parses by walking each
 * schema instead of generating a specialised parser (`new Function`) on an object schema's first
 * use. A run parses each response shape a handful of times, and generating the parsers cost more
 * than they saved (docs/architecture.md, "Start-up cost").
 */
z.config({ jitless: true });
