import type * as WebPackage from '@custos/web';

// A variable specifier, as for the server: only `serve` and `demo` load the console's builder.
const WEB_PACKAGE: string = '@custos/web';

/**
 * Build the web console when it is missing or older than its sources, so `npm start` shows it at
 * `/`. A failed build is reported and the server starts anyway (the API does not need it; `/`
 * then says how to build the console).
 */
export async function ensureConsole(print: (line: string) => void): Promise<void> {
  try {
    const web = (await import(WEB_PACKAGE)) as typeof WebPackage;
    await web.ensureConsoleBuilt(print);
  } catch (error) {
    print(`The web console could not be built: ${(error as Error).message}`);
    print('The API works; run `npm run build -w packages/web` to see what failed.');
  }
}
