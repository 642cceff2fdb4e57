import { Alert, Button, Center, FileButton, Group, Image, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { LOGO_MAX_BYTES, LogoMime } from '../../../../shared/schemas/settings';
import { call } from '../../app/client';
import { describeError, notifySaved } from '../../app/feedback';
import { useLoad } from '../../app/useLoad';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices, so a 512 KB file does not overflow the argument list.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** What is wrong with a picked file before it is sent, or null; the backend checks the bytes again. */
function checkFile(file: File): string | null {
  if (!LogoMime.safeParse(file.type).success) return `“${file.name}” is not a PNG or JPEG image. Choose a PNG or JPEG logo.`;
  if (file.size > LOGO_MAX_BYTES) {
    return `That image is ${Math.ceil(file.size / 1024)} KB; a logo can be at most ${LOGO_MAX_BYTES / 1024} KB. Save a smaller copy and try again.`;
  }
  return null;
}

/** The provider's logo, printed in the header of every PDF. */
export function ProviderLogo() {
  const logo = useLoad(() => call('settings:getLogo', {}));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Cleared after each pick, so the same file can be picked again after a fix.
  const resetRef = useRef<() => void>(null);

  const change = async (file: File | null) => {
    setError(null);
    if (file === null) return;
    const problem = checkFile(file);
    if (problem) {
      resetRef.current?.();
      return setError(problem);
    }
    setBusy(true);
    try {
      const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      await call('settings:setLogo', { logo: { mime: file.type as LogoMime, base64 } });
      await logo.reload();
      notifySaved('Your logo was saved. It appears at the top of every PDF you export.');
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
      resetRef.current?.();
    }
  };

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('settings:setLogo', { logo: null });
      await logo.reload();
      notifySaved('The logo was removed. PDFs show your provider name only.');
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  if (logo.error) {
    return (
      <Alert color="red" title="Could not load the logo">
        {logo.error}
      </Alert>
    );
  }
  if (logo.data === null && logo.loading) return <Loader size="sm" aria-label="Loading" />;

  return (
    <Stack gap="sm">
      <Paper withBorder p="sm" w={320} h={120} bg="gray.0">
        <Center h="100%">
          {logo.data ? (
            <Image src={`data:${logo.data.mime};base64,${logo.data.base64}`} alt="Your logo, as it appears on PDFs" maw="100%" mah={96} fit="contain" w="auto" />
          ) : (
            <Group gap="xs" c="dimmed">
              <IconPhoto size={20} aria-hidden />
              <Text size="sm">No logo: PDFs show your provider name only.</Text>
            </Group>
          )}
        </Center>
      </Paper>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      <Group gap="sm">
        <FileButton resetRef={resetRef} onChange={(file) => void change(file)} accept="image/png,image/jpeg">
          {(props) => (
            <Button {...props} leftSection={<IconUpload size={16} aria-hidden />} loading={busy}>
              {logo.data ? 'Choose another logo…' : 'Choose a logo…'}
            </Button>
          )}
        </FileButton>
        {logo.data && (
          <Button variant="default" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => void remove()} disabled={busy}>
            Remove logo
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        A PNG or JPEG image up to {LOGO_MAX_BYTES / 1024} KB. It is kept encrypted with your records.
      </Text>
    </Stack>
  );
}
