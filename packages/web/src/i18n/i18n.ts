import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, storedLanguage, type Language } from './languages.ts';
import { NAMESPACES } from './namespaces.ts';

/** Start i18next with every namespace in both languages, in the language chosen before. */
export function initI18n(language: Language = storedLanguage()): typeof i18next {
  const resources = Object.fromEntries(
    LANGUAGES.map((lang) => [
      lang,
      Object.fromEntries(Object.entries(NAMESPACES).map(([ns, messages]) => [ns, messages[lang]])),
    ]),
  );
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    ns: Object.keys(NAMESPACES),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = language;
  return i18next;
}
