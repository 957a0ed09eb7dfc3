// 节假日日历: the years working days can be counted in — from the chinese-days package or entered here by the platform
// administrator from the State Council's notice — with the notice each entry came from, who entered it and when, and
// where an entered year differs from the package. A year missing is where working-day deadlines are refused.
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarYearSummary } from '@anjian/contracts';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { CalendarYearForm } from './CalendarYearForm';
import { CalendarYearView } from './CalendarYearView';
import { cstDateTime } from '../../app/time';

export function CalendarPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const manage = can('calendar.manage');
  const overview = useQuery({ queryKey: ['calendar'], queryFn: () => call('GET /api/calendar') });
  const [viewing, setViewing] = useState<number | null>(null);
  // The gap alert links here with ?year=: open that year's form straight away for the administrator.
  const asked = Number(params.get('year')) || null;
  const [editing, setEditing] = useState<number | 'new' | null>(manage && asked ? asked : null);
  const o = overview.data;
  const closeForm = (saved?: boolean) => {
    setEditing(null);
    if (params.has('year')) setParams({}, { replace: true });
    if (saved) void qc.invalidateQueries({ queryKey: ['calendar'] });
  };
  const remove = async (year: number) => {
    try {
      await call('DELETE /api/calendar/years/:year', { params: { year } });
      message.success(t('已删除', 'Deleted'));
      await qc.invalidateQueries({ queryKey: ['calendar'] });
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const sourceTag = (y: CalendarYearSummary) =>
    y.inEffect === 'package' ? (
      <Tag>{t('内置（chinese-days）', 'Built in (chinese-days)')}</Tag>
    ) : y.inPackage ? (
      <Tag color="orange">{t('本地录入，替换内置', 'Entered here, replaces built-in')}</Tag>
    ) : (
      <Tag color="blue">{t('本地录入', 'Entered here')}</Tag>
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {o && o.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="calendar-page-missing"
          message={t(
            `尚无${o.missing.join('、')}年的法定节假日安排：跨入该年的工作日期限将被拒绝计算。`,
            `No official holiday schedule for ${o.missing.join(', ')}: working-day deadlines reaching into it will be refused.`,
          )}
          description={
            manage
              ? t(
                  '国务院办公厅通常在上一年秋季发布《国务院办公厅关于XXXX年部分节假日安排的通知》。发布后请点“录入年份”，照通知原文填写放假日期和调休上班日期。',
                  'The State Council usually publishes its holiday notice for a year in the autumn before. Once it is out, use "Enter a year" and copy the days off and make-up working days from the notice.',
                )
              : t('请通知系统管理员录入。', 'Ask the system administrator to enter it.')
          }
        />
      )}
      <Card
        title={t('节假日日历', 'Holiday calendar')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="calendar-new">
              {t('录入年份', 'Enter a year')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">
          {t(
            `按工作日计算的期限（隐患整改期限、听证期限、每日排查等）使用国务院办公厅发布的法定节假日和调休上班安排。内置数据来自 chinese-days ${o?.packageVersion ?? ''}；新一年的安排发布后、软件包更新前，由系统管理员在此照通知录入。某年在此录入后即以录入为准（包括内置已有的年份）。`,
            `Working-day periods (rectification deadlines, hearing periods, daily checks …) follow the State Council's official holidays and make-up working days. Built-in data comes from chinese-days ${o?.packageVersion ?? ''}; when a new year's notice is out before the package has it, the system administrator enters it here from the notice. A year entered here is the one counted (also for a year the package has).`,
          )}
        </Typography.Paragraph>
        <Table<CalendarYearSummary>
          rowKey="year"
          size="middle"
          loading={overview.isLoading}
          dataSource={o?.years}
          pagination={{ pageSize: 10 }}
          scroll={{ x: 900 }}
          columns={[
            { title: t('年份', 'Year'), dataIndex: 'year', width: 80 },
            { title: t('来源', 'Source'), render: (_, y) => sourceTag(y) },
            {
              title: t('依据（通知文号）', 'Source notice'),
              render: (_, y) =>
                y.supplement ? (
                  <Tooltip title={y.supplement.noticeTitle}>
                    <span>{y.supplement.noticeNumber}</span>
                  </Tooltip>
                ) : (
                  '—'
                ),
            },
            {
              title: t('放假 / 调休上班（天）', 'Days off / make-up days'),
              render: (_, y) => (y.supplement ? `${y.supplement.holidays} / ${y.supplement.workdays}` : '—'),
            },
            {
              title: t('录入人 / 时间', 'Entered by / at'),
              render: (_, y) => (y.supplement ? `${y.supplement.updatedByName} · ${cstDateTime(y.supplement.updatedAt)}` : '—'),
            },
            {
              title: t('与内置数据', 'Against built-in'),
              render: (_, y) =>
                y.differsFromPackage === null ? (
                  '—'
                ) : y.differsFromPackage ? (
                  <Tag color="red">{t('不一致', 'Differs')}</Tag>
                ) : (
                  <Tag color="green">{t('一致', 'Same')}</Tag>
                ),
            },
            {
              title: t('操作', 'Actions'),
              render: (_, y) => (
                <Space>
                  <Button size="small" onClick={() => setViewing(y.year)}>
                    {t('查看', 'View')}
                  </Button>
                  {manage && (
                    <Button size="small" onClick={() => setEditing(y.year)}>
                      {y.supplement ? t('修改', 'Edit') : t('以通知替换', 'Replace from a notice')}
                    </Button>
                  )}
                  {manage && y.supplement && (
                    <Popconfirm
                      title={
                        y.inPackage
                          ? t('删除后该年恢复使用内置数据。确定删除？', 'The built-in data counts again for this year. Delete?')
                          : t(
                              '删除后该年不再有节假日数据，跨入该年的工作日期限将被拒绝。确定删除？',
                              'This year will have no calendar again and working-day deadlines reaching it will be refused. Delete?',
                            )
                      }
                      onConfirm={() => remove(y.year)}
                    >
                      <Button size="small" danger>
                        {t('删除', 'Delete')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {viewing !== null && <CalendarYearView year={viewing} onClose={() => setViewing(null)} />}
      {editing !== null && o && (
        <CalendarYearForm
          year={editing === 'new' ? (o.missing[0] ?? Math.max(...o.years.map((y) => y.year)) + 1) : editing}
          fixedYear={editing !== 'new'}
          overview={o}
          onClose={closeForm}
        />
      )}
    </Space>
  );
}
