import { EyeInvisibleOutlined, LockOutlined } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ObjectType } from '../shared/admin-types.ts';

/** A field's words in the current language (a field the console has no words for: its name). */
export function fieldLabel(t: TFunction, object: ObjectType, field: string): string {
  return t(`records:fields.${object}.${field}`, { defaultValue: field });
}

/** Fields that name a record, by preference (customers, contacts, deals; tickets; orders; activities). */
const TITLE_FIELDS = ['name', 'subject', 'orderNo', 'summary'];

/** The field that names a record of an object in lists and titles (else the first field). */
export function titleFieldOf(fields: Record<string, unknown>): string | undefined {
  return TITLE_FIELDS.find((f) => f in fields) ?? Object.keys(fields)[0];
}

/** A field value in words: empty, yes/no, or the value as the API gave it (masked stays masked). */
export function FieldValue({ value, masked }: { value: unknown; masked: boolean }) {
  const { t } = useTranslation(['records', 'fieldEncryption']);
  let text: string;
  // An erased person's value (its key destroyed), or a value the log withholds from this reader.
  if (isMarker(value, '$redacted'))
    return (
      <Tag data-testid="redacted-marker" title={t('fieldEncryption:redactedHint')}>
        {t('fieldEncryption:redacted')}
      </Tag>
    );
  if (isMarker(value, '$withheld'))
    return <Tag data-testid="withheld-marker">{t('fieldEncryption:withheld')}</Tag>;
  if (value === null || value === undefined || value === '') text = t('detail.emptyValue');
  else if (typeof value === 'boolean') text = t(`form.boolean.${value}`);
  else text = String(value);
  return (
    <Space size={4}>
      <span>{text}</span>
      {masked && (
        <Tag icon={<EyeInvisibleOutlined aria-hidden />} data-testid="masked-marker">
          {t('masked')}
        </Tag>
      )}
    </Space>
  );
}

/** The title of a record: its naming field's value, else its id. */
export function recordTitle(record: { id: string; fields: Record<string, unknown> }): string {
  const field = titleFieldOf(record.fields);
  const value = field === undefined ? undefined : record.fields[field];
  return value === null || value === undefined || value === '' ? record.id : String(value);
}

/** A secondary line of text, e.g. ids. */
export function Muted({ children }: { children: React.ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}

/** `{ $redacted: true }` / `{ $withheld: true }` as the API renders them. */
function isMarker(value: unknown, key: '$redacted' | '$withheld'): boolean {
  return (
    typeof value === 'object' && value !== null && (value as Record<string, unknown>)[key] === true
  );
}

/** The "encrypted" hint by a field stored encrypted at rest. */
export function EncryptedMarker() {
  const { t } = useTranslation('fieldEncryption');
  return (
    <Tag
      icon={<LockOutlined aria-hidden />}
      title={t('encryptedHint')}
      style={{ marginInlineStart: 6 }}
      data-testid="encrypted-marker"
    >
      {t('encrypted')}
    </Tag>
  );
}
