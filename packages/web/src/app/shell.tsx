import {
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  LockOutlined,
  LogoutOutlined,
  SafetyOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api, forgetCsrfToken } from '../api/client.ts';
import { setViewAs } from '../api/view-as.ts';
import { holds, useMe } from '../auth/use-me.ts';
import { ViewAsBanner } from '../view-as/view-as-banner.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { NotificationBell } from '../requests/notification-bell.tsx';
import { useViewAsTarget } from '../view-as/use-view-as.ts';

/** The record lists of the menu, in order: path segment → the common `nav` key. */
export const RECORD_MENU = [
  'customers',
  'contacts',
  'deals',
  'orders',
  'tickets',
  'activities',
] as const;

/** The frame of every signed-in screen: menu (what the API says the user holds), header, page. */
export function Shell() {
  const { t } = useTranslation([
    'common',
    'fourEyes',
    'audit',
    'jml',
    'sod',
    'requests',
    'monitoring',
    'encryption',
    'privacy',
    'backups',
    'retention',
  ]);
  const { t: tr } = useTranslation('reviews');
  const me = useMe().data;
  const viewingAs = useViewAsTarget();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const userAdmin = holds(me, 'user_admin');
  const roleAdmin = holds(me, 'role_admin');

  const dataProtection = [
    ...(holds(me, 'privacy_admin')
      ? [
          {
            key: '/privacy/requests',
            label: <Link to="/privacy/requests">{t('privacy:nav.requests')}</Link>,
          },
          {
            key: '/privacy/retention',
            label: <Link to="/privacy/retention">{t('retention:nav.retention')}</Link>,
          },
        ]
      : []),
    ...(holds(me, 'encryption_admin')
      ? [
          {
            key: '/admin/encryption',
            label: <Link to="/admin/encryption">{t('encryption:nav.encryption')}</Link>,
          },
        ]
      : []),
    ...(holds(me, 'backup_admin')
      ? [
          {
            key: '/admin/backups',
            label: <Link to="/admin/backups">{t('backups:nav.backups')}</Link>,
          },
        ]
      : []),
  ];
  const items: MenuProps['items'] = [
    {
      key: 'records',
      icon: <AppstoreOutlined />,
      label: t('nav.records'),
      children: RECORD_MENU.map((object) => ({
        key: `/records/${object}`,
        label: <Link to={`/records/${object}`}>{t(`nav.${object}`)}</Link>,
      })),
    },
    {
      key: '/me/access',
      icon: <SafetyOutlined />,
      label: <Link to="/me/access">{t('nav.myAccess')}</Link>,
    },
    ...(userAdmin || roleAdmin
      ? [
          {
            key: 'admin',
            icon: <DashboardOutlined />,
            label: t('nav.admin'),
            children: [
              { key: '/admin', label: <Link to="/admin">{t('nav.adminHome')}</Link> },
              ...(userAdmin
                ? [
                    {
                      key: '/admin/departments',
                      label: <Link to="/admin/departments">{t('nav.departments')}</Link>,
                    },
                    { key: '/admin/users', label: <Link to="/admin/users">{t('nav.users')}</Link> },
                    {
                      key: '/admin/groups',
                      label: <Link to="/admin/groups">{t('nav.groups')}</Link>,
                    },
                    {
                      key: '/admin/onboarding-templates',
                      label: <Link to="/admin/onboarding-templates">{t('jml:templates.nav')}</Link>,
                    },
                  ]
                : []),
              ...(roleAdmin
                ? [
                    { key: '/admin/roles', label: <Link to="/admin/roles">{t('nav.roles')}</Link> },
                    {
                      key: '/admin/sharing',
                      label: <Link to="/admin/sharing">{t('nav.sharing')}</Link>,
                    },
                    { key: '/admin/sod', label: <Link to="/admin/sod">{t('sod:nav.sod')}</Link> },
                    {
                      key: '/admin/least-privilege',
                      label: <Link to="/admin/least-privilege">{t('sod:nav.leastPrivilege')}</Link>,
                    },
                    {
                      key: '/admin/approval-chains',
                      label: <Link to="/admin/approval-chains">{t('requests:nav.chains')}</Link>,
                    },
                    {
                      key: '/admin/inspector',
                      icon: <AuditOutlined />,
                      label: <Link to="/admin/inspector">{t('nav.inspector')}</Link>,
                    },
                    {
                      key: '/admin/four-eyes',
                      label: <Link to="/admin/four-eyes">{t('fourEyes:nav.settings')}</Link>,
                    },
                  ]
                : []),
              {
                key: '/admin/pending-changes',
                label: <Link to="/admin/pending-changes">{t('fourEyes:nav.pending')}</Link>,
              },
            ],
          },
        ]
      : []),
    { key: '/reviews/mine', label: <Link to="/reviews/mine">{tr('nav.mine')}</Link> },
    ...(holds(me, 'access_review_admin')
      ? [
          {
            key: '/reviews/campaigns',
            label: <Link to="/reviews/campaigns">{tr('nav.campaigns')}</Link>,
          },
        ]
      : []),
    {
      key: 'requests',
      icon: <SafetyOutlined />,
      label: t('requests:nav.request'),
      children: [
        {
          key: '/requests/new',
          label: <Link to="/requests/new">{t('requests:nav.request')}</Link>,
        },
        { key: '/requests', label: <Link to="/requests">{t('requests:nav.mine')}</Link> },
        {
          key: '/requests/approvals',
          label: <Link to="/requests/approvals">{t('requests:nav.approvals')}</Link>,
        },
      ],
    },
    ...(holds(me, 'audit_view')
      ? [
          {
            key: '/admin/audit',
            icon: <FileSearchOutlined />,
            label: <Link to="/admin/audit">{t('audit:nav.audit')}</Link>,
          },
        ]
      : []),
    ...(holds(me, 'security_monitor')
      ? [
          {
            key: 'monitoring',
            icon: <AlertOutlined />,
            label: t('monitoring:nav.alerts'),
            children: [
              {
                key: '/admin/monitoring',
                label: <Link to="/admin/monitoring">{t('monitoring:nav.alerts')}</Link>,
              },
              {
                key: '/admin/monitoring/rules',
                label: <Link to="/admin/monitoring/rules">{t('monitoring:nav.rules')}</Link>,
              },
              {
                key: '/admin/webhooks',
                label: <Link to="/admin/webhooks">{t('monitoring:nav.webhooks')}</Link>,
              },
            ],
          },
        ]
      : []),
    // 数据保护 / Data protection: one group for every data-protection screen the user may open.
    ...(dataProtection.length > 0
      ? [
          {
            key: 'data-protection',
            icon: <LockOutlined />,
            label: t('encryption:nav.group'),
            children: dataProtection,
          },
        ]
      : []),
    {
      key: '/account',
      icon: <UserOutlined />,
      label: <Link to="/account">{t('nav.account')}</Link>,
    },
  ];
  const selected = location.pathname.split('/').slice(0, 3).join('/') || '/';

  const signOut = async () => {
    setViewAs(null);
    const { response } = await api.POST('/v1/auth/logout', { body: {} as never });
    // A session the server did not end is not "signed out": say so and stay.
    if (!response.ok && response.status !== 401) {
      void message.error(t('signOutFailed'));
      return;
    }
    forgetCsrfToken();
    queryClient.clear();
    void navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="custos-skip-link">
        {t('skipToContent')}
      </a>
      <Layout.Sider width={208} theme="light" breakpoint="lg" collapsedWidth={64}>
        <div style={{ padding: '16px 20px', fontWeight: 600 }}>
          <TeamOutlined aria-hidden /> Custos
        </div>
        <nav aria-label={t('mainNav')}>
          <Menu
            mode="inline"
            items={items}
            selectedKeys={[selected, location.pathname]}
            defaultOpenKeys={['records', 'admin']}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            paddingInline: 24,
          }}
        >
          <Typography.Text strong>{t('appName')}</Typography.Text>
          <Space>
            <LanguageSwitch />
            {/* Your own notifications: not while viewing as someone (the server serves reads only). */}
            {viewingAs === null && <NotificationBell />}
            <Typography.Text data-testid="signed-in-user">{me?.user.name}</Typography.Text>
            <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
              {t('signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <ViewAsBanner />
        <Layout.Content id="main" tabIndex={-1} style={{ margin: 16 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
