import { Card, Col, Descriptions, Row, Segmented, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState, Loading } from '../shared/page-state.tsx';
import { FunctionsCard, GrantsCard, SharingRulesCard, TeamsCard } from './access-lists.tsx';
import { ObjectAccessCard } from './object-access-card.tsx';
import { ReachChart } from './reach-chart.tsx';
import {
  ACCESS_OBJECTS,
  accessObjectOf,
  useMyAccess,
  type MyAccess,
  type ReachObject,
} from './use-my-access.ts';

function Names({ items, empty }: { items: { id: string; name: string }[]; empty: string }) {
  if (items.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Space size={4} wrap>
      {items.map((i) => (
        <Tag key={i.id}>{i.name}</Tag>
      ))}
    </Space>
  );
}

/** Who I am in the policy: roles, department, clearance, groups, pools. */
function SummaryCard({ access }: { access: MyAccess }) {
  const { t } = useTranslation('me');
  return (
    <Card data-testid="summary">
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('user')}>{access.user.name}</Descriptions.Item>
        <Descriptions.Item label={t('department')}>
          {access.user.departmentName ?? t('noDepartment')}
        </Descriptions.Item>
        <Descriptions.Item label={t('kindLabel')}>
          {t(`kind.${access.user.kind}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('roles')}>
          <span data-testid="my-roles">
            <Names items={access.roles} empty={t('noRoles')} />
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('clearanceLabel')}>
          <Space size={4} orientation="vertical">
            <Tag color="purple">{t(`clearance.${access.clearance}`)}</Tag>
            <Typography.Text type="secondary">{t('clearanceHelp')}</Typography.Text>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('groups')}>
          <Names items={access.groups} empty={t('noGroups')} />
        </Descriptions.Item>
        <Descriptions.Item label={t('pools')}>
          <Names items={access.pools} empty={t('noPools')} />
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/**
 * "My access" (`/me/access`): my roles, the scope of every action on the chosen object
 * (`?object=`) and which role gives it, field levels, function permissions, clearance, groups,
 * teams, grants, sharing rules and pools — and how many records I reach through each path. All of
 * it from `GET /v1/auth/me/access`.
 */
export function MyAccessPage() {
  const { t } = useTranslation('me');
  const [params, setParams] = useSearchParams();
  const object = accessObjectOf(params.get('object'));
  const query = useMyAccess(object);
  const access = query.data;
  const objectAccess = access?.objects.find((o) => o.object === object);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 4 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      </div>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : access === undefined ? null : (
        <>
          <SummaryCard access={access} />
          <Space wrap align="center">
            <Typography.Text id="object-switch-label">{t('objectSwitch')}</Typography.Text>
            <Segmented<ReachObject>
              aria-labelledby="object-switch-label"
              data-testid="object-switch"
              value={object}
              options={ACCESS_OBJECTS.map((o) => ({ value: o, label: t(`common:objects.${o}`) }))}
              onChange={(value) => {
                const next = new URLSearchParams(params);
                if (value === 'customer') next.delete('object');
                else next.set('object', value);
                setParams(next, { replace: true });
              }}
            />
          </Space>
          {query.isFetching && access.reach.object !== object ? (
            <Loading />
          ) : (
            <ReachChart reach={access.reach} />
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              {objectAccess !== undefined && <ObjectAccessCard access={objectAccess} />}
            </Col>
            <Col xs={24} xl={10}>
              <FunctionsCard functions={access.functions} />
            </Col>
            <Col xs={24} xl={12}>
              <TeamsCard teams={access.teams} />
            </Col>
            <Col xs={24} xl={12}>
              <SharingRulesCard rules={access.sharingRules} />
            </Col>
            <Col span={24}>
              <GrantsCard grants={access.grants} />
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
