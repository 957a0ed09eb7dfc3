// A rate table per child area (a district's streets, a street's communities) with a drill-down into a row's area.
import type { ReactNode } from 'react';
import { Breadcrumb, Button, Table } from 'antd';
import { useI18n } from '../../app/i18n';
import { rateTableRows } from './rateRows';

export interface RateRow {
  areaCode: string;
  areaName: string;
  ratePct: number | null;
}

export function AreaRates<R extends RateRow>({
  rows,
  total,
  loading,
  columns,
  path,
  onDrill,
  testId,
}: {
  rows: R[];
  total?: R;
  loading: boolean;
  columns: { title: string; render: (r: R) => ReactNode }[];
  path: { code: string; name: string }[];
  onDrill: (code: string, name: string) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const { rows: shownRows, total: sum, own } = rateTableRows(rows, total);
  return (
    <>
      {path.length > 0 && (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[
            { title: <a onClick={() => onDrill('', '')}>{t('本辖区', 'My area')}</a> },
            ...path.map((p) => ({ title: <a onClick={() => onDrill(p.code, p.name)}>{p.name}</a> })),
          ]}
        />
      )}
      <Table<R>
        rowKey="areaCode"
        size="small"
        data-testid={testId}
        loading={loading}
        dataSource={shownRows}
        pagination={false}
        scroll={{ x: 560 }}
        columns={[
          {
            title: t('区域', 'Area'),
            // The area's own row has nothing below it to open.
            render: (_, r) =>
              own ? (
                r.areaName
              ) : (
                <Button type="link" size="small" onClick={() => onDrill(r.areaCode, r.areaName)}>
                  {r.areaName}
                </Button>
              ),
          },
          ...columns.map((c) => ({ title: c.title, render: (_: unknown, r: R) => c.render(r) })),
        ]}
        summary={() =>
          sum && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t(`合计（${sum.areaName}）`, `Total (${sum.areaName})`)}</Table.Summary.Cell>
              {columns.map((c, i) => (
                <Table.Summary.Cell key={i} index={i + 1}>
                  {c.render(sum)}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )
        }
      />
    </>
  );
}

/** Drill-down state: the trail of areas opened below the caller's own. */
export function drillTo(path: { code: string; name: string }[], code: string, name: string) {
  if (!code) return [];
  const at = path.findIndex((p) => p.code === code);
  return at >= 0 ? path.slice(0, at + 1) : [...path, { code, name }];
}
