import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { holds, useMe } from '../auth/use-me.ts';
import type { ObjectType } from '../shared/admin-types.ts';
import { ErrorState } from '../shared/page-state.tsx';
import { UserPicker } from '../shared/user-picker.tsx';
import { transferRecord, type RecordView } from './record-api.ts';

/**
 * Transfer a record to a new owner (`POST /v1/<objects>/:id/transfer`); a customer may take the
 * previous owner's children along (`includeChildren`). The owner is picked by name with
 * `user_admin` (the user directory is theirs), otherwise typed as a user id.
 */
export function TransferModal({
  object,
  record,
  onClose,
  onTransferred,
}: {
  object: ObjectType;
  record: RecordView;
  onClose: () => void;
  /** `visible` false when the caller no longer sees the record afterwards. */
  onTransferred: (visible: boolean) => void;
}) {
  const { t } = useTranslation('records');
  const { message } = App.useApp();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ ownerId: string; includeChildren: boolean }>();
  const transfer = useMutation({
    mutationFn: (values: { ownerId: string; includeChildren: boolean }) =>
      transferRecord(object, record.id, {
        ownerId: values.ownerId.trim(),
        ...(object === 'customer' ? { includeChildren: values.includeChildren } : {}),
      }),
    onSuccess: async (answer) => {
      await queryClient.invalidateQueries({ queryKey: ['records'] });
      const children = Object.entries(answer.transferredChildren ?? {})
        .filter(([, n]) => n > 0)
        .map(([o, n]) => `${t(`common:objects.${o}`)} ${n}`)
        .join(', ');
      void message.success(
        children === ''
          ? t('transfer.done')
          : `${t('transfer.done')}. ${t('transfer.children', { summary: children })}`,
      );
      onTransferred(true);
      onClose();
    },
    onError: async (error) => {
      // Transferred to someone whose records the caller cannot see: done, and gone from view.
      if (error instanceof ApiError && error.status === 404 && error.details.transferred === true) {
        await queryClient.invalidateQueries({ queryKey: ['records'] });
        void message.success(t('transfer.gone'));
        onTransferred(false);
        onClose();
        return;
      }
      if (error instanceof ApiError && error.field === 'ownerId')
        form.setFields([{ name: 'ownerId', errors: [error.message] }]);
    },
  });
  const userAdmin = holds(me, 'user_admin');
  return (
    <Modal
      open
      destroyOnHidden
      title={t('transfer.title', { object: t(`common:objects.${object}`) })}
      okText={t('actions.transfer')}
      cancelText={t('common:cancel')}
      okButtonProps={{ loading: transfer.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ includeChildren: true }}
        onFinish={(values) => transfer.mutate(values)}
      >
        <Form.Item
          name="ownerId"
          label={userAdmin ? t('transfer.newOwner') : t('transfer.newOwnerId')}
          htmlFor="transfer-owner"
          rules={[{ required: true, whitespace: true, message: t('transfer.newOwner') }]}
        >
          {userAdmin ? (
            <UserPicker id="transfer-owner" label={t('transfer.newOwner')} />
          ) : (
            <Input id="transfer-owner" maxLength={64} />
          )}
        </Form.Item>
        {object === 'customer' && (
          <Form.Item name="includeChildren" valuePropName="checked">
            <Checkbox>{t('transfer.includeChildren')}</Checkbox>
          </Form.Item>
        )}
        {transfer.error !== null &&
          !(transfer.error instanceof ApiError && transfer.error.field === 'ownerId') && (
            <ErrorState error={transfer.error} />
          )}
      </Form>
    </Modal>
  );
}
