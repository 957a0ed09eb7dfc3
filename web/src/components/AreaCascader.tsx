// Picks an area inside the caller's jurisdiction, loading the tree level by level from /api/areas.
import { useEffect, useState } from 'react';
import { Cascader } from 'antd';
import type { Area } from '@anjian/contracts';
import { call } from '../api/client';
import { useAuth } from '../app/auth';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

export interface AreaCascaderProps {
  value?: string | null;
  onChange?(code: string | undefined): void;
  placeholder?: string;
  /** Deepest level offered (grids are rarely wanted in filters). */
  maxDepth?: number;
  style?: React.CSSProperties;
}

const toOption = (a: Area, leaf: boolean): Option => ({ value: a.code, label: a.name, isLeaf: leaf || !a.hasChildren });

/** The chain of codes from the root down to `code`: area codes nest by prefix. */
function pathOf(code: string, rootCode: string): string[] {
  const out = [rootCode];
  for (const len of [9, 12, 15]) if (code.length >= len && len > rootCode.length) out.push(code.slice(0, len));
  return out;
}

/**
 * Nothing for a caller without `area.read` (enterprise accounts): their records are their own, and asking would only
 * be refused (403, audited as access.denied).
 */
export function AreaCascader(props: AreaCascaderProps) {
  const { can } = useAuth();
  return can('area.read') ? <Cascade {...props} /> : null;
}

function Cascade({ value, onChange, placeholder, maxDepth = 3, style }: AreaCascaderProps) {
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    call('GET /api/areas')
      .then((roots) => setOptions(roots.map((r) => toOption(r, maxDepth <= 1))))
      .catch(() => setOptions([]));
  }, [maxDepth]);
  const load = async (selected: Option[]) => {
    const target = selected[selected.length - 1]!;
    const children = await call('GET /api/areas', { query: { parent: target.value } });
    target.children = children.map((c) => toOption(c, selected.length + 1 >= maxDepth));
    setOptions((o) => [...o]);
  };
  const root = options[0]?.value;
  return (
    <Cascader<Option>
      style={style}
      options={options}
      loadData={load}
      changeOnSelect
      allowClear
      placeholder={placeholder}
      value={value && root ? pathOf(value, root) : undefined}
      onChange={(v) => onChange?.(v?.length ? String(v[v.length - 1]) : undefined)}
    />
  );
}
