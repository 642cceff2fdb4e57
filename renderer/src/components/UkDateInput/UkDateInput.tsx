import { DateInput, type DateInputProps } from '@mantine/dates';
import { parseUkDate } from '../../app/format';

interface UkDateInputProps extends Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> {
  /** A stored calendar date (`YYYY-MM-DD`), or '' for none. */
  value: string;
  onChange(value: string): void;
}

/**
 * A date typed or picked the UK way (23/11/2026), held as `YYYY-MM-DD` like the schemas store it.
 * Typing works as well as the calendar, so the keyboard is enough.
 */
export function UkDateInput({ value, onChange, placeholder = 'DD/MM/YYYY', ...rest }: UkDateInputProps) {
  return (
    <DateInput
      {...rest}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      valueFormat="DD/MM/YYYY"
      dateParser={parseUkDate}
      placeholder={placeholder}
      clearable={rest.clearable ?? false}
      popoverProps={{ withinPortal: true, ...rest.popoverProps }}
    />
  );
}
