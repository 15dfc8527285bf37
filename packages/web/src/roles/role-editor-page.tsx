import { Button, Card, Flex, Form, Input, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Role } from '../shared/admin-types.ts';
import { useChangeWithPreview } from '../shared/change-preview-modal.tsx';
import { ErrorState, Loading } from '../shared/page-state.tsx';
import { FieldPermissions } from './field-permissions.tsx';
import { FunctionPermissions } from './function-permissions.tsx';
import { PermissionMatrix } from './permission-matrix.tsx';
import {
  cloneRole,
  emptyRole,
  NEW_ROLE,
  newRoleId,
  roleCreate,
  roleDifferences,
  roleUpdate,
} from './role-draft.ts';
import { useRole } from './role-queries.ts';
import { ScopeLegend } from './scope-select.tsx';
import './roles.css';

/**
 * `/admin/roles/:id` — the role editor: the permission matrix (objects × actions, a data scope
 * each), function permissions, field permissions. `/admin/roles/new` creates a role, and
 * `/admin/roles/new?from=<id>` clones one (its permissions copied under a new id and name).
 * Every save previews its impact first (`useChangeWithPreview`).
 */
export function RoleEditorPage() {
  const { t } = useTranslation('roles');
  const { id } = useParams();
  const [search] = useSearchParams();
  const creating = id === NEW_ROLE;
  const from = creating ? (search.get('from') ?? undefined) : undefined;
  const role = useRole(creating ? from : id);

  if (creating && from === undefined)
    return <RoleEditor key="new" mode="create" initial={emptyRole(newRoleId())} />;
  if (role.isPending) return <Loading />;
  if (role.isError)
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {creating ? t('editor.titleNew') : t('list.title')}
        </Typography.Title>
        <ErrorState error={role.error} onRetry={() => void role.refetch()} />
        <Link to="/admin/roles">{t('editor.cancel')}</Link>
      </Space>
    );
  if (creating)
    return (
      <RoleEditor
        key={`clone-${role.data.id}`}
        mode="clone"
        source={role.data}
        initial={cloneRole(role.data, newRoleId(), t('editor.copyName', { name: role.data.name }))}
      />
    );
  return <RoleEditor key={role.data.id} mode="edit" saved={role.data} initial={role.data} />;
}

function RoleEditor({
  mode,
  initial,
  saved,
  source,
}: {
  mode: 'edit' | 'create' | 'clone';
  initial: Role;
  /** The role as saved (edit mode): the draft is compared with it. */
  saved?: Role;
  /** The role being cloned (clone mode). */
  source?: Role;
}) {
  const { t } = useTranslation('roles');
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Role>(initial);
  const pending = saved === undefined ? null : roleDifferences(saved, draft).length;

  const title =
    mode === 'edit'
      ? t('editor.titleEdit', { name: saved?.name ?? draft.name })
      : mode === 'clone'
        ? t('editor.titleClone', { name: source?.name ?? '' })
        : t('editor.titleNew');

  const change = saved === undefined ? roleCreate(draft) : roleUpdate(saved, draft);
  const { save, modal } = useChangeWithPreview();

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {title}
      </Typography.Title>
      <Form layout="inline" onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={t('editor.name')} htmlFor="role-name">
          <Input
            id="role-name"
            value={draft.name}
            maxLength={200}
            style={{ width: 260 }}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </Form.Item>
        <Form.Item
          label={t('editor.id')}
          htmlFor="role-id"
          tooltip={mode === 'edit' ? undefined : t('editor.idHelp')}
        >
          <Input
            id="role-id"
            value={draft.id}
            disabled={mode === 'edit'}
            maxLength={128}
            style={{ width: 220 }}
            onChange={(e) => setDraft({ ...draft, id: e.target.value.trim() })}
          />
        </Form.Item>
      </Form>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          items={[
            {
              key: 'objects',
              label: t('editor.tabs.objects'),
              children: (
                <>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                    {t('editor.matrixIntro')}
                  </Typography.Paragraph>
                  <PermissionMatrix
                    objects={draft.objects}
                    saved={saved?.objects}
                    onChange={(objects) => setDraft({ ...draft, objects })}
                  />
                  <ScopeLegend />
                </>
              ),
            },
            {
              key: 'functions',
              label: t('editor.tabs.functions'),
              children: (
                <FunctionPermissions
                  functions={draft.functions}
                  saved={saved?.functions}
                  onChange={(functions) => setDraft({ ...draft, functions })}
                />
              ),
            },
            {
              key: 'fields',
              label: t('editor.tabs.fields'),
              children: (
                <FieldPermissions
                  fields={draft.fields}
                  saved={saved?.fields}
                  onChange={(fields) => setDraft({ ...draft, fields })}
                />
              ),
            },
          ]}
        />
      </Card>
      <Flex gap={12} align="center">
        <Button
          type="primary"
          disabled={change === null}
          onClick={() => {
            if (change === null) return;
            save([change], {
              onSaved: () => {
                if (mode !== 'edit') void navigate(`/admin/roles/${draft.id}`);
              },
            });
          }}
        >
          {t('editor.save')}
        </Button>
        <Link to="/admin/roles">{t('editor.cancel')}</Link>
        {pending !== null && (
          <Typography.Text type="secondary" aria-live="polite" data-testid="pending-changes">
            {pending === 0 ? t('editor.unchanged') : t('editor.changed', { count: pending })}
          </Typography.Text>
        )}
      </Flex>
      {modal}
    </Flex>
  );
}
