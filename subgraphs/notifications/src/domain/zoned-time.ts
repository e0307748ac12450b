/**
 * Wall-clock time in an IANA zone <-> UTC instants, with Intl alone (Node 20 has no Temporal).
 * A "wall" value is the wall-clock reading written as if it were UTC milliseconds, so local
 * times of day are plain arithmetic.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

// One formatter per zone: constructing Intl.DateTimeFormat costs far more than formatting.
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

// Area/Location names (and UTC) only: Intl also accepts abbreviations such as "EST", a fixed
// offset without DST. Not Intl.supportedValuesOf('timeZone'): on Node 20 it lists neither "UTC"
// nor "Asia/Kolkata" (only the ICU spellings), so it would reject names people really use.
const IANA_NAME = /^(UTC|[A-Z][A-Za-z_-]*(\/[A-Za-z0-9_+-]+)+)$/;

export function isIanaTimeZone(zone: string): boolean {
  if (!IANA_NAME.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Zone offset (wall minus UTC) in milliseconds at an instant. */
export function offsetMsAt(zone: string, instantMs: number): number {
  const wall: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(zone).formatToParts(instantMs)) wall[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = wall;
  const wholeSecond = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return Date.UTC(year, month - 1, day, hour % 24, minute, second) - wholeSecond;
}

export function wallMsOf(zone: string, instantMs: number): number {
  return instantMs + offsetMsAt(zone, instantMs);
}

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
  if (!(low < high) || high < notBefore) throw new Error(`no instant after ${new Date(notBefore).toISOString()} reads ${new Date(wallMs).toISOString()} in ${zone}`);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (wallMsOf(zone, mid) >= wallMs) high = mid;
    else low = mid;
  }
  return high;
}
