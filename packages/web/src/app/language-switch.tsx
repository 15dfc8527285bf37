import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, storeLanguage, type Language } from '../i18n/languages.ts';

/** Switch the console's language (every string; remembered in this browser). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select<Language>
      aria-label={t('language')}
      data-testid="language-switch"
      value={i18n.language as Language}
      style={{ width: 110 }}
      options={LANGUAGES.map((lang) => ({ value: lang, label: t(`languages.${lang}`) }))}
      onChange={(lang) => {
        storeLanguage(lang);
        void i18n.changeLanguage(lang);
      }}
    />
  );
}
