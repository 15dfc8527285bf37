import type { PrivacyRegime, PrivacyRequestKind, PrivacyRequestStatus } from '@custos/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditContext } from '../../http/audit-context.ts';
import type { RoutePermission } from '../../http/route-permission.ts';
import {
  giveConsent,
  listContactConsents,
  PRIVACY_ADMIN,
  withdrawContactConsent,
  type GiveConsentBody,
} from './consent-service.ts';
import { eraseRequestSubject } from './erase-subject.ts';
import { produceRequestArchive } from './privacy-archive.ts';
import {
  assignRequest,
  completeRequest,
  createPrivacyRequest,
  extendRequest,
  getRequest,
  linkRequestSubject,
  listRequests,
  privacyOwners,
  rejectRequest,
  requestViews,
  setRequestStatus,
  type CreateRequestBody,
} from './privacy-request-service.ts';
import {
  ASSIGN_BODY,
  COMPLETE_BODY,
  CONSENT_LIST,
  CONSENT_PARAMS,
  CONSENT_VIEW,
  CONTACT_PARAMS,
  CREATE_REQUEST_BODY,
  ERASE_BODY,
  ERRORS,
  GIVE_CONSENT_BODY,
  LIST_REQUESTS_QUERY,
  REASON_BODY,
  REQUEST_LIST,
  REQUEST_PARAMS,
  REQUEST_VIEW,
  STATUS_BODY,
  WITHDRAW_BODY,
} from './privacy-schemas.ts';
import { CONTACT_PARAMS as SUBJECT_ID } from './privacy-schemas.ts';

type ContactParams = { Params: { id: string } };
type RequestParams = { Params: { id: string } };
const PRIVACY: RoutePermission = { kind: 'function', name: PRIVACY_ADMIN };
const contact = (action: 'read' | 'update'): RoutePermission => ({
  kind: 'record',
  object: 'contact',
  action,
});

const SUBJECT_BODY = {
  type: 'object',
  required: ['contactId'],
  additionalProperties: false,
  properties: { contactId: SUBJECT_ID.properties.id },
} as const;

/**
 * GDPR / CCPA (数据合规, docs/privacy.md): consents on a contact (read as the contact is read;
 * written by whoever may update it, or a `privacy_admin` holder), and the data-subject request
 * queue (only `privacy_admin` holders): create, assign, verify, extend, archive, erase, complete,
 * reject. Every change is one transaction with its audit event.
 */
export async function privacyRoutes(app: FastifyInstance): Promise<void> {
  const db = app.custos.database.db;
  const keyring = app.custos.keyring;
  const consentTags = ['privacy: consents'];
  const tags = ['privacy: requests'];
  const view = async (request: FastifyRequest, id: string) => {
    const [v] = await requestViews(db, request.custos, [
      await getRequest(db, request.custos.tenantId, id),
    ]);
    return v;
  };

  app.get<ContactParams>(
    '/v1/contacts/:id/consents',
    {
      config: { permission: contact('read') },
      schema: {
        tags: consentTags,
        summary: "A contact's consent records (同意记录): as the contact is read",
        params: CONTACT_PARAMS,
        response: { 200: CONSENT_LIST, ...ERRORS },
      },
    },
    (request) => listContactConsents(db, request.custos, request.params.id),
  );

  app.post<ContactParams & { Body: GiveConsentBody }>(
    '/v1/contacts/:id/consents',
    {
      config: { permission: contact('update') },
      schema: {
        tags: consentTags,
        summary: 'Record a consent given (update on the contact, or privacy_admin)',
        params: CONTACT_PARAMS,
        body: GIVE_CONSENT_BODY,
        response: { 201: CONSENT_VIEW, ...ERRORS },
      },
    },
    async (request, reply) => {
      const created = await giveConsent(
        db,
        request.custos,
        auditContext(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(created);
    },
  );

  app.post<{ Params: { id: string; consentId: string }; Body: { reason?: string } }>(
    '/v1/contacts/:id/consents/:consentId/withdraw',
    {
      config: { permission: contact('update') },
      schema: {
        tags: consentTags,
        summary: 'Record that a consent was withdrawn (GDPR Art. 7(3))',
        params: CONSENT_PARAMS,
        body: WITHDRAW_BODY,
        response: { 200: CONSENT_VIEW, ...ERRORS },
      },
    },
    (request) =>
      withdrawContactConsent(
        db,
        request.custos,
        auditContext(request),
        request.params.id,
        request.params.consentId,
        request.body.reason,
      ),
  );

  app.get<{
    Querystring: {
      status?: PrivacyRequestStatus | 'open';
      kind?: PrivacyRequestKind;
      contactId?: string;
    };
  }>(
    '/v1/privacy/requests',
    {
      config: { permission: PRIVACY },
      schema: {
        tags,
        summary: 'The data-subject request queue (隐私请求), nearest deadline first',
        querystring: LIST_REQUESTS_QUERY,
        response: { 200: REQUEST_LIST, ...ERRORS },
      },
    },
    async (request) => {
      const items = await listRequests(db, request.custos, request.query);
      return {
        items: await requestViews(db, request.custos, items),
        owners: privacyOwners(request.custos),
      };
    },
  );

  app.post<{ Body: CreateRequestBody }>(
    '/v1/privacy/requests',
    {
      config: { permission: PRIVACY },
      schema: {
        tags,
        summary: 'Log a data-subject request; its legal deadline counts from receipt',
        body: CREATE_REQUEST_BODY,
        response: { 201: REQUEST_VIEW, ...ERRORS },
      },
    },
    async (request, reply) => {
      const created = await createPrivacyRequest(db, request.custos, auditContext(request), {
        ...request.body,
        regime: request.body.regime as PrivacyRegime,
      });
      return reply.code(201).send(await view(request, created.id));
    },
  );

  app.get<RequestParams>(
    '/v1/privacy/requests/:id',
    {
      config: { permission: PRIVACY },
      schema: {
        tags,
        summary: 'One data-subject request with its timeline and evidence',
        params: REQUEST_PARAMS,
        response: { 200: REQUEST_VIEW, ...ERRORS },
      },
    },
    (request) => view(request, request.params.id),
  );

  const action = <B>(
    path: string,
    summary: string,
    body: object,
    run: (request: FastifyRequest<RequestParams & { Body: B }>) => Promise<unknown>,
  ): void => {
    app.post<RequestParams & { Body: B }>(
      `/v1/privacy/requests/:id/${path}`,
      {
        config: { permission: PRIVACY },
        schema: {
          tags,
          summary,
          params: REQUEST_PARAMS,
          body,
          response: { 200: REQUEST_VIEW, ...ERRORS },
        },
      },
      async (request) => {
        await run(request);
        return view(request, request.params.id);
      },
    );
  };

  action<{ ownerId: string }>(
    'assign',
    'Give the request to a privacy_admin holder',
    ASSIGN_BODY,
    (r) => assignRequest(db, r.custos, auditContext(r), r.params.id, r.body.ownerId),
  );
  action<{ status: 'verifying' | 'in_progress'; note?: string }>(
    'status',
    "Move the request on: verifying the requester's identity, or in progress",
    STATUS_BODY,
    (r) => setRequestStatus(db, r.custos, auditContext(r), r.params.id, r.body.status, r.body.note),
  );
  action<{ contactId: string }>(
    'subject',
    'Link the request to the contact it is about',
    SUBJECT_BODY,
    (r) => linkRequestSubject(db, r.custos, auditContext(r), r.params.id, r.body.contactId),
  );
  action<{ reason: string }>(
    'extend',
    'Extend the deadline once, with the reason the subject is told (GDPR +2 months, CCPA +45 days)',
    REASON_BODY,
    (r) => extendRequest(db, r.custos, auditContext(r), r.params.id, r.body.reason),
  );
  action<{ note?: string }>('complete', 'Close the request as done', COMPLETE_BODY, (r) =>
    completeRequest(db, r.custos, auditContext(r), r.params.id, r.body.note),
  );
  action<{ reason: string }>(
    'reject',
    'Refuse the request, with the reason the subject is told',
    REASON_BODY,
    (r) => rejectRequest(db, r.custos, auditContext(r), r.params.id, r.body.reason),
  );
  action<{ confirm: string }>(
    'erase',
    "Erase the request's subject: anonymise the contact and crypto-shred their key (cannot be undone)",
    ERASE_BODY,
    (r) => eraseRequestSubject(db, keyring, r.custos, auditContext(r), r.params.id, r.body.confirm),
  );

  app.get<RequestParams>(
    '/v1/privacy/requests/:id/archive',
    {
      config: { permission: PRIVACY },
      schema: {
        tags,
        summary:
          "The subject's data as one zip of JSON and CSV (GDPR Art. 15/20, CCPA right to know), audited as privacy.export",
        params: REQUEST_PARAMS,
        response: ERRORS,
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const archive = await produceRequestArchive(
        db,
        keyring,
        ctx,
        auditContext(request),
        request.params.id,
        () => getRequest(db, ctx.tenantId, request.params.id),
      );
      return reply
        .type('application/zip')
        .header(
          'content-disposition',
          `attachment; filename="privacy-request-${request.params.id}.zip"`,
        )
        .header('cache-control', 'no-store')
        .header('x-custos-archive-sha256', archive.sha256)
        .send(Buffer.from(archive.zip));
    },
  );
}
