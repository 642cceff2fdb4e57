/** The student fields a column can fill, plus name parts that are joined into `fullName`. */
export const studentFieldLabels = {
  fullName: 'Full name',
  firstName: 'First name (joined into full name)',
  middleName: 'Middle name (joined into full name)',
  lastName: 'Last name (joined into full name)',
  preferredName: 'Preferred name',
  pronouns: 'Pronouns',
  studentNumber: 'Student number',
  institution: 'Institution',
  course: 'Course',
  yearOfStudy: 'Year of study',
  funding: 'Funding',
  allocatedHours: 'Allocated hours',
  hoursDeadline: 'Hours deadline',
  supportNeeds: 'Support needs',
  email: 'Email',
  phone: 'Phone',
  preferredContact: 'Preferred contact',
  emergencyContactName: 'Emergency contact name',
  emergencyContactRelationship: 'Emergency contact relationship',
  emergencyContactPhone: 'Emergency contact phone',
  mentorNotes: 'Notes',
} as const;
export type StudentField = keyof typeof studentFieldLabels;
export type ColumnMapping = Record<string, StudentField | ''>;
