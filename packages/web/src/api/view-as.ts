/**
 * "View as": while set, every API request of this tab asks to be served as that user (read-only;
 * the server checks the `view_as` function and audits each request).
 */
export const VIEW_AS_HEADER = 'x-custos-view-as';
const STORAGE_KEY = 'custos.viewAs';

export interface ViewAsTarget {
  userId: string;
  name: string;
}

export function currentViewAs(): ViewAsTarget | null {
  try {
    const stored = window.sessionStorage.getItem(STORAGE_KEY);
    return stored === null ? null : (JSON.parse(stored) as ViewAsTarget);
  } catch {
    return null;
  }
}

export function setViewAs(target: ViewAsTarget | null): void {
  if (target === null) window.sessionStorage.removeItem(STORAGE_KEY);
  else window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(target));
}
