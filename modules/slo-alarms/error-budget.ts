/** How many decimals of a percentage survive rounding (so 100 - 99.9 is 0.1, not 0.0999...). */
const PERCENT_DECIMALS = 6;

const round = (value: number) => Number(value.toFixed(PERCENT_DECIMALS));

/** The share of requests an objective may fail, in percent: 100 - target. */
export function errorBudgetPercent(targetPercent: number): number {
  return round(100 - targetPercent);
}

/** The bad-request percentage at which a window burns the budget `burnRate` times too fast. */
export function burnThresholdPercent(targetPercent: number, burnRate: number): number {
  return round(burnRate * errorBudgetPercent(targetPercent));
}

/** The share of the whole budget (1 = all of it) a burn at `burnRate` spends in `minutes`. */
export function budgetSpent(burnRate: number, minutes: number, periodDays: number): number {
  return round((burnRate * minutes) / (periodDays * 24 * 60));
}

/** Hours until a burn at `burnRate` has spent the whole budget of `periodDays`. */
export function hoursToExhaustion(burnRate: number, periodDays: number): number {
  return round((periodDays * 24) / burnRate);
}
