import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { currentViewAs, setViewAs, type ViewAsTarget } from '../api/view-as.ts';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

// A string snapshot (stable between reads): the stored target's id and name.
function snapshot(): string | null {
  const target = currentViewAs();
  return target === null ? null : JSON.stringify([target.userId, target.name]);
}

/** Store (or clear) the "view as" target and tell every banner and button of the tab. */
export function changeViewAs(target: ViewAsTarget | null): void {
  setViewAs(target);
  for (const listener of listeners) listener();
}

/** The user the console is viewing as (this tab), or null. */
export function useViewAsTarget(): ViewAsTarget | null {
  const current = useSyncExternalStore(subscribe, snapshot, () => null);
  if (current === null) return null;
  const [userId, name] = JSON.parse(current) as [string, string];
  return { userId, name };
}

/**
 * Start and end "view as": the target rides on every API request (`x-custos-view-as`, added by
 * the client), so every cached answer is dropped and the console re-reads as the other user —
 * the menu, the lists and the records are theirs. `to` is where to go (default: stay here).
 */
export function useViewAsControl() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const start = useCallback(
    (target: ViewAsTarget, to?: string) => {
      changeViewAs(target);
      queryClient.clear();
      void navigate(to ?? window.location.pathname + window.location.search);
    },
    [navigate, queryClient],
  );
  const exit = useCallback(
    (to?: string) => {
      changeViewAs(null);
      queryClient.clear();
      void navigate(to ?? window.location.pathname + window.location.search, { replace: true });
    },
    [navigate, queryClient],
  );
  return { start, exit };
}
