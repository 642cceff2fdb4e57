import type { CanvasHTMLAttributes, ComponentType, Ref } from 'react';
import SignatureCanvasModule from 'react-signature-canvas';

/** A point as signature_pad 2.x records it: CSS pixels from the canvas's top-left, with time and colour. */
export interface PadPoint {
  x: number;
  y: number;
  time: number;
  color: string;
}

/** The instance methods of react-signature-canvas 1.0.7 this app uses. */
export interface SignatureCanvasHandle {
  clear(): void;
  /** One array of points per stroke. The array is the pad's own: copy it before keeping it. */
  toData(): PadPoint[][];
  /** Clears the pad and redraws these strokes; the pad keeps the array it is given. */
  fromData(pointGroups: PadPoint[][]): void;
  getCanvas(): HTMLCanvasElement;
  /** Start and stop listening for mouse and touch input. */
  on(): void;
  off(): void;
}

export interface SignatureCanvasProps {
  /** Given both width and height, the wrapper leaves sizing to its caller (this app handles devicePixelRatio itself). */
  canvasProps?: CanvasHTMLAttributes<HTMLCanvasElement>;
  clearOnResize?: boolean;
  penColor?: string;
  minWidth?: number;
  maxWidth?: number;
  minDistance?: number;
  velocityFilterWeight?: number;
  throttle?: number;
  onBegin?: () => void;
  onEnd?: () => void;
  ref?: Ref<SignatureCanvasHandle>;
}

/**
 * The package is a webpack CommonJS bundle setting `exports.default` with `__esModule`. Vite (dev
 * and build, checked with 8.3) honours that and hands over the component; Node's own ESM loader
 * (tsx, vitest outside Vite's transform) hands over the exports object. Accept either.
 */
function componentOf(moduleValue: unknown): ComponentType<SignatureCanvasProps> {
  const candidate: unknown =
    typeof moduleValue === 'object' && moduleValue !== null && 'default' in moduleValue ? moduleValue.default : moduleValue;
  if (typeof candidate !== 'function') throw new Error('react-signature-canvas did not provide a component');
  return candidate as ComponentType<SignatureCanvasProps>;
}

export const SignatureCanvas = componentOf(SignatureCanvasModule);
