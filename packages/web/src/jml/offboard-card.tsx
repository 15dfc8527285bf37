import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import type { User } from '../shared/admin-types.ts';
import { Loading, errorText } from '../shared/page-state.tsx';
import { UserPicker } from '../shared/user-picker.tsx';
import type { OffboardPreview, Position } from './jml-types.ts';

const heading = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

interface Choices {
  successorId: string | null;
  heads: Record<string, string | null>;
  newManagerId: string | null;
  reason: string;
}

/** The offboarding request the choices make (the API's body). */
function bodyOf(c: Choices) {
  const heads = Object.entries(c.heads).filter((e): e is [string, string] => e[1] !== null);
  return {
    ...(c.successorId === null ? {} : { successorId: c.successorId }),
    ...(heads.length === 0
      ? {}
      : { departmentHeads: heads.map(([departmentId, headId]) => ({ departmentId, headId })) }),
    ...(c.newManagerId === null ? {} : { newManagerId: c.newManagerId }),
    ...(c.reason.trim() === '' ? {} : { reason: c.reason.trim() }),
  };
}

/**
 * Offboarding (离职交接) on the user detail page: a wizard whose preview follows the choices
 * (successor, new heads, new manager) and lists records, teams, grants, groups, positions,
 * sessions and tokens; confirmed only when the server says it is valid.
 */
export function OffboardCard({ user }: { user: User }) {
  const { t } = useTranslation('jml');
  const [open, setOpen] = useState(false);
  return (
    <Card title={heading(t('offboard.title'))} style={{ marginTop: 16 }}>
      <Typography.Paragraph>{t('offboard.intro')}</Typography.Paragraph>
      <Button danger onClick={() => setOpen(true)} data-testid="offboard-open">
        {t('offboard.open')}
      </Button>
      {open && <OffboardModal user={user} onClose={() => setOpen(false)} />}
    </Card>
  );
}

function OffboardModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t, i18n } = useTranslation('jml');
  const { t: common } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [choices, setChoices] = useState<Choices>({
    successorId: null,
    heads: {},
    newManagerId: null,
    reason: '',
  });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const body = bodyOf(choices);
  const preview = useQuery({
    queryKey: ['admin', 'offboard-preview', user.id, body],
    queryFn: async () =>
      (
        await unwrap(
          api.POST('/v1/admin/users/{id}/offboard/preview', {
            params: { path: { id: user.id } },
            body,
          }),
        )
      ).data as unknown as OffboardPreview,
    placeholderData: (previous) => previous,
  });
  const p = preview.data;
  const heads = (p?.positions ?? []).filter(
    (x): x is Extract<Position, { kind: 'department_head' }> => x.kind === 'department_head',
  );
  const reports = (p?.positions ?? []).filter((x) => x.kind === 'manager');
  const objects = (owned: Record<string, number>) =>
    Object.entries(owned)
      .map(([o, n]) => `${common(`objects.${o}`)} ${n.toLocaleString(i18n.language)}`)
      .join(' · ');
  const errorWords = (e: { code: string; message: string }) =>
    i18n.exists(`jml:errors.${e.code}`) ? `${t(`errors.${e.code}`)} ${e.message}` : e.message;

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await unwrap(
        api.POST('/v1/admin/users/{id}/offboard', { params: { path: { id: user.id } }, body }),
      );
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      void message.success(t('offboard.done', { name: user.name }));
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={t('offboard.modalTitle', { name: user.name })}
      okText={t('offboard.confirm')}
      okButtonProps={{
        danger: true,
        loading: busy,
        disabled: p?.valid !== true || preview.isFetching,
      }}
      cancelText={common('cancel')}
      onCancel={onClose}
      onOk={() => void confirm()}
      destroyOnHidden
      styles={{ body: { maxHeight: 520, overflowY: 'auto' } }}
    >
      <Form layout="vertical" name="offboard">
        <Form.Item label={t('offboard.successor')} htmlFor="offboard-successor">
          <UserPicker
            id="offboard-successor"
            label={t('offboard.successor')}
            value={choices.successorId}
            onChange={(id) => setChoices((c) => ({ ...c, successorId: id }))}
          />
        </Form.Item>
        {heads.map((h) => (
          <Form.Item
            key={h.departmentId}
            label={t('offboard.newHead', { department: h.departmentName })}
            htmlFor={`offboard-head-${h.departmentId}`}
          >
            <UserPicker
              id={`offboard-head-${h.departmentId}`}
              label={t('offboard.newHead', { department: h.departmentName })}
              value={choices.heads[h.departmentId] ?? null}
              onChange={(id) =>
                setChoices((c) => ({ ...c, heads: { ...c.heads, [h.departmentId]: id } }))
              }
            />
          </Form.Item>
        ))}
        {reports.length > 0 && (
          <Form.Item
            label={t('offboard.newManager', { count: reports.length })}
            htmlFor="offboard-manager"
          >
            <UserPicker
              id="offboard-manager"
              label={t('offboard.newManager', { count: reports.length })}
              value={choices.newManagerId}
              onChange={(id) => setChoices((c) => ({ ...c, newManagerId: id }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t('offboard.reason')} htmlFor="offboard-reason">
          <Input
            id="offboard-reason"
            maxLength={1000}
            value={choices.reason}
            onChange={(e) => setChoices((c) => ({ ...c, reason: e.target.value }))}
          />
        </Form.Item>
      </Form>
      {failure !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(failure)}
          style={{ marginBottom: 12 }}
        />
      )}
      {preview.isError && (
        <Alert type="error" showIcon role="alert" title={errorText(preview.error)} />
      )}
      {p === undefined ? (
        preview.isLoading ? (
          <Loading />
        ) : null
      ) : (
        <>
          <Typography.Title level={2} style={{ fontSize: 15 }}>
            {t('offboard.preview')}
          </Typography.Title>
          {!p.valid && (
            <Alert
              type="warning"
              showIcon
              role="status"
              data-testid="offboard-errors"
              title={t('offboard.errors')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {p.errors.map((e, i) => (
                    <li key={i}>{errorWords(e)}</li>
                  ))}
                </ul>
              }
              style={{ marginBottom: 12 }}
            />
          )}
          <Descriptions
            size="small"
            column={1}
            bordered
            data-testid="offboard-preview"
            items={[
              {
                key: 'records',
                label: t('offboard.records'),
                children:
                  p.records.total === 0 ? t('offboard.recordsNone') : objects(p.records.owned),
              },
              {
                key: 'customers',
                label: t('offboard.customersTo'),
                children:
                  p.records.customers.length === 0
                    ? t('offboard.none')
                    : [
                        ...new Set(
                          p.records.customers.map((c) => c.successorId ?? t('offboard.unassigned')),
                        ),
                      ].join(', '),
              },
              { key: 'teams', label: t('offboard.teams'), children: p.teams.length },
              {
                key: 'grants',
                label: t('offboard.grants'),
                children: p.grants.map((g) => g.id).join(', ') || t('offboard.none'),
              },
              {
                key: 'groups',
                label: t('offboard.groups'),
                children: p.groups.map((g) => g.name).join(', ') || t('offboard.none'),
              },
              {
                key: 'positions',
                label: t('offboard.positions'),
                children:
                  p.positions.length === 0 ? (
                    t('offboard.none')
                  ) : (
                    <Space wrap size={4}>
                      {p.positions.map((x) => (
                        <Tag
                          key={
                            x.kind === 'department_head' ? `h-${x.departmentId}` : `m-${x.userId}`
                          }
                          color={x.newHolderId === null ? 'red' : 'green'}
                        >
                          {x.kind === 'department_head'
                            ? t('offboard.positionHead', { department: x.departmentName })
                            : t('offboard.positionManager', { name: x.userName })}
                          {' → '}
                          {x.newHolderId ?? t('offboard.unassigned')}
                        </Tag>
                      ))}
                    </Space>
                  ),
              },
              {
                key: 'access',
                label: t('offboard.access'),
                children: t('offboard.accessValue', p.access),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
