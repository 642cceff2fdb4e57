import { useEffect, useState } from 'react';

/** The time now, refreshed every `everyMs`, for labels like "overdue by 2 h" that must not go stale. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
