// Tabs that turn into a select on a phone. A tab strip wider than the screen scrolls under the finger, and a tap on
// a tab near its edge is then lost; a select lists every section and always takes the tap. On a wider screen the
// strip wraps rather than scrolls (SectionTabs.css), for the same reason.
import { Grid, Select, Space, Tabs } from 'antd';
import { useState, type ReactNode } from 'react';
import './SectionTabs.css';

export interface Section {
  key: string;
  label: ReactNode;
  children?: ReactNode;
}

interface Props {
  items: Section[];
  activeKey?: string;
  defaultActiveKey?: string;
  onChange?: (key: string) => void;
  /** data-testid of the phone's select. */
  testId?: string;
  ariaLabel?: string;
}

export function SectionTabs({ items, activeKey, defaultActiveKey, onChange, testId, ariaLabel }: Props) {
  const phone = !Grid.useBreakpoint().md;
  const [own, setOwn] = useState(defaultActiveKey ?? items[0]?.key);
  const current = items.find((s) => s.key === (activeKey ?? own)) ?? items[0];
  const change = (key: string) => {
    setOwn(key);
    onChange?.(key);
  };
  if (!phone) return <Tabs className="section-tabs" activeKey={current?.key} onChange={change} items={items} />;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }} size="middle">
      <Select
        data-testid={testId}
        aria-label={ariaLabel}
        style={{ width: '100%' }}
        value={current?.key}
        onChange={change}
        virtual={false}
        listHeight={480}
        options={items.map((s) => ({ value: s.key, label: s.label }))}
      />
      {current?.children !== undefined && <div key={current.key}>{current.children}</div>}
    </Space>
  );
}
