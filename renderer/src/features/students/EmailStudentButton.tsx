import { Button, Tooltip } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { firstContactMailto } from '../../../../shared/domain/template';
import type { Settings } from '../../../../shared/schemas/settings';
import type { Student } from '../../../../shared/schemas/student';

/**
 * Opens the mentor's mail app with the first-contact email filled in from Settings. A plain link:
 * in the app, Electron hands mailto: links to the operating system's mail program.
 */
export function EmailStudentButton({ student, settings }: { student: Student; settings: Settings | null }) {
  if (!student.email) {
    return (
      <Tooltip label="Add the student’s email address in Details first">
        <Button variant="default" leftSection={<IconMail size={16} />} data-disabled aria-disabled onClick={(e) => e.preventDefault()}>
          Email student
        </Button>
      </Tooltip>
    );
  }
  const href = settings ? firstContactMailto(settings.firstContactTemplate, { student, mentor: settings }) : `mailto:${student.email}`;
  return (
    // A new-window link: in the app, the window-open handler passes mailto: to the mail program (and never opens a window).
    <Button component="a" href={href} target="_blank" rel="noopener noreferrer" variant="default" leftSection={<IconMail size={16} />}>
      Email student
    </Button>
  );
}
