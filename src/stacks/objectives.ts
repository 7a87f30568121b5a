import type { ServiceLevelObjectives } from "../../modules/slo-alarms";
import type { EnvironmentConfig } from "../config/schema";

/** The environment's SLOs, as the alarms and dashboards take them (regions and edge alike). */
export function objectivesOf({ slo }: EnvironmentConfig): ServiceLevelObjectives {
  return {
    periodDays: slo.periodDays,
    availabilityTargetPercent: slo.availability.targetPercent,
    latencyTargetPercent: slo.latency.targetPercent,
    latencyThresholdSeconds: slo.latency.thresholdSeconds,
  };
}
