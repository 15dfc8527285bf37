import { createWriteStream } from 'node:fs';
import type { CommandContext } from './command-context.ts';

/** Where an export's text goes, written in order with back-pressure. */
export interface TextSink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/** The file at `outPath` (UTF-8), or standard output without one. */
export function textSink(ctx: CommandContext, outPath: string | undefined): TextSink {
  if (outPath === undefined)
    return { write: async (t) => void ctx.io.stdout.write(t), close: async () => {} };
  const stream = createWriteStream(outPath, { encoding: 'utf8' });
  const opened = new Promise<void>((ok, fail) => {
    stream.once('open', () => ok());
    stream.once('error', fail);
  });
  return {
    write: async (text) => {
      await opened;
      if (!stream.write(text)) await new Promise<void>((ok) => stream.once('drain', () => ok()));
    },
    close: async () => {
      await opened;
      await new Promise<void>((ok, fail) =>
        stream.end((error?: Error | null) => (error ? fail(error) : ok())),
      );
    },
  };
}
