import { Input } from 'antd';
import { useState } from 'react';

interface SearchInputProps {
  /** The applied keyword (from the URL). */
  value: string | undefined;
  onSearch: (keyword: string | undefined) => void;
  placeholder?: string;
  width?: number;
  'data-testid'?: string;
}

/** A keyword box that applies on Enter or the search button, and follows the URL when it changes (back, reset). */
export function SearchInput({ value, onSearch, placeholder, width = 240, ...rest }: SearchInputProps) {
  const [text, setText] = useState(value ?? '');
  const [applied, setApplied] = useState(value);
  if (applied !== value) {
    setApplied(value);
    setText(value ?? '');
  }
  return (
    <Input.Search
      value={text}
      onChange={(event) => setText(event.target.value)}
      onSearch={(keyword) => onSearch(keyword.trim() || undefined)}
      placeholder={placeholder}
      allowClear
      enterButton
      style={{ width }}
      data-testid={rest['data-testid']}
    />
  );
}
