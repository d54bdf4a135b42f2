// The report form's "when" is a datetime-local field: a wall-clock time without a zone. Reports are
// about Swedish workplaces, so the field is always read and shown as Stockholm time, whatever the
// device's own time zone is, and sent to the API as an ISO string with Stockholm's offset.

const timeZone = 'Europe/Stockholm';

const wallClockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function stockholmWallClock(instant: Date): WallClock {
  const parts = Object.fromEntries(wallClockFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Stockholm's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function stockholmOffsetMinutes(instant: Date): number {
  const clock = stockholmWallClock(instant);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** An instant as the value of a datetime-local field in Stockholm time, e.g. "2026-11-23T13:05". */
export function toStockholmInputValue(instant: Date): string {
  const clock = stockholmWallClock(instant);
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}`;
}

const inputValuePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A datetime-local value read as Stockholm time, as an ISO string with the offset, e.g.
 * "2026-11-23T13:05:00+01:00"; null when the value is not a date and time.
 */
export function stockholmInputValueToIso(value: string): string | null {
  const match = inputValuePattern.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '00'] = match as unknown as string[];
  const wallClockAsUtc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  // Date.UTC rolls 30 February over into March: such a value is no date.
  if (new Date(wallClockAsUtc).getUTCDate() !== Number(day)) return null;
  // The offset depends on the instant, which depends on the offset: two rounds settle it, also
  // around the changes to and from summer time.
  let offset = stockholmOffsetMinutes(new Date(wallClockAsUtc));
  offset = stockholmOffsetMinutes(new Date(wallClockAsUtc - offset * 60_000));
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}
