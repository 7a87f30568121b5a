/**
 * AWS maintenance and backup windows, as RDS and ElastiCache take them (UTC): a daily
 * `hh24:mi-hh24:mi` and a weekly `ddd:hh24:mi-ddd:hh24:mi`. Both services refuse overlapping
 * windows, and both have a minimum length.
 */

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const TIME = "([01]\\d|2[0-3]):([0-5]\\d)";

export const DAILY_WINDOW = new RegExp(`^${TIME}-${TIME}$`);
export const WEEKLY_WINDOW = new RegExp(`^(${DAYS.join("|")}):${TIME}-(${DAYS.join("|")}):${TIME}$`);

/** A window as [start, end) minutes from Monday 00:00; `end` may pass the week's end. */
type Interval = readonly [number, number];

const minutes = (hours: string, mins: string) => Number(hours) * 60 + Number(mins);

/** The seven daily occurrences of `hh:mm-hh:mm` within a week, or null when malformed. */
export function dailyIntervals(window: string): Interval[] | null {
  const match = DAILY_WINDOW.exec(window);
  if (match === null) return null;
  const start = minutes(match[1]!, match[2]!);
  let end = minutes(match[3]!, match[4]!);
  if (end <= start) end += MINUTES_PER_DAY;
  return DAYS.map((_, day): Interval => [day * MINUTES_PER_DAY + start, day * MINUTES_PER_DAY + end]);
}

/** The weekly occurrence of `ddd:hh:mm-ddd:hh:mm`, or null when malformed. */
export function weeklyInterval(window: string): Interval | null {
  const match = WEEKLY_WINDOW.exec(window);
  if (match === null) return null;
  const at = (day: string, hours: string, mins: string) =>
    DAYS.indexOf(day as (typeof DAYS)[number]) * MINUTES_PER_DAY + minutes(hours, mins);
  const start = at(match[1]!, match[2]!, match[3]!);
  let end = at(match[4]!, match[5]!, match[6]!);
  if (end <= start) end += MINUTES_PER_WEEK;
  return [start, end];
}

export const lengthOf = ([start, end]: Interval): number => end - start;

/** True when two intervals of the weekly cycle share a minute (wrap-around included). */
export function overlaps(a: Interval, b: Interval): boolean {
  return [-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK].some((shift) => a[0] < b[1] + shift && b[0] + shift < a[1]);
}
