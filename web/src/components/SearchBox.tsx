// The search box above a list: what is typed stays until searched, and a search set from outside (a link, the
// address, a reset) replaces it. An empty search clears the filter.
import { useEffect, useState } from 'react';
import { Input } from 'antd';
import type { SearchProps } from 'antd/es/input';

export interface SearchBoxProps extends Omit<SearchProps, 'value' | 'defaultValue' | 'onChange' | 'onSearch'> {
  value: string | undefined;
  onSearch(q: string | undefined): void;
}

export function SearchBox({ value, onSearch, ...rest }: SearchBoxProps) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <Input.Search
      allowClear
      {...rest}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(q) => onSearch(q.trim() || undefined)}
    />
  );
}
