import cliProgress from 'cli-progress';
import type { CliOutput } from './cli-io.ts';

/** Reports the progress of a long task: a redrawn bar on a terminal, plain lines otherwise (CI). */
export interface ProgressReporter {
  start(total: number, label: string): void;
  update(done: number): void;
  stop(): void;
}

/** Plain lines at every tenth of the way, so logs stay short. */
function lineReporter(out: CliOutput): ProgressReporter {
  let total = 0;
  let label = '';
  let nextTenth = 1;
  return {
    start(t, l) {
      total = t;
      label = l;
      nextTenth = 1;
      out.write(`${label}: 0/${total}\n`);
    },
    update(done) {
      if (total === 0 || done * 10 < total * nextTenth) return;
      const tenth = Math.min(10, Math.floor((done * 10) / total));
      out.write(`${label}: ${done}/${total} (${tenth * 10}%)\n`);
      nextTenth = tenth + 1;
    },
    stop() {},
  };
}

function barReporter(out: CliOutput): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream: out as NodeJS.WritableStream,
      format: '{label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total, label) => bar.start(total, 0, { label }),
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}

export function progressReporter(out: CliOutput): ProgressReporter {
  return out.isTTY === true ? barReporter(out) : lineReporter(out);
}
