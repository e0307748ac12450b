/**
 * The questions every time-zone computation here starts from, with Intl alone (Node 20 has no
 * Temporal): is this an IANA zone name, what is the zone's offset at an instant, and what does its
 * clock read then. A "wall" value is that reading written as if it were UTC milliseconds.
 */

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

// Area/Location names (and UTC) only: Intl also accepts legacy abbreviations such as "EST",
// which is a fixed offset without DST and would silently shift a New York doctor's summer hours.
// Not Intl.supportedValuesOf('timeZone'): on Node 20 it lists neither "UTC" nor "Asia/Kolkata".
const IANA_NAME = /^(UTC|[A-Z][A-Za-z_-]*(\/[A-Za-z0-9_+-]+)+)$/;

export function isIanaTimeZone(zone: string): boolean {
  if (!IANA_NAME.test(zone)) return false;
  try {
    // Not cached: this checks untrusted input, and "Europe/BERLIN" is a valid spelling too.
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Zone offset (wall minus UTC) in milliseconds at an instant given in UTC milliseconds. */
export function offsetMsAt(zone: string, instantMs: number): number {
  const wall: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(zone).formatToParts(instantMs)) wall[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = wall;
  const wholeSecond = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return Date.UTC(year, month - 1, day, hour % 24, minute, second) - wholeSecond;
}

/** Wall-clock reading of an instant, as wall milliseconds. */
export function wallMsOf(zone: string, instantMs: number): number {
  return instantMs + offsetMsAt(zone, instantMs);
}
