import { Accordion, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ContentChange, SignedVersion } from '../../../../shared/schemas/signature';
import { formatDate } from '../../app/format';
import { SignatureList } from './SignatureList';
import { signedByText, versionName } from './signedRecordText';

interface EarlierVersionsProps<T> {
  /** The versions before the current one, oldest first. */
  versions: SignedVersion<T>[];
  /** What a version changed from the one before; only asked when it changed something. */
  renderChanges(changes: ContentChange[]): ReactNode;
  /** The version's content, read-only; `name` is "Original version" or "Amendment n". */
  renderContent(content: T, name: string): ReactNode;
}

/** Versions before the current one, newest first, each as it was signed. */
export function EarlierVersions<T>({ versions, renderChanges, renderContent }: EarlierVersionsProps<T>) {
  if (versions.length === 0) return null;
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
                {versionName(index)} · signed by {signedByText(version.signatures.map((s) => s.role)).toLowerCase()} · {formatDate(version.createdAt)}
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  {version.changes.length > 0 && renderChanges(version.changes)}
                  {renderContent(version.content, versionName(index))}
                  <SignatureList signatures={version.signatures} />
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
      </Accordion>
    </Stack>
  );
}
