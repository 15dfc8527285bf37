import { ensureConsoleBuilt } from '../src/build/console-build.ts';

/** Vitest global setup: build the console once before any test serves or drives it. */
export default async function setup(): Promise<void> {
  await ensureConsoleBuilt((line) => console.log(line));
}
