import { useEffect, useState } from 'react';

/**
 * True once `active` has stayed true for `thresholdMs`; resets as soon as `active` turns false.
 * Used to switch to the "taking longer than usual" note and slower polling.
 */
export function useUnresolvedTimer(active: boolean, thresholdMs: number): boolean {
  const [expiredFor, setExpiredFor] = useState<number | null>(null);
  const [episode, setEpisode] = useState(0);
  const [wasActive, setWasActive] = useState(active);

  // Start a new episode whenever `active` flips (derived state during render, no effect needed).
  if (active !== wasActive) {
    setWasActive(active);
    if (active) setEpisode((e) => e + 1);
  }

  useEffect(() => {
    if (!active) return;
    const id = window.setTimeout(() => setExpiredFor(episode), thresholdMs);
    return () => window.clearTimeout(id);
  }, [active, episode, thresholdMs]);

  return active && expiredFor === episode;
}
