import { useQuery } from '@tanstack/react-query';
import { useMe } from '../auth/use-me.ts';
import type { ObjectType } from '../shared/admin-types.ts';
import { getMyAccess, type MyAccess } from './record-api.ts';

/** My access to an object (`GET /v1/auth/me/access?object=`): scopes per action, field levels. */
export function useMyAccess(object: ObjectType) {
  // Refused while viewing as someone (VIEW_AS_NOT_SUPPORTED): nothing is created then anyway.
  const viewingAs = useMe().data?.viewAs != null;
  return useQuery({
    enabled: !viewingAs,
    queryKey: ['me', 'access', object, viewingAs],
    queryFn: () => getMyAccess(object),
    staleTime: 60_000,
  });
}

/** True when the API says one of my roles lets me create records of the object. */
export function mayCreate(access: MyAccess | undefined, object: ObjectType): boolean {
  const create = access?.objects
    .find((o) => o.object === object)
    ?.actions.find((a) => a.action === 'create');
  return create !== undefined && create.scope !== 'none' && create.blockedBy === null;
}
