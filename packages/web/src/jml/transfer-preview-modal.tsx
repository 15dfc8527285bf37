import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { Loading, errorText } from '../shared/page-state.tsx';
import type { TransferPreview } from './jml-types.ts';

export interface TransferBody {
  departmentId: string;
  managerId?: string | null;
  ownedRecords: 'keep' | 'transfer_to';
  transferToUserId?: string;
}

/**
 * The transfer dialog (mover): before anything is saved, the records that move and where, what
 * the user may read and edit per object before and after, and everyone else's impact in words;
 * confirmed, the transfer commits in one transaction.
 */
export function TransferPreviewModal({
  userId,
  name,
  body,
  onClose,
  onDone,
}: {
  userId: string;
  name: string;
  body: TransferBody;
  onClose: () => void;
  /** After the transfer: the records moved, in words (null: none). */
  onDone: (moved: string | null) => void;
}) {
  const { t, i18n } = useTranslation('jml');
  const { t: common } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const preview = useQuery({
    queryKey: ['admin', 'transfer-preview', userId, body],
    queryFn: async () =>
      (
        await unwrap(
          api.POST('/v1/admin/users/{id}/transfer/preview', {
            params: { path: { id: userId } },
            body,
          }),
        )
      ).data as unknown as TransferPreview,
  });
  const p = preview.data;
  const n = (x: number) => x.toLocaleString(i18n.language);
  const moved = (owned: Record<string, number>) => {
    const parts = Object.entries(owned).map(([o, k]) => `${common(`objects.${o}`)} ${n(k)}`);
    return parts.length === 0 ? null : parts.join(' · ');
  };
  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await unwrap(
        api.POST('/v1/admin/users/{id}/transfer', { params: { path: { id: userId } }, body }),
      );
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      onDone(p === undefined ? null : moved(p.records.owned));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  return (
    <Modal
      open
      width={760}
      title={t('transfer.previewTitle', { name })}
      okText={t('transfer.confirm')}
      okButtonProps={{ loading: busy, disabled: p?.change.valid !== true }}
      cancelText={common('cancel')}
      onCancel={onClose}
      onOk={() => void confirm()}
      destroyOnHidden
      styles={{ body: { maxHeight: 520, overflowY: 'auto' } }}
    >
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
      {preview.isLoading && <Loading />}
      {p !== undefined && !p.change.valid && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('transfer.invalid')}
          description={p.change.errors.map((e) => e.message).join('; ')}
        />
      )}
      {p !== undefined && p.change.valid && (
        <div data-testid="transfer-preview">
          <Typography.Paragraph>
            <strong>{t('transfer.recordsMove')}:</strong> {moved(p.records.owned) ?? '—'}{' '}
            {p.records.mode === 'keep'
              ? t('transfer.recordsKeep')
              : t('transfer.recordsTo', { user: p.records.toUserId })}
          </Typography.Paragraph>
          <Typography.Title level={2} style={{ fontSize: 15 }}>
            {t('transfer.accessTitle')}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="object"
            dataSource={p.access}
            columns={[
              {
                title: t('transfer.object'),
                dataIndex: 'object',
                render: (o: string) => common(`objects.${o}`),
              },
              {
                title: t('transfer.read'),
                render: (_: unknown, r: TransferPreview['access'][number]) =>
                  `${n(r.read.before)} → ${n(r.read.after)}`,
              },
              {
                title: t('transfer.edit'),
                render: (_: unknown, r: TransferPreview['access'][number]) =>
                  `${n(r.update.before)} → ${n(r.update.after)}`,
              },
            ]}
          />
          <Typography.Title level={2} style={{ fontSize: 15, marginTop: 12 }}>
            {t('transfer.impact')}
          </Typography.Title>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {p.change.text[lang].map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </Modal>
  );
}
