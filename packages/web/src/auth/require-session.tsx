import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState, Loading } from '../shared/page-state.tsx';
import { ViewAsBannerFor } from '../view-as/view-as-banner.tsx';
import { useMe } from './use-me.ts';

/** Its children when someone is signed in; else the sign-in page (coming back here after). */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError)
    return (
      <>
        {/* Under "view as" the API may refuse the viewed user: the banner's exit gets out. */}
        <ViewAsBannerFor me={null} />
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </>
    );
  if (me.data === null)
    return (
      <Navigate
        to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );
  const mfa = me.data.mfa;
  // Signed in at password only: the code is still owed (or an authenticator must be enrolled).
  if (mfa !== undefined && mfa.enabled && !mfa.verified)
    return <Navigate to="/login?step=mfa" replace />;
  if (mfa !== undefined && mfa.required && !mfa.enabled && location.pathname !== '/account')
    return <Navigate to="/account?enrol=mfa" replace />;
  return children;
}
