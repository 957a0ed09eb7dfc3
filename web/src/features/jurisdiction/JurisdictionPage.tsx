// The jurisdiction tree (area → street → community → grid, loaded level by level) with the
// organisations and industrial parks inside the caller's area.
import { useState } from 'react';
import { Card, Col, Row, Table, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useQuery } from '@tanstack/react-query';
import { sectorLabels, type Area, type Org, type Park, type Sector } from '@anjian/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../app/i18n';

const orgKindLabels: Record<string, { zh: string; en: string }> = {
  bureau: { zh: '应急管理局', en: 'Bureau' },
  bureau_division: { zh: '局内科室', en: 'Division' },
  street_office: { zh: '街道安监办', en: 'Street office' },
  grid_station: { zh: '网格工作站', en: 'Grid station' },
  industry_department: { zh: '行业主管部门', en: 'Industry department' },
  park_station: { zh: '园区安监站', en: 'Park station' },
  enterprise: { zh: '企业', en: 'Enterprise' },
};

function toNode(a: Area): DataNode {
  return { key: a.code, title: `${a.name} (${a.code})`, isLeaf: !a.hasChildren };
}

function insert(nodes: DataNode[], key: React.Key, children: DataNode[]): DataNode[] {
  return nodes.map((n) => (n.key === key ? { ...n, children } : n.children ? { ...n, children: insert(n.children, key, children) } : n));
}

export function JurisdictionPage() {
  const { t, label } = useI18n();
  const [tree, setTree] = useState<DataNode[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  useQuery({
    queryKey: ['areas-root'],
    queryFn: async () => {
      const roots = await call('GET /api/areas');
      setTree(roots.map(toNode));
      return roots;
    },
  });
  const orgs = useQuery({ queryKey: ['organisations'], queryFn: () => call('GET /api/organisations') });
  const parks = useQuery({ queryKey: ['parks'], queryFn: () => call('GET /api/parks') });
  const loadData = async (node: DataNode) => {
    if (node.children) return;
    const children = await call('GET /api/areas', { query: { parent: String(node.key) } });
    setTree((cur) => insert(cur ?? [], node.key, children.map(toNode)));
  };
  const shownOrgs = (orgs.data ?? []).filter((o) => !selected || o.areaCode.startsWith(selected.replace(/(00)+$/, '')));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={9}>
        <Card title={t('辖区', 'Areas')} size="small">
          {tree && (
            <Tree
              treeData={tree}
              loadData={loadData}
              onSelect={(keys) => setSelected((keys[0] as string) ?? null)}
              data-testid="area-tree"
              height={560}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} md={15}>
        <Card title={t('机构', 'Organisations')} size="small" style={{ marginBottom: 16 }}>
          <Table<Org>
            rowKey="id"
            size="small"
            loading={orgs.isLoading}
            dataSource={shownOrgs}
            pagination={{ pageSize: 10 }}
            columns={[
              { title: t('名称', 'Name'), dataIndex: 'name' },
              { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k: string) => label(orgKindLabels[k]) },
              { title: t('区划', 'Area'), dataIndex: 'areaCode' },
              {
                title: t('负责行业', 'Sectors'),
                dataIndex: 'sectors',
                render: (s: Sector[]) => s.map((x) => <Tag key={x}>{label(sectorLabels[x])}</Tag>),
              },
            ]}
          />
        </Card>
        <Card title={t('工业园区', 'Industrial parks')} size="small">
          <Typography.Paragraph type="secondary">{t('园区隶属于街道', 'Each park belongs to a street')}</Typography.Paragraph>
          <Table<Park>
            rowKey="id"
            size="small"
            dataSource={parks.data}
            pagination={false}
            columns={[
              { title: t('名称', 'Name'), dataIndex: 'name' },
              { title: t('所属街道', 'Street'), dataIndex: 'areaCode' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
