// Import of key staff from .xlsx/.csv: choose a file → dry run with every bad row explained → confirm. The header row
// names the columns 姓名, 身份证号 (as Text cells), 手机, 岗位, 岗位名称, 上岗日期, 离岗日期.
import { useState } from 'react';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ImportReport } from '@anjian/contracts';
import { call } from '../../api/client';
import { useRefresh } from '../../api/hooks';
import { useI18n } from '../../app/i18n';

// A row's problem is shown under the column it is in, as the template's header names it, not the field's key.
const columnLabels: Record<string, { zh: string; en: string }> = {
  name: { zh: '姓名', en: 'Name' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  phone: { zh: '手机', en: 'Phone' },
  post: { zh: '岗位', en: 'Post' },
  postTitle: { zh: '岗位名称', en: 'Post title' },
  employedFrom: { zh: '上岗日期', en: 'Employed from' },
  employedTo: { zh: '离岗日期', en: 'Employed to' },
  file: { zh: '文件', en: 'File' },
};

export function PeopleImport() {
  const { t } = useI18n();
  const refresh = useRefresh();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (f: File, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', f, f.name);
    setBusy(true);
    setError(null);
    try {
      const r = await call('POST /api/people/import', { form, query: { dryRun } });
      setReport(r);
      if (!dryRun) await refresh('GET /api/people');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setFile(null);
    setReport(null);
    setError(null);
  };
  return (
    <>
      <Upload
        accept=".xlsx,.csv"
        showUploadList={false}
        beforeUpload={(f) => {
          setFile(f);
          void send(f, true);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy && !report}>
          {t('导入', 'Import')}
        </Button>
      </Upload>
      <Modal
        open={!!file}
        onCancel={close}
        title={t('导入人员', 'Import people')}
        footer={
          report?.dryRun ? (
            <Space>
              <Button onClick={close}>{t('取消', 'Cancel')}</Button>
              <Button type="primary" loading={busy} disabled={report.created === 0} onClick={() => file && send(file, false)}>
                {t(`导入 ${report.created} 人`, `Import ${report.created}`)}
              </Button>
            </Space>
          ) : (
            <Button onClick={close}>{t('完成', 'Done')}</Button>
          )
        }
      >
        {error && <Alert type="error" message={error} />}
        {report && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text data-testid="people-import-report">
              {report.dryRun ? t('预检：', 'Check: ') : t('结果：', 'Result: ')}
              {t(
                `共 ${report.total} 行，新增 ${report.created}，已在名单 ${report.unchanged}，有误 ${report.rejected}`,
                `${report.total} rows: ${report.created} new, ${report.unchanged} already listed, ${report.rejected} rejected`,
              )}
            </Typography.Text>
            {report.errors.length > 0 && (
              <Table
                size="small"
                rowKey={(e) => `${e.row}:${e.field}`}
                dataSource={report.errors}
                pagination={{ pageSize: 10 }}
                columns={[
                  { title: t('行', 'Row'), dataIndex: 'row', width: 60 },
                  {
                    title: t('列', 'Column'),
                    dataIndex: 'field',
                    width: 110,
                    render: (f: string) => (columnLabels[f] ? t(columnLabels[f].zh, columnLabels[f].en) : f),
                  },
                  { title: t('问题', 'Problem'), dataIndex: 'message' },
                ]}
              />
            )}
          </Space>
        )}
      </Modal>
    </>
  );
}
