import { TimePicker, type TimePickerProps } from '@mantine/dates';

/**
 * A time of day as UK paperwork writes it (14:30), whatever the computer's own clock format, held
 * as `HH:MM`. Its hour and minute boxes are named after the field, so several can share a form.
 */
export function TimeField({ label, ...rest }: Omit<TimePickerProps, 'format' | 'label'> & { label: string }) {
  return <TimePicker {...rest} label={label} format="24h" hoursInputLabel={`${label}, hours`} minutesInputLabel={`${label}, minutes`} />;
}
