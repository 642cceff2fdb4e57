import { Accordion, Stack, Text, Title } from '@mantine/core';
import type { IlpContent } from '../../../../shared/schemas/ilp';
import type { SignedVersion } from '../../../../shared/schemas/signature';
import { formatDate } from '../../app/format';
import { SignatureList } from '../agreements/AgreementDocument';
import { signedByText } from '../agreements/agreementText';
import { IlpDocument } from './IlpDocument';
import { changedParts } from './ilpDraft';

/** Versions before the current one, newest first, each as it was signed. */
export function EarlierVersions({ versions }: { versions: SignedVersion<unknown>[] }) {
  if (versions.length === 0) return null;
  const name = (index: number) => (index === 0 ? 'Original version' : `Amendment ${index}`);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Earlier versions, kept on file
      </Title>
      <Accordion variant="separated" multiple data-testid="earlier-versions">
        {versions
          .map((version, index) => ({ version, index }))
          .reverse()
          .map(({ version, index }) => (
            <Accordion.Item key={index} value={String(index)}>
              <Accordion.Control>
                {name(index)} · signed by {signedByText(version.signatures.map((s) => s.role)).toLowerCase()} · {formatDate(version.createdAt)}
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  {version.changes.length > 0 && <Text size="sm">Changed the {changedParts(version.changes.map((c) => c.path))}.</Text>}
                  <IlpDocument content={version.content as IlpContent} label={`${name(index)} of the learning plan`} />
                  <SignatureList signatures={version.signatures} />
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
      </Accordion>
    </Stack>
  );
}
