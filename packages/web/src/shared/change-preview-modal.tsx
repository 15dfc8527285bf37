import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Modal, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { isHeld } from '../four-eyes/four-eyes-api.ts';
import type { Language } from '../i18n/languages.ts';
import { errorText, Loading } from './page-state.tsx';
import {
  commitChanges,
  previewChanges,
  type AccessDelta,
  type ChangePreview,
  type PolicyChange,
} from './policy-change.ts';

interface PendingChange {
  changes: PolicyChange[];
  onSaved?: (result: unknown) => void;
}

/**
 * Every save of the administration screens goes through here: the change is previewed first (who
 * gains or loses which access, on how many records), shown, and committed only when the admin
 * confirms — against the previewed policy version, so a change made meanwhile is not overwritten.
 *
 * `const { save, modal } = useChangeWithPreview(); … save([change], { onSaved }); … {modal}`
 */
export function useChangeWithPreview() {
  const [pending, setPending] = useState<PendingChange | null>(null);
  const modal =
    pending === null ? null : (
      <ChangePreviewModal
        changes={pending.changes}
        onClose={() => setPending(null)}
        onSaved={(result) => {
          const onSaved = pending.onSaved;
          setPending(null);
          onSaved?.(result);
        }}
      />
    );
  return {
    save: (changes: PolicyChange[], options: { onSaved?: (result: unknown) => void } = {}) =>
      setPending({ changes, ...options }),
    modal,
  };
}

function DeltaTags({ deltas }: { deltas: AccessDelta[] }) {
  const { t } = useTranslation();
  return (
    <>
      {deltas.map((d) => (
        <Tag key={`${d.object}.${d.action}`}>
          {t(`objects.${d.object}`)} · {t(`actionNames.${d.action}`)} ·{' '}
          {t('preview.records', { count: d.records })}
        </Tag>
      ))}
    </>
  );
}

export function ChangePreviewModal({
  changes,
  onClose,
  onSaved,
}: {
  changes: PolicyChange[];
  onClose: () => void;
  onSaved: (result: unknown) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<ChangePreview | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  /** Four eyes: the change waits for a second administrator (the pending change's id). */
  const [heldId, setHeldId] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    previewChanges(changes).then(
      (answer) => current && setPreview(answer),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [changes]);

  const confirm = async () => {
    if (preview === null) return;
    setSaving(true);
    try {
      const result = await commitChanges(changes, preview.version);
      await queryClient.invalidateQueries();
      if (isHeld(result)) {
        setHeldId(result.pending.id);
        return;
      }
      void message.success(t('preview.saved'));
      onSaved(result);
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.status === 409
          ? new Error(t('preview.conflict'))
          : error,
      );
    } finally {
      setSaving(false);
    }
  };

  const language = i18n.language as Language;
  const impactRows = preview?.users ?? [];
  return (
    <Modal
      open
      title={t('preview.title')}
      width={880}
      okText={heldId === null ? t('preview.confirmSave') : t('fourEyes:submitted.close')}
      cancelText={t('cancel')}
      onCancel={onClose}
      onOk={() => (heldId === null ? void confirm() : onClose())}
      okButtonProps={{ disabled: preview === null || !preview.valid, loading: saving }}
      cancelButtonProps={heldId === null ? {} : { style: { display: 'none' } }}
      destroyOnHidden
    >
      {heldId !== null && (
        <Alert
          type="success"
          showIcon
          role="status"
          data-testid="change-submitted"
          title={t('fourEyes:submitted.title')}
          description={
            <>
              <Typography.Paragraph style={{ margin: 0 }}>
                {t('fourEyes:submitted.body')}
              </Typography.Paragraph>
              <Link
                to={`/admin/pending-changes/${heldId}`}
                onClick={onClose}
                style={{ color: '#003a8c', textDecoration: 'underline' }}
              >
                {t('fourEyes:submitted.link', { id: heldId })}
              </Link>
            </>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {failure !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(failure)}
          style={{ marginBottom: 12 }}
        />
      )}
      {preview === null && failure === null && <Loading />}
      {preview !== null && !preview.valid && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('preview.invalid')}
          description={
            <ul style={{ margin: 0 }}>
              {preview.errors.map((e, i) => (
                <li key={i}>{e.path === undefined ? e.message : `${e.path}: ${e.message}`}</li>
              ))}
            </ul>
          }
        />
      )}
      {preview !== null && preview.valid && (
        <>
          <Typography.Paragraph>
            {impactRows.length === 0 ? t('preview.noImpact') : t('preview.intro')}
          </Typography.Paragraph>
          {preview.partial && (
            <Alert
              type="warning"
              showIcon
              title={t('preview.partial')}
              description={
                preview.unexamined > 0
                  ? t('preview.unexamined', { count: preview.unexamined })
                  : undefined
              }
            />
          )}
          {(preview.text[language] ?? []).length > 0 && (
            <ul data-testid="preview-text">
              {preview.text[language].map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
          {preview.summary.length > 0 && (
            <Table
              size="small"
              pagination={false}
              rowKey={(r) => `${r.object}.${r.action}`}
              dataSource={preview.summary}
              columns={[
                { title: t('preview.object'), render: (_, r) => t(`objects.${r.object}`) },
                { title: t('preview.action'), render: (_, r) => t(`actionNames.${r.action}`) },
                {
                  title: t('preview.usersGained'),
                  render: (_, r) =>
                    `${r.gained.users} · ${t('preview.records', { count: r.gained.records })}`,
                },
                {
                  title: t('preview.usersLost'),
                  render: (_, r) =>
                    `${r.lost.users} · ${t('preview.records', { count: r.lost.records })}`,
                },
              ]}
              style={{ marginBottom: 12 }}
            />
          )}
          {impactRows.length > 0 && (
            <Table
              size="small"
              rowKey="userId"
              dataSource={impactRows}
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              columns={[
                { title: t('preview.user'), dataIndex: 'name' },
                { title: t('preview.gains'), render: (_, r) => <DeltaTags deltas={r.gains} /> },
                { title: t('preview.losses'), render: (_, r) => <DeltaTags deltas={r.losses} /> },
                {
                  title: t('preview.functionsGained'),
                  render: (_, r) => r.functionsGained.join(', ') || t('none'),
                },
                {
                  title: t('preview.functionsLost'),
                  render: (_, r) => r.functionsLost.join(', ') || t('none'),
                },
              ]}
            />
          )}
        </>
      )}
    </Modal>
  );
}
