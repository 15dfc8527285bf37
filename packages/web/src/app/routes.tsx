import { lazy, Suspense, type ComponentType } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { LoginPage } from '../auth/login-page.tsx';
import { RequireSession } from '../auth/require-session.tsx';
import { Loading } from '../shared/page-state.tsx';
import { Shell } from './shell.tsx';

/** A page loaded on demand (its own chunk): the first route stays small. */
function page<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): ComponentType {
  const Lazy = lazy(async (): Promise<{ default: ComponentType }> => ({
    default: (await load())[name],
  }));
  return function LazyPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Lazy />
      </Suspense>
    );
  };
}

const NotFoundPage = page(() => import('../shared/not-found-page.tsx'), 'NotFoundPage');
const SetPasswordPage = page(() => import('../auth/set-password-page.tsx'), 'SetPasswordPage');
const RecordListPage = page(() => import('../records/record-list-page.tsx'), 'RecordListPage');
const RecordDetailPage = page(
  () => import('../records/record-detail-page.tsx'),
  'RecordDetailPage',
);
const MyAccessPage = page(() => import('../me/my-access-page.tsx'), 'MyAccessPage');
const AccountPage = page(() => import('../account/account-page.tsx'), 'AccountPage');
const AdminHomePage = page(() => import('../admin-home/admin-home-page.tsx'), 'AdminHomePage');
const DepartmentsPage = page(() => import('../org/departments-page.tsx'), 'DepartmentsPage');
const UsersPage = page(() => import('../org/users-page.tsx'), 'UsersPage');
const UserDetailPage = page(() => import('../org/user-detail-page.tsx'), 'UserDetailPage');
const GroupsPage = page(() => import('../org/groups-page.tsx'), 'GroupsPage');
const OnboardingTemplatesPage = page(
  () => import('../jml/onboarding-templates-page.tsx'),
  'OnboardingTemplatesPage',
);
const RolesPage = page(() => import('../roles/roles-page.tsx'), 'RolesPage');
const RoleEditorPage = page(() => import('../roles/role-editor-page.tsx'), 'RoleEditorPage');
const RoleComparePage = page(() => import('../roles/role-compare-page.tsx'), 'RoleComparePage');
const MyReviewsPage = page(() => import('../reviews/my-reviews-page.tsx'), 'MyReviewsPage');
const CampaignsPage = page(() => import('../reviews/campaigns-page.tsx'), 'CampaignsPage');
const CampaignDetailPage = page(
  () => import('../reviews/campaign-detail-page.tsx'),
  'CampaignDetailPage',
);
const SharingPage = page(() => import('../sharing/sharing-page.tsx'), 'SharingPage');
const RequestAccessPage = page(
  () => import('../requests/request-access-page.tsx'),
  'RequestAccessPage',
);
const MyRequestsPage = page(() => import('../requests/my-requests-page.tsx'), 'MyRequestsPage');
const ApprovalsPage = page(() => import('../requests/approvals-page.tsx'), 'ApprovalsPage');
const ApprovalChainsPage = page(
  () => import('../requests/approval-chains-page.tsx'),
  'ApprovalChainsPage',
);
const PendingChangesPage = page(
  () => import('../four-eyes/pending-changes-page.tsx'),
  'PendingChangesPage',
);
const PendingChangeDetailPage = page(
  () => import('../four-eyes/pending-change-detail-page.tsx'),
  'PendingChangeDetailPage',
);
const FourEyesSettingsPage = page(
  () => import('../four-eyes/four-eyes-settings-page.tsx'),
  'FourEyesSettingsPage',
);
const SodPage = page(() => import('../sod/sod-page.tsx'), 'SodPage');
const LeastPrivilegePage = page(
  () => import('../sod/least-privilege-page.tsx'),
  'LeastPrivilegePage',
);
const AuditLogPage = page(() => import('../audit/audit-log-page.tsx'), 'AuditLogPage');
const MonitoringPage = page(() => import('../monitoring/monitoring-page.tsx'), 'MonitoringPage');
const MonitoringRulesPage = page(
  () => import('../monitoring/monitoring-rules-page.tsx'),
  'MonitoringRulesPage',
);
const EncryptionPage = page(() => import('../encryption/encryption-page.tsx'), 'EncryptionPage');
const WebhooksPage = page(() => import('../monitoring/webhooks-page.tsx'), 'WebhooksPage');
const RetentionPage = page(() => import('../retention/retention-page.tsx'), 'RetentionPage');
const PrivacyRequestsPage = page(
  () => import('../privacy/privacy-requests-page.tsx'),
  'PrivacyRequestsPage',
);
const BackupsPage = page(() => import('../backups/backups-page.tsx'), 'BackupsPage');
const PrivacyRequestPage = page(
  () => import('../privacy/privacy-request-page.tsx'),
  'PrivacyRequestPage',
);
const InspectorPage = page(
  () => import('../inspector/access-inspector-page.tsx'),
  'AccessInspectorPage',
);

/** The alert notifications link to `/monitoring?alert=…`: the alerts screen, the same query. */
function MonitoringLink() {
  return <Navigate to={`/admin/monitoring${useLocation().search}`} replace />;
}

/**
 * Every screen's path. Records: `/records/customers`, `/records/customers/:id` (and contacts,
 * deals, orders, tickets, activities). Administration under `/admin`.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/set-password" element={<SetPasswordPage />} />
      <Route
        element={
          <RequireSession>
            <Shell />
          </RequireSession>
        }
      >
        <Route index element={<Navigate to="/records/customers" replace />} />
        <Route path="records/:object" element={<RecordListPage />} />
        <Route path="records/:object/:id" element={<RecordDetailPage />} />
        <Route path="me/access" element={<MyAccessPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="reviews/mine" element={<MyReviewsPage />} />
        <Route path="reviews/campaigns" element={<CampaignsPage />} />
        <Route path="reviews/campaigns/:id" element={<CampaignDetailPage />} />
        <Route path="admin" element={<AdminHomePage />} />
        <Route path="admin/departments" element={<DepartmentsPage />} />
        <Route path="admin/users" element={<UsersPage />} />
        <Route path="admin/users/:id" element={<UserDetailPage />} />
        <Route path="admin/groups" element={<GroupsPage />} />
        <Route path="admin/onboarding-templates" element={<OnboardingTemplatesPage />} />
        <Route path="admin/roles" element={<RolesPage />} />
        <Route path="admin/roles/compare" element={<RoleComparePage />} />
        <Route path="admin/roles/:id" element={<RoleEditorPage />} />
        <Route path="admin/sharing" element={<SharingPage />} />
        <Route path="admin/sod" element={<SodPage />} />
        <Route path="admin/least-privilege" element={<LeastPrivilegePage />} />
        <Route path="admin/inspector" element={<InspectorPage />} />
        <Route path="requests" element={<MyRequestsPage />} />
        <Route path="requests/new" element={<RequestAccessPage />} />
        <Route path="requests/approvals" element={<ApprovalsPage />} />
        <Route path="admin/approval-chains" element={<ApprovalChainsPage />} />
        <Route path="admin/pending-changes" element={<PendingChangesPage />} />
        <Route path="admin/pending-changes/:id" element={<PendingChangeDetailPage />} />
        <Route path="admin/four-eyes" element={<FourEyesSettingsPage />} />
        <Route path="admin/audit" element={<AuditLogPage />} />
        <Route path="admin/monitoring" element={<MonitoringPage />} />
        <Route path="privacy/requests" element={<PrivacyRequestsPage />} />
        <Route path="admin/backups" element={<BackupsPage />} />
        <Route path="privacy/retention" element={<RetentionPage />} />
        <Route path="privacy/requests/:id" element={<PrivacyRequestPage />} />
        <Route path="admin/monitoring/rules" element={<MonitoringRulesPage />} />
        <Route path="admin/webhooks" element={<WebhooksPage />} />
        <Route path="admin/encryption" element={<EncryptionPage />} />
        <Route path="monitoring" element={<MonitoringLink />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
