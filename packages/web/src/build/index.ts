export {
  buildConsole,
  CONSOLE_DIST_DIR,
  consoleBuildStale,
  ensureConsoleBuilt,
  WEB_DIR,
} from './console-build.ts';
