/**
 * Wall-clock time in an IANA zone <-> UTC instants, with Intl alone (Node 20 has no Temporal).
 * A "wall" value is the wall-clock reading written as if it were UTC milliseconds, so local
 * times of day are plain arithmetic.
 */

import { isIanaTimeZone, offsetMsAt, wallMsOf } from '@medappt/platform/domain';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export { isIanaTimeZone, offsetMsAt, wallMsOf };

/**
 * The first instant at or after `notBefore` at which the clock reads `wallMs`; when the clock
 * skips that reading (spring forward), the instant it jumps past it.
 */
export function firstInstantReading(zone: string, wallMs: number, notBefore: number): number {
  // Offsets stay within -12 h..+14 h, so the offsets a day either side cover every reading.
  const offsets = [offsetMsAt(zone, wallMs - DAY_MS), offsetMsAt(zone, wallMs), offsetMsAt(zone, wallMs + DAY_MS)];
  const readings = offsets.map((offset) => wallMs - offset).filter((instant) => instant >= notBefore && wallMsOf(zone, instant) === wallMs);
  if (readings.length > 0) return Math.min(...readings);

  // A gap: the clock reads less than wallMs at `low` and more at `high`, and only moves forward in between.
  let low = wallMs - Math.max(...offsets);
  let high = wallMs - Math.min(...offsets);
  if (!(low < high) || high < notBefore)
    throw new Error(`no instant after ${new Date(notBefore).toISOString()} reads ${new Date(wallMs).toISOString()} in ${zone}`);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (wallMsOf(zone, mid) >= wallMs) high = mid;
    else low = mid;
  }
  return high;
}
