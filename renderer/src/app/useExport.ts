import { useState } from 'react';
import { notifyDone, notifyError } from './feedback';

/**
 * Every export button works the same way: busy while the file is written, then a notification
 * saying where it went (the mentor's next question), or what went wrong.
 */
export function useExport(what = 'PDF') {
  const [busy, setBusy] = useState(false);
  const [lastPath, setLastPath] = useState<string | null>(null);
  const run = async (write: () => Promise<{ path: string }>, extra = ''): Promise<string | null> => {
    setBusy(true);
    try {
      const { path } = await write();
      setLastPath(path);
      notifyDone(`${what} exported`, `Saved to ${path}${extra}`);
      return path;
    } catch (err) {
      notifyError(`${what} not exported`, err);
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, lastPath, run };
}
