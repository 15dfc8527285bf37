import { Alert, Button, Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../auth/use-me.ts';
import { ErrorState, Loading } from '../shared/page-state.tsx';
import { MfaCard } from './mfa-card.tsx';
import { PasswordCard } from './password-card.tsx';
import { SessionsCard } from './sessions-card.tsx';
import { TokensCard } from './tokens-card.tsx';

/**
 * My account (`/account`): password, two-step verification, sessions and API tokens. When the
 * company requires MFA of a user who has none (`/account?enrol=mfa`, where sign-in lands), only
 * the enrolment is open (the API refuses everything else until then).
 */
export function AccountPage() {
  const { t } = useTranslation('account');
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data === null) return null;
  const mustEnrol = me.data.mfa?.required === true && me.data.mfa.enabled !== true;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('title')}
      </Typography.Title>
      {mustEnrol && <Alert type="warning" showIcon role="alert" title={t('mustEnrol')} />}
      {!mustEnrol && params.get('enrol') === 'mfa' && (
        <Button type="primary" onClick={() => void navigate('/', { replace: true })}>
          {t('continue')}
        </Button>
      )}
      <Row gutter={[16, 16]}>
        {/* Always the first column: the recovery codes it shows survive the enrolment ending. */}
        <Col xs={24} xl={mustEnrol ? 24 : 14}>
          <MfaCard me={me.data} />
        </Col>
        {!mustEnrol && (
          <>
            <Col xs={24} xl={10}>
              <PasswordCard />
            </Col>
            <Col span={24}>
              <SessionsCard />
            </Col>
            <Col span={24}>
              <TokensCard me={me.data} />
            </Col>
          </>
        )}
      </Row>
    </Space>
  );
}
