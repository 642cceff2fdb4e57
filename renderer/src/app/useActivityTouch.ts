import { useEffect } from 'react';
import { call } from './client';

/** Main runs the idle timer; the renderer only reports that someone is here, no more than this often. */
export const TOUCH_INTERVAL_MS = 30_000;

export function useActivityTouch(): void {
  useEffect(() => {
    let lastSent = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - lastSent < TOUCH_INTERVAL_MS) return;
      lastSent = now;
      // A LOCKED failure is reported through onLockedFailure; nothing else here is worth telling the user.
      call('vault:touch', {}).catch(() => undefined);
    };
    const options = { passive: true, capture: true } as const;
    window.addEventListener('keydown', onActivity, options);
    window.addEventListener('pointerdown', onActivity, options);
    window.addEventListener('wheel', onActivity, options);
    return () => {
      window.removeEventListener('keydown', onActivity, options);
      window.removeEventListener('pointerdown', onActivity, options);
      window.removeEventListener('wheel', onActivity, options);
    };
  }, []);
}
