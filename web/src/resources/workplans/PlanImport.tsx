// Import of a plan's task table (《工作分工及进展情况表》) from the Word or Excel file it was written in: choose a
// file → preview (items with their content rows, lead and co-operating units, and every problem — an empty cell, a
// unit no organisation matches) → confirm, which sends the same file with the plan's version. A problem blocks the
// confirm: fix the file (or add the organisation) and choose it again.
import { useState } from 'react';
import { Alert, Button, List, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { WorkPlanImportReport } from '@anjian/contracts';
import { ApiError, call } from '../../api/client';
import { useI18n } from '../../app/i18n';

type PreviewRow = WorkPlanImportReport['items'][number]['rows'][number] & { item: string; span: number };

export function PlanImport({ planId, version, onDone }: { planId: string; version: number; onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<WorkPlanImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (f: File, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', f, f.name);
    setBusy(true);
    setError(null);
    try {
      const r = await call('POST /api/workplans/:id/import', { params: { id: planId }, form, query: { dryRun, version } });
      setReport(r);
      if (!dryRun) await onDone();
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 409
          ? t('方案已被他人更新，请关闭后重试', 'The plan changed; close and try again')
          : (e as Error).message,
      );
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setFile(null);
    setReport(null);
    setError(null);
  };
  const rows: PreviewRow[] = (report?.items ?? []).flatMap((i) =>
    i.rows.map((r, k) => ({ ...r, item: i.item, span: k === 0 ? i.rows.length : 0 })),
  );
  const blocked = !report || report.problems.length > 0 || report.rowCount === 0;
  return (
    <>
      <Upload
        accept=".docx,.xlsx"
        showUploadList={false}
        beforeUpload={(f) => {
          setFile(f);
          setReport(null);
          void send(f, true);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy && !report} data-testid="workplan-import">
          {t('导入分工表', 'Import task table')}
        </Button>
      </Upload>
      <Modal
        open={!!file}
        onCancel={close}
        width={1000}
        title={t('导入工作分工表（Word / Excel）', 'Import the task table (Word / Excel)')}
        footer={
          report?.dryRun !== false ? (
            <Space>
              <Button onClick={close}>{t('取消', 'Cancel')}</Button>
              <Button
                type="primary"
                loading={busy}
                disabled={blocked}
                onClick={() => file && send(file, false)}
                data-testid="workplan-import-confirm"
              >
                {t(`确认导入 ${report?.taskCount ?? 0} 项任务`, `Import ${report?.taskCount ?? 0} tasks`)}
              </Button>
            </Space>
          ) : (
            <Button onClick={close}>{t('完成', 'Done')}</Button>
          )
        }
      >
        {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
        {report && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text data-testid="workplan-import-report">
              {report.dryRun ? t('预览：', 'Preview: ') : t('已导入：', 'Imported: ')}
              {t(
                `${report.itemCount} 个工作项目，${report.rowCount} 条工作内容，${report.dryRun ? report.taskCount : report.created} 项任务` +
                  (report.reportCount ? `，${report.reportCount} 条 ${report.reportMonth} 进展情况` : ''),
                `${report.itemCount} items, ${report.rowCount} content rows, ${report.dryRun ? report.taskCount : report.created} tasks` +
                  (report.reportCount ? `, ${report.reportCount} progress reports for ${report.reportMonth}` : ''),
              )}
            </Typography.Text>
            {report.problems.length > 0 && (
              <Alert
                type="error"
                message={t(
                  `有 ${report.problems.length} 处问题，修改后重新选择文件`,
                  `${report.problems.length} problems: fix the file and choose it again`,
                )}
                description={
                  <List
                    size="small"
                    dataSource={report.problems}
                    data-testid="workplan-import-problems"
                    renderItem={(p) => (
                      <List.Item>
                        {p.row > 0 ? t(`第 ${p.row} 行：`, `Row ${p.row}: `) : ''}
                        {p.zh} / {p.en}
                      </List.Item>
                    )}
                  />
                }
              />
            )}
            <Table<PreviewRow>
              rowKey="row"
              size="small"
              dataSource={rows}
              pagination={false}
              scroll={{ x: 900, y: 420 }}
              columns={[
                { title: t('工作项目', 'Item'), dataIndex: 'item', width: 170, onCell: (r) => ({ rowSpan: r.span }) },
                { title: t('工作内容', 'Content'), dataIndex: 'content', ellipsis: true },
                { title: t('责任单位', 'Responsibility'), dataIndex: 'responsibility', width: 200 },
                {
                  title: t('牵头 / 配合', 'Lead / co-operating'),
                  width: 240,
                  render: (_, r) => (
                    <Space size={2} wrap>
                      {r.leadOrgNames.map((n) => (
                        <Tag color="blue" key={n}>
                          {n}
                        </Tag>
                      ))}
                      {r.coOrgNames.map((n) => (
                        <Tag key={n}>{n}</Tag>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          </Space>
        )}
      </Modal>
    </>
  );
}
