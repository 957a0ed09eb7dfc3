// Chinese first, English on request: `t('中文', 'English')` keeps both texts side by side in the code.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Bilingual } from '@anjian/contracts';
import { setApiLanguage } from '../api/client';

export type Lang = 'zh' | 'en';

interface I18n {
  lang: Lang;
  setLang(l: Lang): void;
  t(zh: string, en: string): string;
  label(b: Bilingual | undefined): string;
}

const Ctx = createContext<I18n | null>(null);
const STORAGE_KEY = 'anjian.lang';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh'));
  setApiLanguage(lang);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    setApiLanguage(l);
    document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (zh, en) => (lang === 'en' ? en : zh),
      label: (b) => (b ? (lang === 'en' ? b.en : b.zh) : ''),
    }),
    [lang, setLang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
