import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import { z } from 'zod';
import { IsoDate, text } from '../../../../shared/schemas/common';
import type { IlpContent } from '../../../../shared/schemas/ilp';
import { call } from '../../app/client';
import { describeError, notifyDone } from '../../app/feedback';
import { todayIso } from '../../app/format';
import { FormActions } from '../../components/FormActions';
import { UkDateInput } from '../../components/UkDateInput';
import { draftOf } from './ilpDraft';

const ReviewValues = z.object({
  on: z.string().min(1, 'Enter the date of the review, like 23/11/2026').pipe(IsoDate),
  outcome: text(4000).refine((v) => v.trim() !== '', 'Say what the review found, even briefly'),
  nextReviewOn: z.union([z.literal(''), IsoDate]),
});
type ReviewValues = z.infer<typeof ReviewValues>;

interface ReviewModalProps {
  studentId: string;
  content: IlpContent;
  frozen: boolean;
  opened: boolean;
  onClose(): void;
  onSaved(): Promise<void>;
}

/**
 * A review of the plan with the student: the date and what it found, added to the plan's reviews.
 * On a signed plan this makes a new version that both sign; the signed one stays on file.
 */
export function ReviewModal({ opened, onClose, ...rest }: ReviewModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Record a review" size="lg">
      {opened && <ReviewForm {...rest} onClose={onClose} />}
    </Modal>
  );
}

function ReviewForm({ studentId, content, frozen, onClose, onSaved }: Omit<ReviewModalProps, 'opened'>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ReviewValues>({
    initialValues: { on: todayIso(), outcome: '', nextReviewOn: '' },
    validate: schemaResolver(ReviewValues, { sync: true }),
  });

  const save = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const draft = draftOf(content);
      await call('ilp:save', {
        studentId,
        draft: { ...draft, reviews: [...draft.reviews, { on: values.on, outcome: values.outcome }], nextReviewOn: values.nextReviewOn || draft.nextReviewOn },
      });
      notifyDone('Review recorded', frozen ? 'A new version of the plan is waiting for both signatures; the signed version stays on file.' : 'The review is part of the plan, ready to sign.');
      onClose();
      await onSaved();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={save} noValidate aria-label="Record a review">
      <Stack gap="sm">
        {frozen && (
          <Text size="sm" c="dimmed">
            The plan is signed, so the review makes a new version for both of you to sign. The signed version stays on file.
          </Text>
        )}
        <UkDateInput label="Review held on" withAsterisk {...form.getInputProps('on')} value={form.values.on} onChange={(v) => form.setFieldValue('on', v)} />
        <Textarea label="Outcome" description="What you agreed: goals met, changed or dropped, and what comes next" withAsterisk autosize minRows={3} maxLength={4000} {...form.getInputProps('outcome')} />
        <UkDateInput
          label="Next review"
          description={content.nextReviewOn ? 'Leave empty to keep the date planned' : 'Optional'}
          clearable
          {...form.getInputProps('nextReviewOn')}
          value={form.values.nextReviewOn}
          onChange={(v) => form.setFieldValue('nextReviewOn', v)}
        />
      </Stack>
      <FormActions error={error} busy={busy} submitLabel="Record review" />
    </form>
  );
}
