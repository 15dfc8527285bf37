/**
 * The CSP of the web console (ADR 0012): its scripts, fonts and images are files of this origin
 * (no inline script, no eval); it talks only to this origin's API. Styles allow inline because Ant
 * Design writes its component styles into `<style>` elements at run time (CSS-in-JS); a style
 * cannot run code, and `script-src` stays strict. No framing, no form posts elsewhere, no plugins.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
