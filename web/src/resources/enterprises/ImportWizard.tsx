// Import wizard: upload an .xlsx/.csv → dry-run report (every bad row explained) → confirm → result.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Result, Space, Statistic, Steps, Table, Upload, Row, Col } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { ImportReport } from '@anjian/contracts';
import { call, download } from '../../api/client';
import { useI18n } from '../../app/i18n';

export function ImportWizard() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const step = result ? 2 : preview ? 1 : 0;

  const send = async (dryRun: boolean) => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    setBusy(true);
    setError(null);
    try {
      const report = await call('POST /api/enterprises/import', { form, query: { dryRun } });
      if (dryRun) setPreview(report);
      else {
        setResult(report);
        await qc.invalidateQueries({ queryKey: ['enterprises'] });
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const counts = (r: ImportReport) => (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      <Col span={4}>
        <Statistic title={t('总行数', 'Rows')} value={r.total} />
      </Col>
      <Col span={5}>
        <Statistic title={t('新增', 'Created')} value={r.created} valueStyle={{ color: '#3f8600' }} />
      </Col>
      <Col span={5}>
        <Statistic title={t('更新', 'Updated')} value={r.updated} />
      </Col>
      <Col span={5}>
        <Statistic title={t('无变化', 'Unchanged')} value={r.unchanged} />
      </Col>
      <Col span={5}>
        <Statistic title={t('拒绝', 'Rejected')} value={r.rejected} valueStyle={{ color: r.rejected ? '#cf1322' : undefined }} />
      </Col>
    </Row>
  );
  const errors = (r: ImportReport) =>
    r.errors.length > 0 && (
      <Table
        data-testid="import-errors"
        rowKey={(e) => `${e.row}-${e.field}-${e.message}`}
        size="small"
        dataSource={r.errors}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: t('行号', 'Row'), dataIndex: 'row', width: 80 },
          // The template's headers are Chinese, as in the user's file; the field's key helps an English reader.
          {
            title: t('列', 'Column'),
            key: 'column',
            width: 160,
            render: (_: unknown, e: ImportReport['errors'][number]) => (e.column ? t(e.column, `${e.column} (${e.field})`) : e.field),
          },
          { title: t('问题', 'Problem'), dataIndex: 'message' },
        ]}
        footer={() => (r.errorsTruncated ? t('仅显示前 1000 条错误', 'Only the first 1,000 errors are listed') : null)}
      />
    );

  return (
    <Card
      title={t('导入企业', 'Import enterprises')}
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => download('/api/enterprises/import-template')}>
          {t('下载模板', 'Download template')}
        </Button>
      }
    >
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[{ title: t('上传文件', 'Upload') }, { title: t('预览校验结果', 'Preview') }, { title: t('完成', 'Done') }]}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {step === 0 && (
        <>
          <Upload.Dragger
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{t('点击或拖拽 .xlsx / .csv 文件到此处（不超过 20 MB）', 'Click or drop an .xlsx / .csv file here (at most 20 MB)')}</p>
          </Upload.Dragger>
          <Button
            type="primary"
            style={{ marginTop: 16 }}
            disabled={!file}
            loading={busy}
            onClick={() => send(true)}
            data-testid="import-check"
          >
            {t('校验', 'Check')}
          </Button>
        </>
      )}
      {step === 1 && preview && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t(
              '以下为试导入结果，尚未写入数据库；有问题的行不会影响其他行。',
              'This is a dry run: nothing has been written yet, and bad rows never block good ones.',
            )}
          />
          {counts(preview)}
          {errors(preview)}
          <Space style={{ marginTop: 16 }}>
            <Button
              type="primary"
              loading={busy}
              onClick={() => send(false)}
              disabled={preview.created + preview.updated === 0}
              data-testid="import-confirm"
            >
              {t('确认导入', 'Import')}
            </Button>
            <Button onClick={() => (setPreview(null), setFile(null))}>{t('重新选择', 'Choose another file')}</Button>
          </Space>
        </>
      )}
      {step === 2 && result && (
        <>
          <Result status={result.rejected ? 'warning' : 'success'} title={t('导入完成', 'Import finished')} />
          {counts(result)}
          {errors(result)}
          <Button type="primary" onClick={() => navigate('/enterprises')}>
            {t('返回列表', 'Back to the list')}
          </Button>
        </>
      )}
    </Card>
  );
}
