import './zod-jitless.js';
import { main } from './main.js';

/** The action entry point (dist/index.js). */
export async function run(): Promise<void> {
  await main();
}

await run();
