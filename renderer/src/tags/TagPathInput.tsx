import { useId, type KeyboardEvent } from 'react';
import type { TagInfo } from '../../../app/tags/vocabulary.js';

/*
 * A tag path field: type a path ("地点/营口"; a path that does not exist yet is created when
 * used) or pick an existing tag from the list the browser offers as you type.
 */

interface TagPathInputProps {
  value: string;
  onChange: (value: string) => void;
  onEnter?: () => void;
  tags: readonly TagInfo[] | null;
  placeholder: string;
  label: string;
  testId?: string;
  autoFocus?: boolean;
  className?: string;
}

export function TagPathInput({ value, onChange, onEnter, tags, placeholder, label, testId, autoFocus, className }: TagPathInputProps) {
  const listId = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing && onEnter) {
      event.preventDefault();
      onEnter();
    }
  };
  return (
    <>
      <input
        type="text"
        className={className ?? 'text-input'}
        value={value}
        placeholder={placeholder}
        aria-label={label}
        list={listId}
        data-testid={testId}
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <datalist id={listId}>
        {tags?.map((tag) => <option key={tag.id} value={tag.pathText} />)}
      </datalist>
    </>
  );
}
