// The one way the web app shows a failure: an error alert with the server's bilingual message and, when the server
// named fields, each field's reason; and, for record pages, the loading / not-found / error states in one place.
import type { ReactNode } from 'react';
import { Alert, Button, Result, Spin } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import { isNotFound } from '../api/hooks';
import { useI18n } from '../app/i18n';
import { joinMessages } from './apiErrors';

export function errorText(e: unknown): string {
  if (e instanceof ApiError) return joinMessages([e.message, ...e.details.map((d) => d.message)].filter((v, i, a) => a.indexOf(v) === i));
  if (e instanceof Error) return e.message;
  return String(e);
}

export function ErrorDisplay({ error, style, testId }: { error: unknown; style?: React.CSSProperties; testId?: string }) {
  if (!error) return null;
  const message = typeof error === 'string' ? error : error instanceof ApiError ? error.message : errorText(error);
  const details = error instanceof ApiError ? error.details.filter((d) => d.message !== message) : [];
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12, ...style }}
      message={message}
      description={details.length ? details.map((d) => <div key={`${d.field}:${d.message}`}>{d.message}</div>) : undefined}
      data-testid={testId ?? 'error-display'}
    />
  );
}

/**
 * A record page's states: loading, not found (404: missing or outside the caller's jurisdiction, the server does not
 * say which), another error, or the record.
 */
export function RecordState<T>({
  query,
  what,
  children,
}: {
  query: { isLoading: boolean; error: Error | null; data: T | undefined };
  what: { zh: string; en: string };
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  if (query.isLoading) return <Spin style={{ margin: 48 }} />;
  if (isNotFound(query.error))
    return (
      <div data-testid="not-found">
        <Result
          status="404"
          title={t(`${what.zh}不存在或不在您的管辖范围内`, `This ${what.en} does not exist or is outside your jurisdiction`)}
          extra={<Button onClick={() => navigate(-1)}>{t('返回', 'Back')}</Button>}
        />
      </div>
    );
  if (query.error) return <ErrorDisplay error={query.error} />;
  if (query.data === undefined) return <Spin style={{ margin: 48 }} />;
  return <>{children(query.data)}</>;
}
