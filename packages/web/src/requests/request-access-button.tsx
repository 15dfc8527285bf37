import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/**
 * On a record's "not found" page: ask for access to the record id followed. The page still says
 * only "not found or no access"; the request form is filled with the id, nothing more.
 */
export function RequestAccessButton({ object, recordId }: { object: string; recordId: string }) {
  const { t } = useTranslation('requests');
  const navigate = useNavigate();
  return (
    <Button
      data-testid="request-access"
      onClick={() =>
        void navigate(
          `/requests/new?object=${encodeURIComponent(object)}&recordId=${encodeURIComponent(recordId)}`,
        )
      }
    >
      {t('notFoundRequest')}
    </Button>
  );
}
