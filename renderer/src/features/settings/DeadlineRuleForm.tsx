import { Button, Checkbox, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { DeadlineRule, Weekday, type DeadlineRuleKind } from '../../../../shared/schemas/calendar';
import { MONTHS, WEEKDAY_LABELS } from './deadlineText';

const KIND_LABELS: Record<DeadlineRuleKind, string> = {
  'last-working-day-of-month': 'Last working day of a month',
  weekly: 'Every week',
  'fixed-date': 'A date each year',
  window: 'A survey window',
  'academic-year-start': 'At the start of the academic year',
};
const monthOptions = MONTHS.map((label, i) => ({ value: String(i + 1), label }));
const dayOptions = Array.from({ length: 31 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));

type Draft = Record<string, string | number | boolean>;

/** One deadline rule, new or edited: the fields its kind needs, checked with the same schema as the backend. */
export function DeadlineRuleForm({ rule, onSave, onCancel }: { rule: DeadlineRule; onSave(rule: DeadlineRule): void; onCancel(): void }) {
  const [draft, setDraft] = useState<Draft>(() => ({ ...(rule as unknown as Draft) }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (key: string, value: string | number | boolean) => setDraft((d) => ({ ...d, [key]: value }));
  const num = (key: string) => String(draft[key] ?? '');

  const changeKind = (kind: DeadlineRuleKind) => {
    const base = { id: draft.id, title: draft.title, notes: draft.notes ?? '', enabled: draft.enabled ?? true, kind };
    const extra: Record<DeadlineRuleKind, Draft> = {
      'last-working-day-of-month': { month: 'every' },
      weekly: { weekday: 'friday', shiftToPreviousWorkingDay: true },
      'fixed-date': { month: 1, day: 1, shiftToPreviousWorkingDay: true },
      window: { opensMonth: 11, opensDay: 1, dueMonth: 1 },
      'academic-year-start': { afterDays: 0 },
    };
    setDraft({ ...(base as Draft), ...extra[kind] });
    setErrors({});
  };

  const submit = () => {
    const parsed = DeadlineRule.safeParse(draft);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'title'), i.message])));
      return;
    }
    onSave(parsed.data);
  };

  const kind = draft.kind as DeadlineRuleKind;
  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
      <Stack gap="sm">
        <TextInput label="Title" required value={String(draft.title ?? '')} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} data-autofocus />
        <Select label="When it falls" data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} value={kind} onChange={(v) => v && changeKind(v as DeadlineRuleKind)} allowDeselect={false} />
        {kind === 'last-working-day-of-month' && (
          <Select
            label="Month"
            data={[{ value: 'every', label: 'Every month' }, ...monthOptions]}
            value={String(draft.month)}
            onChange={(v) => v && set('month', v === 'every' ? 'every' : Number(v))}
            allowDeselect={false}
          />
        )}
        {kind === 'weekly' && (
          <Select label="Weekday" data={Weekday.options.map((d) => ({ value: d, label: WEEKDAY_LABELS[d] }))} value={String(draft.weekday)} onChange={(v) => v && set('weekday', v)} allowDeselect={false} />
        )}
        {kind === 'fixed-date' && (
          <Group grow>
            <Select label="Day" data={dayOptions} value={num('day')} onChange={(v) => v && set('day', Number(v))} error={errors.day} allowDeselect={false} />
            <Select label="Month" data={monthOptions} value={num('month')} onChange={(v) => v && set('month', Number(v))} allowDeselect={false} />
          </Group>
        )}
        {kind === 'window' && (
          <Group grow>
            <Select label="Opens on day" data={dayOptions} value={num('opensDay')} onChange={(v) => v && set('opensDay', Number(v))} error={errors.opensDay} allowDeselect={false} />
            <Select label="of" data={monthOptions} value={num('opensMonth')} onChange={(v) => v && set('opensMonth', Number(v))} allowDeselect={false} />
            <Select label="Due the last working day of" data={monthOptions} value={num('dueMonth')} onChange={(v) => v && set('dueMonth', Number(v))} allowDeselect={false} />
          </Group>
        )}
        {kind === 'academic-year-start' && (
          <NumberInput label="Days into the academic year" min={0} max={180} allowDecimal={false} value={Number(draft.afterDays ?? 0)} onChange={(v) => set('afterDays', typeof v === 'number' ? v : 0)} error={errors.afterDays} />
        )}
        {(kind === 'weekly' || kind === 'fixed-date') && (
          <Checkbox label="On a bank holiday or weekend, the working day before" checked={Boolean(draft.shiftToPreviousWorkingDay)} onChange={(e) => set('shiftToPreviousWorkingDay', e.currentTarget.checked)} />
        )}
        <TextInput label="Notes" value={String(draft.notes ?? '')} onChange={(e) => set('notes', e.currentTarget.value)} error={errors.notes} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit">Keep this deadline</Button>
        </Group>
      </Stack>
    </form>
  );
}
