import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Descriptions,
  Flex,
  Input,
  Modal,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { NotFoundPage } from '../shared/not-found-page.tsx';
import { ErrorState, Loading } from '../shared/page-state.tsx';
import { DEADLINE_COLOR, privacyErrorText, type PrivacyRequest } from './privacy-api.ts';

type Action =
  | { kind: 'assign'; ownerId: string }
  | { kind: 'status'; status: 'verifying' | 'in_progress' }
  | { kind: 'extend'; reason: string }
  | { kind: 'complete'; note?: string }
  | { kind: 'reject'; reason: string }
  | { kind: 'erase'; confirm: string };

/** One data-subject request: its deadline, timeline, evidence and the actions it is ready for. */
export function PrivacyRequestPage() {
  const id = useParams().id;
  if (id === undefined || !/^[0-9]{1,18}$/.test(id)) return <NotFoundPage />;
  return <RequestDetail id={id} />;
}

const when = (v: string | number | null | undefined) =>
  v === null || v === undefined ? '—' : dayjs(v).format('YYYY-MM-DD HH:mm');

function RequestDetail({ id }: { id: string }) {
  const { t } = useTranslation('privacy');
  const { message } = App.useApp();
  const client = useQueryClient();
  const key = ['privacy-request', id];
  const request = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/v1/privacy/requests/{id}', { params: { path: { id } } })),
  });
  const owners = useQuery({
    queryKey: ['privacy-requests', 'owners'],
    queryFn: () =>
      unwrap(api.GET('/v1/privacy/requests', { params: { query: { status: 'open' } } })),
  });
  const [prompt, setPrompt] = useState<'extend' | 'reject' | 'complete' | 'erase' | null>(null);
  const [text, setText] = useState('');
  const act = useMutation({
    mutationFn: (a: Action) => {
      const path = { params: { path: { id } } };
      switch (a.kind) {
        case 'assign':
          return unwrap(
            api.POST('/v1/privacy/requests/{id}/assign', { ...path, body: { ownerId: a.ownerId } }),
          );
        case 'status':
          return unwrap(
            api.POST('/v1/privacy/requests/{id}/status', { ...path, body: { status: a.status } }),
          );
        case 'extend':
          return unwrap(
            api.POST('/v1/privacy/requests/{id}/extend', { ...path, body: { reason: a.reason } }),
          );
        case 'complete':
          return unwrap(
            api.POST('/v1/privacy/requests/{id}/complete', {
              ...path,
              body: a.note ? { note: a.note } : {},
            }),
          );
        case 'reject':
          return unwrap(
            api.POST('/v1/privacy/requests/{id}/reject', { ...path, body: { reason: a.reason } }),
          );
        case 'erase':
          return unwrap(
            api.POST('/v1/privacy/requests/{id}/erase', { ...path, body: { confirm: a.confirm } }),
          );
      }
    },
    onSuccess: (data) => {
      client.setQueryData(key, data);
      setPrompt(null);
      setText('');
      void client.invalidateQueries({ queryKey: ['privacy-requests'] });
    },
    onError: (e) => message.error(privacyErrorText(t, e)),
  });

  if (request.isPending) return <Loading />;
  if (request.isError)
    return <ErrorState error={request.error} onRetry={() => void request.refetch()} />;
  const r: PrivacyRequest = request.data;
  const open = r.status !== 'completed' && r.status !== 'rejected';
  const evidence = r.evidence ?? [];
  const archiveKind = r.kind === 'access' || r.kind === 'portability';

  const submitPrompt = () => {
    if (prompt === 'extend') act.mutate({ kind: 'extend', reason: text });
    if (prompt === 'reject') act.mutate({ kind: 'reject', reason: text });
    if (prompt === 'complete') act.mutate({ kind: 'complete', note: text });
    if (prompt === 'erase') act.mutate({ kind: 'erase', confirm: text });
  };
  const promptLabel =
    prompt === 'extend'
      ? t('detail.extendReason')
      : prompt === 'reject'
        ? t('detail.rejectReason')
        : prompt === 'complete'
          ? t('detail.completeNote')
          : t('detail.eraseText', { id: r.contactId ?? '' });

  return (
    <Flex vertical gap={12}>
      <div>
        <Link to="/privacy/requests">
          <ArrowLeftOutlined aria-hidden /> {t('detail.back')}
        </Link>
      </div>
      <Space align="center" wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('detail.title', { id: r.id })}
        </Typography.Title>
        <Tag>{t(`kind.${r.kind}`)}</Tag>
        <Tag>{t(`status.${r.status}`)}</Tag>
        {r.deadline !== null && r.deadline !== undefined && (
          <Tag
            style={{ color: DEADLINE_COLOR[r.deadline], borderColor: DEADLINE_COLOR[r.deadline] }}
          >
            {t(`deadline.${r.deadline}`)}
          </Tag>
        )}
      </Space>
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          {
            key: 'subject',
            label: t('requests.subject'),
            children:
              r.contactId === null || r.contactId === undefined ? (
                (r.requesterName ?? r.requesterEmail ?? '—')
              ) : (
                <Link to={`/records/contacts/${r.contactId}`}>{r.contactName ?? r.contactId}</Link>
              ),
          },
          { key: 'regime', label: t('requests.regime'), children: r.regime.toUpperCase() },
          { key: 'received', label: t('requests.receivedAt'), children: when(r.receivedAt) },
          {
            key: 'due',
            label: t('requests.dueAt'),
            children: (
              <span style={r.deadline === 'overdue' ? { color: '#a8071a' } : undefined}>
                {when(r.dueAt)}
                {r.extensionReason
                  ? ` — ${t('detail.extended', { reason: r.extensionReason })}`
                  : ''}
              </span>
            ),
          },
          {
            key: 'owner',
            label: t('requests.owner'),
            children: open ? (
              <Select
                aria-label={t('detail.assign')}
                style={{ minWidth: 160 }}
                value={r.ownerId ?? undefined}
                onChange={(ownerId: string) => act.mutate({ kind: 'assign', ownerId })}
                options={(owners.data?.owners ?? []).map((o) => ({ value: o.id, label: o.name }))}
              />
            ) : (
              (r.ownerName ?? '—')
            ),
          },
          { key: 'notes', label: t('requests.notes'), children: r.notes ?? '—' },
          ...(r.closedReason
            ? [
                {
                  key: 'closed',
                  label: t('requests.status'),
                  children: t('detail.closedReason', { reason: r.closedReason }),
                },
              ]
            : []),
        ]}
      />
      {open && (
        <Space wrap>
          {r.status === 'received' && (
            <Button onClick={() => act.mutate({ kind: 'status', status: 'verifying' })}>
              {t('detail.verify')}
            </Button>
          )}
          {(r.status === 'received' || r.status === 'verifying') && (
            <Button
              type="primary"
              onClick={() => act.mutate({ kind: 'status', status: 'in_progress' })}
            >
              {t('detail.start')}
            </Button>
          )}
          {r.canExtend && <Button onClick={() => setPrompt('extend')}>{t('detail.extend')}</Button>}
          {archiveKind && r.status === 'in_progress' && (
            <Button
              href={`/v1/privacy/requests/${r.id}/archive`}
              download
              onClick={() => {
                window.setTimeout(() => void client.invalidateQueries({ queryKey: key }), 1500);
              }}
            >
              {t('detail.archive')}
            </Button>
          )}
          {r.kind === 'erasure' &&
            r.status === 'in_progress' &&
            !evidence.some((e) => e.kind === 'erasure') && (
              <Button danger onClick={() => setPrompt('erase')}>
                {t('detail.erase')}
              </Button>
            )}
          <Button onClick={() => setPrompt('complete')}>{t('detail.complete')}</Button>
          <Button danger onClick={() => setPrompt('reject')}>
            {t('detail.reject')}
          </Button>
        </Space>
      )}
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {t('detail.evidence')}
      </Typography.Title>
      {evidence.length === 0 ? (
        <Typography.Text type="secondary">—</Typography.Text>
      ) : (
        <ul data-testid="privacy-evidence">
          {evidence.map((e, i) => (
            <li key={i}>
              <EvidenceLine evidence={e as Record<string, unknown>} />
            </li>
          ))}
        </ul>
      )}
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {t('detail.timeline')}
      </Typography.Title>
      <Timeline
        items={r.timeline.map((e, i) => ({
          key: i,
          content: `${when(e.at)} · ${e.actorName ?? 'system'} · ${t(`timeline.${e.what}`, { defaultValue: e.what })}`,
        }))}
      />
      <Modal
        open={prompt !== null}
        title={
          prompt === 'erase' ? t('detail.eraseTitle') : prompt === null ? '' : t(`detail.${prompt}`)
        }
        destroyOnHidden
        okButtonProps={{
          danger: prompt === 'erase' || prompt === 'reject',
          loading: act.isPending,
        }}
        okText={prompt === null ? '' : t(`detail.${prompt}`)}
        onOk={submitPrompt}
        onCancel={() => setPrompt(null)}
      >
        <label>
          {promptLabel}
          <Input.TextArea
            aria-label={promptLabel}
            rows={prompt === 'erase' ? 1 : 3}
            value={text}
            maxLength={1000}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
      </Modal>
    </Flex>
  );
}

function EvidenceLine({ evidence }: { evidence: Record<string, unknown> }) {
  const { t } = useTranslation('privacy');
  if (evidence.kind === 'erasure') {
    const head = evidence.auditHead as { seq?: string } | undefined;
    return (
      <>
        {t('detail.erasedAt', {
          by: String(evidence.erasedBy),
          at: when(evidence.erasedAt as number),
          fields: (evidence.fieldsErased as string[]).join(', '),
          events: (evidence.auditEventIds as string[]).join(', '),
          seq: head?.seq ?? '',
        })}
      </>
    );
  }
  return (
    <>
      {t('detail.archivedAt', {
        by: String(evidence.producedBy),
        at: when(evidence.producedAt as number),
        sha: String(evidence.sha256).slice(0, 16),
      })}
    </>
  );
}
