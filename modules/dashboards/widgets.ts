import type { CloudwatchMetricAlarmMetricQuery } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";

/**
 * Dashboard widgets built from the same metric queries the alarms use, in the dashboard body's
 * own format (CloudWatch API reference, "Dashboard Body Structure and Syntax").
 */

/** A metric query, alarm-style: a metric with its statistic and period, or an expression. */
export type MetricQuery = CloudwatchMetricAlarmMetricQuery;

/** One line of a metric widget's `metrics` array. */
type MetricLine = unknown[];

export interface Widget {
  readonly type: "metric" | "alarm" | "text";
  readonly width: number;
  readonly height: number;
  readonly properties: Record<string, unknown>;
}

/** CloudWatch lays widgets on a grid 24 units wide. */
export const GRID_WIDTH = 24;
const GRAPH_HEIGHT = 6;
const SINGLE_VALUE_HEIGHT = 4;

/** The `metrics` line of one alarm-style query. */
function metricLine(query: MetricQuery): MetricLine {
  const options: Record<string, unknown> = { id: query.id };
  if (query.label !== undefined) options.label = query.label;
  if (query.returnData === false) options.visible = false;
  if (query.expression !== undefined) return [{ expression: query.expression, ...options }];
  const metric = query.metric!;
  const dimensions = Object.entries(metric.dimensions ?? {}).flat();
  return [metric.namespace, metric.metricName, ...dimensions, { ...options, stat: metric.stat, period: metric.period }];
}

export interface GraphOptions {
  /** AWS region the metrics live in. */
  readonly region: string;
  /** @default 8 (three graphs a row) */
  readonly width?: number;
  /** Horizontal lines, e.g. an alarm's threshold. */
  readonly thresholds?: readonly { readonly label: string; readonly value: number }[];
}

/** A time-series graph of the queries (hidden ones feed the expressions). */
export function graph(title: string, queries: readonly MetricQuery[], options: GraphOptions): Widget {
  return {
    type: "metric",
    width: options.width ?? GRID_WIDTH / 3,
    height: GRAPH_HEIGHT,
    properties: {
      title,
      region: options.region,
      view: "timeSeries",
      metrics: queries.map(metricLine),
      ...(options.thresholds === undefined
        ? {}
        : { annotations: { horizontal: options.thresholds.map(({ label, value }) => ({ label, value })) } }),
    },
  };
}

/**
 * One number over a fixed look-back (`start`, ISO 8601 duration such as -P30D), computed over the
 * whole range: e.g. the error budget left over the SLO period.
 */
export function singleValue(
  title: string,
  queries: readonly MetricQuery[],
  options: { readonly region: string; readonly start: string; readonly width?: number },
): Widget {
  return {
    type: "metric",
    width: options.width ?? GRID_WIDTH / 4,
    height: SINGLE_VALUE_HEIGHT,
    properties: {
      title,
      region: options.region,
      view: "singleValue",
      start: options.start,
      setPeriodToTimeRange: true,
      metrics: queries.map(metricLine),
    },
  };
}

/** The states of alarms, in any region of the account, by ARN. */
export function alarmStatus(
  title: string,
  alarmArns: readonly string[],
  options: { readonly width?: number } = {},
): Widget {
  return {
    type: "alarm",
    width: options.width ?? GRID_WIDTH,
    height: GRAPH_HEIGHT,
    properties: { title, alarms: [...alarmArns] },
  };
}

/** The dashboard body: widgets in the order given; CloudWatch flows them left to right. */
export function dashboardBody(widgets: readonly Widget[]): string {
  return JSON.stringify({ widgets });
}
