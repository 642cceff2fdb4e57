import { Alert, Badge, Box, Button, Group, Paper, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { Signature, signerRoleLabels, type SignerRole } from '../../../../shared/schemas/signature';
import { formatDate, plural } from '../../app/format';
import { SignatureCanvas, type PadPoint, type SignatureCanvasHandle } from './signatureCanvas';
import { hasDrawnLine, strokeLimitProblem, toSignatureStrokes } from './strokes';

export interface SignaturePadProps {
  /** Who is signing; shown on the pad and recorded in the signature. */
  role: SignerRole;
  /** The hash of the content the signer is being shown (shared/domain/canonical.ts `contentHash`). */
  contentHash: string;
  /** Receives the confirmed signature. A rejected promise returns the signer to the pad with its message shown. */
  onSign(signature: Signature): void | Promise<void>;
  /** The clock the signature is dated by. Default: `Date.now`. */
  now?: () => number;
  /** A printed name to start with (the student's name on record); the signer can change it. Default: ''. */
  defaultName?: string;
  /** Height of the drawing area in CSS pixels; it takes the container's full width. Default: 200. */
  height?: number;
}

type Stage = { kind: 'drawing' } | { kind: 'confirming'; signature: Signature } | { kind: 'saving' } | { kind: 'signed' };

export const PAD_LABEL = 'Signature pad: draw your signature with a mouse, finger or pen';
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

const devicePixelRatio = (): number => Math.max(window.devicePixelRatio || 1, 1);
const copyGroups = (groups: PadPoint[][]): PadPoint[][] => groups.map((group) => [...group]);

/**
 * A signature drawn with a mouse, finger or pen, with the signer's printed name. Signing takes two
 * steps: Sign shows who is signing and the time the signature will carry, and Confirm signature
 * hands it to `onSign`. Clear starts again; Undo last stroke takes back one stroke.
 */
export function SignaturePad({ role, contentHash, onSign, now = Date.now, defaultName = '', height = 200 }: SignaturePadProps) {
  const padRef = useRef<SignatureCanvasHandle>(null);
  const { ref: areaRef, width: areaWidth } = useElementSize<HTMLDivElement>();
  const width = Math.floor(areaWidth);
  const [ratio, setRatio] = useState(devicePixelRatio);
  const [groups, setGroups] = useState<PadPoint[][]>([]);
  const groupsRef = useRef(groups);
  groupsRef.current = groups;
  const [name, setName] = useState(defaultName);
  const [stage, setStage] = useState<Stage>({ kind: 'drawing' });
  const [error, setError] = useState<string | null>(null);
  const noteId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const signRef = useRef<HTMLButtonElement>(null);
  const roleLabel = signerRoleLabels[role];

  // Zooming or moving the window to another screen changes the ratio; the canvas follows so strokes stay sharp.
  useEffect(() => {
    const update = () => setRatio(devicePixelRatio());
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);

  // Resizing a canvas wipes it: scale the new backing store and redraw the strokes so far.
  useLayoutEffect(() => {
    const pad = padRef.current;
    const context = pad?.getCanvas().getContext('2d');
    if (!pad || !context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    pad.fromData(copyGroups(groupsRef.current));
  }, [width, height, ratio]);

  const drawing = stage.kind === 'drawing';
  useEffect(() => {
    const pad = padRef.current;
    if (!pad) return;
    if (drawing) pad.on();
    else pad.off();
  }, [drawing]);

  // The Sign button gives way to the confirmation and back again: keep keyboard focus with it.
  const stageKind = stage.kind;
  const previousStage = useRef(stageKind);
  useEffect(() => {
    if (previousStage.current === stageKind) return;
    previousStage.current = stageKind;
    if (stageKind === 'confirming') confirmRef.current?.focus();
    if (stageKind === 'drawing') signRef.current?.focus();
  }, [stageKind]);

  const handleStrokeEnd = useCallback(() => {
    const pad = padRef.current;
    if (pad) setGroups(copyGroups(pad.toData()));
  }, []);

  const redraw = (next: PadPoint[][]) => {
    padRef.current?.fromData(copyGroups(next));
    setGroups(next);
    setError(null);
  };

  const strokes = toSignatureStrokes(groups, width, height);
  const drawn = hasDrawnLine(strokes);
  const named = name.trim().length > 0;
  const limitProblem = strokeLimitProblem(strokes.length);

  const review = () => {
    const parsed = Signature.safeParse({ role, signerName: name, signedAt: now(), contentHash, strokes, width, height });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'The signature could not be read: clear the pad and sign again');
      return;
    }
    setError(null);
    setStage({ kind: 'confirming', signature: parsed.data });
  };

  const confirm = async (signature: Signature) => {
    setStage({ kind: 'saving' });
    try {
      await onSign(signature);
      setStage({ kind: 'signed' });
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : 'The signature was not saved: try again');
      setStage({ kind: 'drawing' });
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>Signature</Text>
        <Badge variant="light" data-testid="signature-role">
          {roleLabel}
        </Badge>
      </Group>
      <Text size="sm" id={noteId}>
        A drawn signature is required: draw it in the box below with a mouse, finger or pen. Typing your name alone does not sign.
      </Text>
      <Paper
        ref={areaRef}
        withBorder
        radius="md"
        pos="relative"
        bg="white"
        style={{ height, overflow: 'hidden', opacity: drawing ? 1 : 0.7, cursor: drawing ? 'crosshair' : 'default' }}
      >
        <SignatureCanvas
          ref={padRef}
          clearOnResize={false}
          penColor="#111"
          onEnd={handleStrokeEnd}
          canvasProps={{
            width: Math.round(width * ratio),
            height: Math.round(height * ratio),
            role: 'img',
            'aria-label': PAD_LABEL,
            'aria-describedby': noteId,
            style: { display: 'block', width, height, touchAction: 'none' },
          }}
        />
        {/* A baseline to sign on, as on paper; it is not part of the signature. */}
        <Box pos="absolute" left={24} right={24} bottom={40} style={{ borderBottom: '1px dashed var(--mantine-color-gray-5)', pointerEvents: 'none' }} />
      </Paper>
      <VisuallyHidden aria-live="polite">{groups.length === 0 ? 'The signature pad is empty' : `${plural(groups.length, 'stroke')} drawn`}</VisuallyHidden>
      <Group gap="xs">
        <Button variant="default" size="xs" onClick={() => redraw(groups.slice(0, -1))} disabled={!drawing || groups.length === 0}>
          Undo last stroke
        </Button>
        <Button variant="default" size="xs" onClick={() => redraw([])} disabled={!drawing || groups.length === 0}>
          Clear
        </Button>
      </Group>
      <TextInput
        label="Printed name"
        description={`The ${roleLabel.toLowerCase()}'s name, as it should appear on the document`}
        required
        maxLength={160}
        autoComplete="name"
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        disabled={!drawing}
      />
      {error || limitProblem ? (
        <Alert color="red" role="alert">
          {error ?? limitProblem}
        </Alert>
      ) : null}
      {stage.kind === 'confirming' ? (
        <Paper withBorder p="md" radius="md" role="group" aria-label="Confirm signature">
          <Stack gap="sm">
            <Text>
              Signing as <strong>{stage.signature.signerName}</strong> ({roleLabel}) at{' '}
              <strong data-testid="signature-time">
                {timeFormat.format(stage.signature.signedAt)} on {formatDate(stage.signature.signedAt)}
              </strong>
              .
            </Text>
            <Group gap="xs">
              <Button ref={confirmRef} onClick={() => void confirm(stage.signature)}>
                Confirm signature
              </Button>
              <Button variant="default" onClick={() => setStage({ kind: 'drawing' })}>
                Back
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : stage.kind === 'signed' ? (
        <Alert color="teal">Signed.</Alert>
      ) : (
        <Group gap="sm">
          <Button ref={signRef} onClick={review} disabled={!drawing || !drawn || !named || limitProblem !== null} loading={stage.kind === 'saving'}>
            Sign
          </Button>
          {drawing && (!drawn || !named) ? (
            <Text size="sm" c="dimmed">
              {!drawn && !named ? 'Draw your signature and type your printed name to sign.' : !drawn ? 'Draw your signature to sign.' : 'Type your printed name to sign.'}
            </Text>
          ) : null}
        </Group>
      )}
    </Stack>
  );
}
