import { Button, Group, type MantineColor } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useRef, useState, type ReactNode, type RefObject } from 'react';
import type { BoundaryRecords } from '../../../../shared/schemas/boundaries';

/** Which form is open: none, a new entry, or the entry with this id. */
export type Editing = null | 'new' | string;

/**
 * A list of entries with at most one form open below it, for a new entry or one being changed.
 * Closing the form puts the focus back on the add button.
 */
export function useEntryEditor<Entry extends { id: string }>(entries: Entry[], onSaved: (records: BoundaryRecords) => void) {
  const [editing, setEditing] = useState<Editing>(null);
  const entry = editing && editing !== 'new' ? entries.find((e) => e.id === editing) : undefined;
  const addButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setEditing(null);
    // The form is gone: keep the keyboard where the mentor was working.
    requestAnimationFrame(() => addButton.current?.focus());
  };
  const saved = (next: BoundaryRecords) => {
    close();
    onSaved(next);
  };
  return { editing, entry, edit: setEditing, addButton, close, saved };
}

interface AddEntryButtonProps {
  buttonRef: RefObject<HTMLButtonElement | null>;
  onClick(): void;
  color?: MantineColor;
  children: ReactNode;
}

/** Opens the form for a new entry, below the list. */
export function AddEntryButton({ buttonRef, onClick, color, children }: AddEntryButtonProps) {
  return (
    <Group>
      <Button variant="light" color={color} leftSection={<IconPlus size={16} aria-hidden />} ref={buttonRef} onClick={onClick}>
        {children}
      </Button>
    </Group>
  );
}

/** Opens one entry's form; `label` names the entry for a screen reader, since every row's button says "Edit". */
export function EditEntryButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <Button variant="subtle" size="compact-sm" leftSection={<IconPencil size={14} aria-hidden />} aria-label={label} onClick={onClick}>
      Edit
    </Button>
  );
}
