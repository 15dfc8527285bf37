import type { Role } from './model.ts';

/**
 * Whether a role may be held by a portal principal (客户门户用户). A role is **internal** when it
 * names any function permission (admin functions, export, import, reveal_masked …); every other
 * role is a **portal role**. What a portal role gives on objects needs no further limit here: the
 * mandatory layer already confines a portal principal to the objects exposed to the portal and to
 * the records of their own customer account, whatever a role says. Portal principals hold portal
 * roles only (`validateModel`, `ENGINE_PORTAL_INTERNAL`), and a role edit that would make a
 * portal holder's role internal is refused the same way.
 */
export function isPortalRole(role: Role): boolean {
  return role.functions.length === 0;
}
