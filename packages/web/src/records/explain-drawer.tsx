import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Divider, Drawer, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ObjectType } from '../shared/admin-types.ts';
import { ErrorState, Loading } from '../shared/page-state.tsx';
import { EXPLAINED_ACTIONS, explainAction, type Explanation } from './record-api.ts';

// Tag colours dark enough for WCAG AA text contrast on their light backgrounds.
const ALLOWED_STYLE = { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' };
const DENIED_STYLE = { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' };

/** The sentence of an explanation in the console's language (the API answers both). */
export function explanationText(explanation: Explanation, language: string): string {
  const text = explanation.text as Record<string, string | undefined>;
  return text[language] ?? explanation.sentence;
}

/** The kinds of reasons of an explanation: every path that allowed it, or the rule that denied it. */
function reasonKinds(explanation: Explanation): string[] {
  if (explanation.allowed) return explanation.allowedBy.map((r) => String(r.kind));
  const denied = explanation.deniedBy as { kind?: unknown } | null;
  return denied?.kind === undefined ? [] : [String(denied.kind)];
}

/**
 * "Why can I see this?": for each action (read, update, delete, transfer, share, export) the
 * engine's decision for me on this record (`POST /v1/authz/explain`), with every path or the
 * denying rule in words, in the current language.
 */
export function ExplainDrawer({
  open,
  onClose,
  userId,
  object,
  recordId,
}: {
  open: boolean;
  onClose: () => void;
  userId: string;
  object: ObjectType;
  recordId: string;
}) {
  const { t, i18n } = useTranslation('records');
  const answers = useQueries({
    queries: EXPLAINED_ACTIONS.map((action) => ({
      queryKey: ['explain', userId, object, recordId, action],
      queryFn: () => explainAction(userId, object, recordId, action),
      enabled: open,
    })),
  });
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={t('explain.title')}
      closable={{ 'aria-label': t('common:close') }}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('explain.intro')}</Typography.Paragraph>
      <ul data-testid="explain-list" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {EXPLAINED_ACTIONS.map((action, i) => {
          const answer = answers[i];
          return (
            <li key={action} data-testid="explain-item" data-action={action}>
              {i > 0 && <Divider style={{ margin: '12px 0' }} />}
              <Flex vertical gap={4}>
                <Space>
                  <Typography.Text strong>{t(`common:actionNames.${action}`)}</Typography.Text>
                  {answer?.data !== undefined &&
                    (answer.data.allowed ? (
                      <Tag
                        style={ALLOWED_STYLE}
                        icon={<CheckCircleFilled aria-hidden />}
                        data-allowed="true"
                      >
                        {t('explain.allowed')}
                      </Tag>
                    ) : (
                      <Tag
                        style={DENIED_STYLE}
                        icon={<CloseCircleFilled aria-hidden />}
                        data-allowed="false"
                      >
                        {t('explain.denied')}
                      </Tag>
                    ))}
                </Space>
                {answer?.isLoading === true && <Loading />}
                {answer?.error != null && <ErrorState error={answer.error} />}
                {answer?.data !== undefined && (
                  <>
                    <Space size={4} wrap>
                      <Typography.Text>
                        {answer.data.allowed ? t('explain.paths') : t('explain.deniedBy')}:
                      </Typography.Text>
                      {reasonKinds(answer.data).map((kind, k) => (
                        <Tag key={`${kind}-${k}`}>
                          {t(`explain.kinds.${kind}`, { defaultValue: kind })}
                        </Tag>
                      ))}
                    </Space>
                    <Typography.Paragraph style={{ margin: 0 }} data-testid="explain-text">
                      {explanationText(answer.data, i18n.language)}
                    </Typography.Paragraph>
                  </>
                )}
              </Flex>
            </li>
          );
        })}
      </ul>
    </Drawer>
  );
}
