import { useQuery } from '@tanstack/react-query';
import { Alert, Button, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { useRoles } from '../org/org-data.ts';

export interface OnboardingTemplate {
  id: string;
  departmentId: string;
  title: string;
  roleIds: string[];
  clearance: 'public' | 'internal' | 'confidential' | 'restricted';
  groupIds: string[];
}

/**
 * In the new-user form: the onboarding template of the chosen department and title, proposed —
 * "apply" fills in its roles and clearance (and the server adds its groups).
 */
export function TemplateProposal({
  form,
  applied,
  onApplied,
}: {
  form: FormInstance;
  applied: boolean;
  onApplied: (template: OnboardingTemplate | null) => void;
}) {
  const { t } = useTranslation('jml');
  const { t: org } = useTranslation('org');
  const roles = useRoles();
  const departmentId = (form.getFieldValue('departmentId') as string | undefined) ?? '';
  const title = ((form.getFieldValue('title') as string | undefined) ?? '').trim();
  const match = useQuery({
    queryKey: ['admin', 'onboarding-template-match', departmentId, title],
    enabled: departmentId !== '' && title !== '',
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/v1/admin/onboarding-templates/match', {
            params: { query: { departmentId, title } },
          }),
        )
      ).data as unknown as OnboardingTemplate | null,
  });
  const template = match.data;
  if (template == null) return null;
  return (
    <Alert
      type={applied ? 'success' : 'info'}
      showIcon
      role="status"
      data-testid="template-proposal"
      style={{ marginBottom: 12 }}
      title={t(applied ? 'templates.applied' : 'templates.proposal', {
        roles: template.roleIds
          .map((id) => roles.data?.find((r) => r.id === id)?.name ?? id)
          .join(', '),
        clearance: org(`clearances.${template.clearance}`),
      })}
      action={
        applied ? null : (
          <Button
            size="small"
            onClick={() => {
              form.setFieldsValue({ roleIds: template.roleIds, clearance: template.clearance });
              onApplied(template);
            }}
          >
            {t('templates.apply')}
          </Button>
        )
      }
    />
  );
}
