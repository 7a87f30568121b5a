import { z } from "zod";
import { BURN_RATE_SEVERITIES, SLO_KINDS } from "../../../modules/slo-alarms";
import { budgetSpent, burnThresholdPercent, errorBudgetPercent } from "../../../modules/slo-alarms/error-budget";
import { issueReporter } from "./common";

export { burnThresholdPercent, errorBudgetPercent };

/**
 * A burn-rate window is one CloudWatch alarm period. PutMetricAlarm takes periods in multiples of
 * 60 s, and Period x EvaluationPeriods of at most 604,800 s (7 days); our alarms evaluate one
 * period (PutMetricAlarm, Period; read 2026-12-02 in the CloudWatch API reference).
 */
export const MAX_WINDOW_MINUTES = 7 * 24 * 60;
/** An SLO's compliance period: a month is the usual; 90 days is a quarter. */
export const SLO_PERIOD_DAYS = { min: 1, max: 90 } as const;
/**
 * The ALB closes a connection idle for 60 s (its default, which the regional ALB keeps; ELB user
 * guide, "Edit attributes for your Application Load Balancer", read 2026-12-02): a latency
 * threshold at or above it measures nothing the load balancer lets through.
 */
export const MAX_LATENCY_THRESHOLD_SECONDS = 60;
const targetPercent = z
  .number()
  .gt(0, "must be more than 0 %")
  .lt(100, "must be less than 100 % (a 100 % objective leaves no error budget to burn)");

const windowMinutes = z
  .number()
  .int("must be whole minutes (CloudWatch alarm periods are multiples of 60 s)")
  .min(1, "must be at least 1 minute")
  .max(MAX_WINDOW_MINUTES, `must be at most ${MAX_WINDOW_MINUTES} minutes (7 days, CloudWatch's longest alarm period)`);

const burnRateAlert = z
  .strictObject({
    /** The window that shows the burn is sustained. */
    longWindowMinutes: windowMinutes,
    /** The window that shows the burn is still going on (so the alert resets soon after a fix). */
    shortWindowMinutes: windowMinutes,
    /** How many times faster than "exactly spent at the end of the period" the budget burns. */
    burnRate: z
      .number()
      .gt(1, "must be more than 1 (at a burn rate of 1 the budget lasts exactly the SLO period: nothing to alert)"),
  })
  .superRefine((alert, ctx) => {
    if (alert.shortWindowMinutes >= alert.longWindowMinutes) {
      issueReporter(ctx)(
        ["shortWindowMinutes"],
        `must be shorter than longWindowMinutes (${alert.longWindowMinutes}); the pair is in the wrong order`,
      );
    }
  });
export type BurnRateAlertConfig = z.output<typeof burnRateAlert>;

/**
 * The Google SRE workbook's recommended pairs ("Alerting on SLOs", multiwindow, multi-burn-rate
 * alerts): 2 % of a 30-day budget spent in 1 h pages; 5 % spent in 6 h opens a ticket.
 */
export const WORKBOOK_BURN_RATE_ALERTS = {
  page: { longWindowMinutes: 60, shortWindowMinutes: 5, burnRate: 14.4 },
  ticket: { longWindowMinutes: 360, shortWindowMinutes: 30, burnRate: 6 },
} as const;

export { BURN_RATE_SEVERITIES, type BurnRateSeverity, SLO_KINDS, type SloKind } from "../../../modules/slo-alarms";

/**
 * Service level objectives of the app, measured per region on its load balancer, and the
 * multi-window, multi-burn-rate alerts raised from them.
 */
export const sloSchema = z
  .strictObject({
    /**
     * Days the error budget covers.
     * @default 30
     */
    periodDays: z.number().int().min(SLO_PERIOD_DAYS.min).max(SLO_PERIOD_DAYS.max).default(30),
    /** Share of requests answered without a 5xx (from the load balancer or the app). */
    availability: z.strictObject({ targetPercent }),
    /** Share of requests the app answers within `thresholdSeconds`. */
    latency: z.strictObject({
      targetPercent,
      thresholdSeconds: z
        .number()
        .gt(0, "must be more than 0 s")
        .lt(
          MAX_LATENCY_THRESHOLD_SECONDS,
          `must be less than ${MAX_LATENCY_THRESHOLD_SECONDS} s (the ALB's idle timeout)`,
        ),
    }),
    /**
     * The page (critical topic) and ticket (warning topic) pairs of windows and burn rates.
     * @default WORKBOOK_BURN_RATE_ALERTS (1 h and 5 min at 14.4x; 6 h and 30 min at 6x)
     */
    burnRateAlerts: z.strictObject({ page: burnRateAlert, ticket: burnRateAlert }).default(WORKBOOK_BURN_RATE_ALERTS),
  })
  .superRefine((slo, ctx) => {
    const issue = issueReporter(ctx);
    for (const severity of BURN_RATE_SEVERITIES) {
      const { burnRate, longWindowMinutes } = slo.burnRateAlerts[severity];
      const path = ["burnRateAlerts", severity];
      for (const kind of SLO_KINDS) {
        const target = slo[kind].targetPercent;
        // A target or window its own field refused has already been reported.
        if (!targetPercent.safeParse(target).success) continue;
        const threshold = burnThresholdPercent(target, burnRate);
        if (threshold >= 100) {
          issue(
            [...path, "burnRate"],
            `${burnRate} x the ${kind} error budget (100 - ${target} = ${errorBudgetPercent(target)} %) = ${threshold} % ` +
              `of requests, which no window can exceed: the alert could never fire`,
          );
        }
      }
      if (!windowMinutes.safeParse(longWindowMinutes).success) continue;
      const spent = budgetSpent(burnRate, longWindowMinutes, slo.periodDays);
      if (spent > 1) {
        issue(
          [...path, "burnRate"],
          `${burnRate} x ${longWindowMinutes} min / ${slo.periodDays * 24 * 60} min (${slo.periodDays} days) = ${spent} budgets: ` +
            `the whole budget is spent before the long window can alert`,
        );
      }
    }
    const { page, ticket } = slo.burnRateAlerts;
    if (page.burnRate <= ticket.burnRate) {
      issue(
        ["burnRateAlerts", "page", "burnRate"],
        `must be more than burnRateAlerts.ticket.burnRate (${ticket.burnRate}): a page is for the faster burn`,
      );
    }
  });
export type SloConfig = z.output<typeof sloSchema>;
