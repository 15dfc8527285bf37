import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CustomerTeamsTab } from './customer-teams-tab.tsx';
import { GrantsTab } from './grants-tab.tsx';
import { OrgWideDefaultsTab } from './org-wide-defaults-tab.tsx';
import { SharingRulesTab } from './sharing-rules-tab.tsx';

/** The tabs of the sharing screen, as `?tab=` names them. */
export const SHARING_TABS = ['defaults', 'rules', 'teams', 'grants'] as const;
type SharingTab = (typeof SHARING_TABS)[number];

function tabOf(value: string | null): SharingTab {
  return (SHARING_TABS as readonly string[]).includes(value ?? '')
    ? (value as SharingTab)
    : 'defaults';
}

/**
 * 共享设置 (`/admin/sharing?tab=defaults|rules|teams|grants`): org-wide defaults, sharing rules with
 * a criteria builder, customer teams, grants with expiry. Every policy change is previewed.
 */
export function SharingPage() {
  const { t } = useTranslation('sharing');
  const [params, setParams] = useSearchParams();
  const tab = tabOf(params.get('tab'));
  const content: Record<SharingTab, React.ReactNode> = {
    defaults: <OrgWideDefaultsTab />,
    rules: <SharingRulesTab />,
    teams: <CustomerTeamsTab />,
    grants: <GrantsTab />,
  };
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => setParams({ tab: key })}
        items={SHARING_TABS.map((key) => ({
          key,
          label: t(`tabs.${key}`),
          children: content[key],
        }))}
      />
    </>
  );
}
