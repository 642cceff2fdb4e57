import { Accordion, Code, DataList, Text } from '@mantine/core';
import { firstContactDueAt } from '../../../../shared/domain/firstContact';
import type { Referral } from '../../../../shared/schemas/referral';
import { formatDateTime } from '../../app/format';

/** When and how the referral arrived, with the email as pasted, folded away until wanted. */
export function ReferralInfo({ referral }: { referral: Referral }) {
  return (
    <>
      <DataList labelWidth="170px" gap="xs">
        <DataList.Item>
          <DataList.ItemLabel>Referral received</DataList.ItemLabel>
          <DataList.ItemValue>{formatDateTime(referral.receivedAt)}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Referred by</DataList.ItemLabel>
          <DataList.ItemValue>{referral.source || <Text span c="dimmed" size="sm">Not recorded</Text>}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>First contact due by</DataList.ItemLabel>
          <DataList.ItemValue>{formatDateTime(firstContactDueAt(referral.receivedAt))}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
      {referral.pastedText && (
        <Accordion variant="contained" mt="sm">
          <Accordion.Item value="pasted">
            <Accordion.Control>The referral as received</Accordion.Control>
            <Accordion.Panel>
              <Code block style={{ whiteSpace: 'pre-wrap', maxHeight: 420, overflow: 'auto' }}>
                {referral.pastedText}
              </Code>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
    </>
  );
}
