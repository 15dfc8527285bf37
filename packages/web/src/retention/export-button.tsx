import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The header in which an export states how many contacts it withheld (do not sell or share). */
const WITHHELD_HEADER = 'x-custos-withheld-do-not-sell';

interface Outcome {
  count: number;
  withheld: number;
}

/**
 * "导出 CSV / Export CSV" for an object (function `export`): downloads what the server exports
 * for the caller and says how many records it held and how many it withheld because the person
 * opted out of sale or sharing (CCPA) — both as the server counted them.
 */
export function ExportButton({ path }: { path: string }) {
  const { t } = useTranslation('retention');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setFailed(null);
    try {
      const response = await fetch(`/v1/${path}/export?format=json`, {
        credentials: 'same-origin',
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { message?: string };
        setFailed(body.message ?? String(response.status));
        return;
      }
      const text = await response.text();
      const body = JSON.parse(text) as { count: number };
      setOutcome({
        count: body.count,
        withheld: Number(response.headers.get(WITHHELD_HEADER) ?? '0'),
      });
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${path}.json`;
      link.click();
      URL.revokeObjectURL(url);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={8}>
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
        {t('export.button')}
      </Button>
      {outcome !== null && (
        <Alert
          type={outcome.withheld > 0 ? 'warning' : 'success'}
          data-testid="export-outcome"
          title={`${t('export.count', { count: outcome.count })} · ${t('export.withheld', { count: outcome.withheld })}`}
        />
      )}
      {failed !== null && <Alert type="error" title={failed} />}
    </Flex>
  );
}
