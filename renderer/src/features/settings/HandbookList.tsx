import { ActionIcon, Alert, Button, Group, Loader, Modal, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { Settings } from '../../../../shared/schemas/settings';
import { defaultBoundaryItems, defaultMentoringGuidelines } from '../../../../shared/schemas/handbook';
import { fieldIssues } from '../../../../shared/errors';
import { call } from '../../app/client';
import { isApiError, notifyError, notifySaved } from '../../app/feedback';
import { useLoad } from '../../app/useLoad';
import { saveSettingsPart } from './saveSettings';

type ListField = 'mentoringGuidelines' | 'boundaryItems';

const LISTS: Record<ListField, { one: string; defaults: readonly string[]; saved: string }> = {
  mentoringGuidelines: { one: 'guideline', defaults: defaultMentoringGuidelines, saved: 'The mentoring guidelines were saved. First sessions recorded from now on use them.' },
  boundaryItems: { one: 'boundary', defaults: defaultBoundaryItems, saved: 'The boundaries were saved. Students whose checklist is already confirmed keep the wording they confirmed.' },
};

interface Row {
  key: number;
  text: string;
}

/** Errors for the whole list, and for each item by position. */
function check(field: ListField, items: string[]): { list: string | null; items: Record<number, string> } {
  const result = Settings.shape[field].safeParse(items);
  const errors = { list: null as string | null, items: {} as Record<number, string> };
  if (result.success) return errors;
  for (const issue of fieldIssues(result.error)) {
    const index = Number(issue.path.split('.')[0]);
    if (issue.path !== '' && Number.isInteger(index)) errors.items[index] ??= issue.message;
    else errors.list ??= issue.message;
  }
  return errors;
}

function ListForm({ field, initial }: { field: ListField; initial: string[] }) {
  const { one, defaults, saved: savedMessage } = LISTS[field];
  const nextKey = useRef(0);
  const toRows = (items: readonly string[]) => items.map((text) => ({ key: nextKey.current++, text }));
  const [rows, setRows] = useState<Row[]>(() => toRows(initial));
  const [saved, setSaved] = useState(initial);
  const [errors, setErrors] = useState<ReturnType<typeof check>>({ list: null, items: {} });
  const [busy, setBusy] = useState(false);
  const [confirmRestore, setConfirmRestore] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const changed = rows.length !== saved.length || rows.some((r, i) => r.text !== saved[i]);
  const capitalised = one[0]!.toUpperCase() + one.slice(1);

  const update = (next: Row[]) => {
    setRows(next);
    setErrors({ list: null, items: {} });
  };
  const move = (from: number, to: number) => {
    const next = [...rows];
    const [row] = next.splice(from, 1);
    next.splice(to, 0, row!);
    update(next);
    // Keep the keyboard on the item that moved, so it can be moved again.
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-move="${to}-${from < to ? 'down' : 'up'}"]`)?.focus());
  };
  const add = () => {
    update([...rows, { key: nextKey.current++, text: '' }]);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLTextAreaElement>(`[data-item="${rows.length}"]`)?.focus());
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const items = rows.map((r) => r.text.trim());
    const found = check(field, items);
    if (found.list || Object.keys(found.items).length > 0) return setErrors(found);
    setBusy(true);
    try {
      const settings = await saveSettingsPart({ [field]: items });
      setSaved(settings[field]);
      setRows(toRows(settings[field]));
      notifySaved(savedMessage);
    } catch (err) {
      if (isApiError(err, 'INVALID_INPUT') && err.issues.length) setErrors({ list: err.issues.map((i) => i.message).join('; '), items: {} });
      else notifyError('Not saved', err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <Stack gap="xs" ref={listRef}>
        {rows.map((row, i) => (
          <Group key={row.key} align="flex-start" gap="xs" wrap="nowrap">
            <Text size="sm" c="dimmed" w={24} ta="right" mt={8} aria-hidden>
              {i + 1}.
            </Text>
            <Textarea
              style={{ flex: 1 }}
              aria-label={`${capitalised} ${i + 1}`}
              data-item={i}
              autosize
              minRows={1}
              maxLength={1000}
              value={row.text}
              error={errors.items[i]}
              onChange={(e) => update(rows.map((r) => (r.key === row.key ? { ...r, text: e.currentTarget.value } : r)))}
            />
            <Group gap={2} wrap="nowrap" mt={4}>
              <Tooltip label="Move up">
                <ActionIcon variant="subtle" color="gray" aria-label={`Move ${one} ${i + 1} up`} data-move={`${i}-up`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                  <IconArrowUp size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Move down">
                <ActionIcon variant="subtle" color="gray" aria-label={`Move ${one} ${i + 1} down`} data-move={`${i}-down`} disabled={i === rows.length - 1} onClick={() => move(i, i + 1)}>
                  <IconArrowDown size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Remove">
                <ActionIcon variant="subtle" color="red" aria-label={`Remove ${one} ${i + 1}`} onClick={() => update(rows.filter((r) => r.key !== row.key))}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Group>
        ))}
        {errors.list && (
          <Text c="red" size="sm" role="alert">
            {errors.list}
          </Text>
        )}
        <Group>
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={add}>
            Add a {one}
          </Button>
        </Group>
        <Group justify="space-between" mt="xs">
          <Button variant="default" onClick={() => setConfirmRestore(true)}>
            Restore our default wording
          </Button>
          <Button type="submit" loading={busy} disabled={!changed}>
            Save {field === 'mentoringGuidelines' ? 'guidelines' : 'boundaries'}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirmRestore} onClose={() => setConfirmRestore(false)} title="Restore our default wording?">
        <Text size="sm">Your own wording in this list is replaced by ours. Nothing is saved until you press Save.</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirmRestore(false)}>
            Keep mine
          </Button>
          <Button
            onClick={() => {
              update(toRows(defaults));
              setConfirmRestore(false);
            }}
          >
            Restore default wording
          </Button>
        </Group>
      </Modal>
    </form>
  );
}

/** An ordered list from the provider's handbook (guidelines or boundaries), edited item by item. */
export function HandbookList({ field }: { field: ListField }) {
  const settings = useLoad(() => call('settings:get', {}));
  if (settings.error) {
    return (
      <Alert color="red" title="Could not load this list">
        {settings.error}
      </Alert>
    );
  }
  if (!settings.data) return <Loader size="sm" aria-label="Loading" />;
  return <ListForm field={field} initial={settings.data[field]} />;
}
