import { App, Button, Input, Modal, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** An invitation or reset link as the API answers it (`INVITATION_SCHEMA`). */
export interface Invitation {
  userId: string;
  email: string;
  purpose: 'invite' | 'reset' | string;
  link: string;
  expiresAt: string;
}

/**
 * The one-time set-password link the admin hands to the user, with a copy button (the message
 * with the link is in the outbox too). Shown once: the server keeps only its hash.
 */
export function InvitationLinkModal({
  invitation,
  extra,
  onClose,
}: {
  invitation: Invitation;
  extra?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('org');
  const { t: common } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invitation.link);
      void message.success(t('users.copied'));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };
  const values = {
    email: invitation.email,
    expiresAt: dayjs(invitation.expiresAt).format('YYYY-MM-DD HH:mm'),
  };
  return (
    <Modal
      open
      title={t('users.invitationTitle')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {common('close')}
        </Button>
      }
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {invitation.purpose === 'reset'
          ? t('users.resetIntro', values)
          : t('users.invitationIntro', values)}
      </Typography.Paragraph>
      {extra !== undefined && <Typography.Paragraph>{extra}</Typography.Paragraph>}
      <Space.Compact style={{ width: '100%' }}>
        <Input
          readOnly
          aria-label={t('users.link')}
          value={invitation.link}
          data-testid="invitation-link"
          onFocus={(e) => e.target.select()}
        />
        <Button onClick={() => void copy()}>{t('users.copy')}</Button>
      </Space.Compact>
    </Modal>
  );
}
