import { Group, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { daysBetween, ukDate } from '../../../../shared/domain/sessionRules';
import { defaultHoursPolicy } from '../../../../shared/schemas/hoursPolicy';
import type { StudentSummary } from '../../../../shared/schemas/student';
import { todayIso } from '../../app/format';

const storedWarningText: Record<StudentSummary['hoursWarnings'][number], string> = {
  'used-80': `${defaultHoursPolicy.warnAtPercentUsed}% or more of the hours are used`,
  'over-allocation': 'More hours used than allocated',
  'booked-exceeds-remaining': 'More booked than remains',
};

/** What is worth a look about a student's hours today: the stored warnings, then the deadline's (which depend on the date). */
export function hoursAlerts(s: Pick<StudentSummary, 'hoursWarnings' | 'hoursDeadline' | 'hoursRemaining'>, today: string): string[] {
  const alerts = s.hoursWarnings.map((w) => storedWarningText[w]);
  if (s.hoursDeadline) {
    const days = daysBetween(today, s.hoursDeadline);
    const left = s.hoursRemaining === null || s.hoursRemaining > 0;
    if (days < 0 && left) alerts.push(`The hours deadline (${ukDate(s.hoursDeadline)}) has passed`);
    else if (days >= 0 && days <= defaultHoursPolicy.deadlineWarningDays && left) alerts.push(`Hours to be used by ${ukDate(s.hoursDeadline)}`);
  }
  return alerts;
}

/** Hours used of those allocated (after deferrals), with a warning icon when something needs attention. */
export function HoursCell({ student: s }: { student: StudentSummary }) {
  if (s.allocatedHours === null && s.hoursUsed === 0) return null;
  const overspent = s.hoursWarnings.includes('over-allocation');
  // Used plus remaining is the allocation after any deferral's extra hours, give or take the rounding of each to a tenth.
  const derived = s.hoursRemaining !== null && !overspent ? Math.round((s.hoursUsed + s.hoursRemaining) * 10) / 10 : null;
  const allocated = derived === null || (s.allocatedHours !== null && Math.abs(derived - s.allocatedHours) < 0.15) ? s.allocatedHours : derived;
  const alerts = hoursAlerts(s, todayIso());
  return (
    <Group gap={4} wrap="nowrap" data-testid="caseload-hours">
      <Text size="xs" c={alerts.length ? undefined : 'dimmed'}>
        {allocated === null ? `${s.hoursUsed} hours used` : `${s.hoursUsed} of ${allocated} hours used`}
      </Text>
      {alerts.length > 0 && (
        <Tooltip label={alerts.join('; ')} multiline maw={280}>
          <ThemeIcon color={overspent ? 'red' : 'orange'} variant="light" size="xs" radius="xl" role="img" aria-label={`Hours: ${alerts.join('; ')}`} data-testid="hours-warning-icon">
            <IconAlertTriangle size={10} aria-hidden />
          </ThemeIcon>
        </Tooltip>
      )}
    </Group>
  );
}
