import { Alert, Box, Button, Container, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { contentHash } from '../../../../shared/domain/canonical';
import { currentVersion, missingRoles } from '../../../../shared/domain/signing';
import { signerRoleLabels, type Signature, type SignerRole } from '../../../../shared/schemas/signature';
import type { Settings } from '../../../../shared/schemas/settings';
import type { Student } from '../../../../shared/schemas/student';
import { call } from '../../app/client';
import type { SigningRequest } from '../../app/navigation';
import { describeError } from '../../app/feedback';
import { useLoad } from '../../app/useLoad';
import { SignaturePad } from '../../components/SignaturePad';
import { SignatureList } from '../../components/SignedRecord';
import { LeaveSigning } from './LeaveSigning';
import { loadSignable, signSignable, type SignableDocument } from './signables';

type Stage = { kind: 'signing'; role: SignerRole } | { kind: 'signed'; role: SignerRole } | { kind: 'idle' };

/**
 * Signing mode: the whole window shows one document and the pad, nothing else of the mentor's
 * records. Finish or Escape asks for the mentor's passphrase before anything else is shown.
 */
export function SigningMode({ request, onLeave }: { request: SigningRequest; onLeave(): void }) {
  const loaded = useLoad(async () => {
    const [document, student, settings] = await Promise.all([
      loadSignable(request.studentId, request.document),
      call('students:get', { id: request.studentId }),
      call('settings:get', {}),
    ]);
    return { document, student, settings };
  });
  const [leaving, setLeaving] = useState(false);
  const leavingRef = useRef(leaving);
  leavingRef.current = leaving;

  // Escape never just leaves: it asks for the passphrase (and, from the prompt, goes back to the document).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || leavingRef.current) return;
      event.preventDefault();
      setLeaving(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Box mih="100vh" bg="gray.0" data-testid="signing-mode">
      <Group justify="space-between" px="lg" py="sm" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group gap="xs">
          <IconSignature size={20} />
          <Text fw={700}>Signing{loaded.data ? ` · ${loaded.data.document.title}` : ''}</Text>
        </Group>
        {!leaving && (
          <Button variant="default" onClick={() => setLeaving(true)}>
            Leave signing mode…
          </Button>
        )}
      </Group>
      <Container size="md" py="lg">
        {leaving ? (
          <LeaveSigning onConfirmed={onLeave} onCancel={() => setLeaving(false)} />
        ) : loaded.error ? (
          <Alert color="red" title="Could not open the document">
            {loaded.error}
          </Alert>
        ) : !loaded.data ? (
          <Loader aria-label="Loading the document" />
        ) : (
          <SigningDocument
            request={request}
            initial={loaded.data}
            onFinish={() => setLeaving(true)}
          />
        )}
      </Container>
    </Box>
  );
}

function SigningDocument({
  request,
  initial,
  onFinish,
}: {
  request: SigningRequest;
  initial: { document: SignableDocument; student: Student; settings: Settings };
  onFinish(): void;
}) {
  const { student, settings } = initial;
  const [document, setDocument] = useState(initial.document);
  const current = currentVersion(document.record);
  const missing = missingRoles(current, document.signers);
  const [stage, setStage] = useState<Stage>(() => (missing.includes(request.role) ? { kind: 'signing', role: request.role } : { kind: 'idle' }));
  // The pad signs what is on screen: the hash of the content shown, never the stored hash.
  const shownHash = contentHash(current.content);

  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLDivElement>(null);

  // Keyboard and screen-reader users start at the document, and after signing at what comes next.
  useEffect(() => {
    if (stage.kind === 'signed') nextRef.current?.querySelector('button')?.focus();
    else if (stage.kind === 'signing') headingRef.current?.focus();
  }, [stage]);

  const sign = async (signature: Signature) => {
    setNotice(null);
    try {
      setDocument(await signSignable(request.studentId, request.document, signature));
      setStage({ kind: 'signed', role: signature.role });
    } catch (err) {
      await showLatestIfChanged(err, signature.role);
      // The pad shows why nothing was signed.
      throw err;
    }
  };

  // Refused because the document changed (or was signed) meanwhile: show what it says now, to sign again.
  const showLatestIfChanged = async (err: unknown, role: SignerRole) => {
    try {
      const latest = await loadSignable(request.studentId, request.document);
      const latestVersion = currentVersion(latest.record);
      if (latestVersion.hash === current.hash && latestVersion.signatures.length === current.signatures.length) return;
      setDocument(latest);
      setNotice(
        latestVersion.hash === current.hash
          ? describeError(err)
          : 'Nothing was signed: the document changed while it was on screen. Below is what it says now; read it and sign again.',
      );
      if (!missingRoles(latestVersion, latest.signers).includes(role)) setStage({ kind: 'idle' });
    } catch {
      // The pad's own message is enough when the document cannot be read again.
    }
  };

  return (
    <Stack gap="lg">
      <Title order={1} size="h2" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
        {document.title}
      </Title>
      {notice && (
        <Alert color="orange" title="The document changed" role="alert">
          {notice}
        </Alert>
      )}
      {document.body(current.content)}
      <SignatureList signatures={current.signatures} />
      {stage.kind === 'signing' && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {signerRoleLabels[stage.role]}: sign below
          </Title>
          <Text size="sm" c="dimmed">
            {document.statement}
          </Text>
          <SignaturePad
            key={`${stage.role}-${shownHash}`}
            role={stage.role}
            contentHash={shownHash}
            defaultName={stage.role === 'student' ? student.fullName : settings.mentorName}
            onSign={sign}
          />
        </Stack>
      )}
      {stage.kind !== 'signing' && (
        <Stack gap="sm">
          {stage.kind === 'signed' && (
            <Alert color="teal" title={`Signed by the ${signerRoleLabels[stage.role].toLowerCase()}`} role="status">
              {missing.length === 0 ? 'Everyone has signed this document.' : 'The signature is saved.'}
            </Alert>
          )}
          <Group gap="sm" ref={nextRef}>
            {missing.map((role) => (
              <Button key={role} onClick={() => setStage({ kind: 'signing', role })}>
                {signerRoleLabels[role]} signs now
              </Button>
            ))}
            <Button variant={missing.length > 0 ? 'default' : 'filled'} onClick={onFinish}>
              Finish
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
