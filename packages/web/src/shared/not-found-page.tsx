import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/**
 * "Not found": a record that does not exist and one the user may not read look the same (the
 * API answers 404 for both; existence is not revealed).
 */
export function NotFoundPage({ extra }: { extra?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('notFound.title')}</h1>}
      subTitle={t('notFound.text')}
      extra={
        <>
          <Button type="primary" onClick={() => void navigate(-1)}>
            {t('notFound.back')}
          </Button>
          {extra}
        </>
      }
    />
  );
}
