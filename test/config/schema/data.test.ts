import { describe, expect, it } from "vitest";
import { dailyIntervals, overlaps, weeklyInterval } from "../../../src/config/schema/windows";
import { environmentConfig, osakaInsteadOfTaipei } from "../../helpers";
import { type Input, expectSingleProblem, problemsAfter } from "./helpers";

const database = (input: Input) => input.database;
const cache = (input: Input) => input.cache;
const tokyoAndOsaka = osakaInsteadOfTaipei;

describe("data tier replication across the regions", () => {
  it("refuses a global database with Taipei, naming the field, region, feature and source", () => {
    const lines = problemsAfter((input) => (database(input).replication = "global-database"));
    expectSingleProblem(
      lines,
      "database.replication",
      '"global-database"',
      /Aurora PostgreSQL global databases in every region, and taipei \(ap-east-2\) does not offer it per https:\/\/docs\.aws\.amazon\.com\/AmazonRDS\/.*GlobalDatabase\.html \(read 2026-12-01\)/,
    );
  });

  it("refuses a global datastore with Taipei", () => {
    const lines = problemsAfter((input) => (cache(input).replication = "global-datastore"));
    expectSingleProblem(lines, "cache.replication", '"global-datastore"', /taipei \(ap-east-2\) does not offer it/);
  });

  it("accepts them once the environment asserts Taipei offers them (preflight then checks the account)", () => {
    const config = environmentConfig("production", (input) => {
      database(input).replication = "global-database";
      cache(input).replication = "global-datastore";
      input.regions[0]!.assertedCapabilities = [
        ...(input.regions[0]!.assertedCapabilities ?? []),
        "aurora-postgresql-global-database",
        "elasticache-global-datastore",
      ];
    });
    expect([config.database.replication, config.cache.replication]).toEqual(["global-database", "global-datastore"]);
  });

  it("rejects an unknown asserted capability", () => {
    const lines = problemsAfter((input) => (input.regions[0]!.assertedCapabilities = ["aurora-mysql-global" as never]));
    expectSingleProblem(lines, "regions[0].assertedCapabilities[0]", '"aurora-mysql-global"', /must be one of/);
  });

  it("defaults to the best each pair allows: DMS change data capture with Taipei, global stores with Osaka", () => {
    const taipei = environmentConfig("production");
    expect([taipei.database.replication, taipei.cache.replication]).toEqual(["dms-cdc", "per-region"]);
    const osaka = environmentConfig("production", tokyoAndOsaka);
    expect([osaka.database.replication, osaka.cache.replication]).toEqual(["global-database", "global-datastore"]);
  });
});

describe("dms-cdc replication", () => {
  it("needs the DMS settings once a secondary exists", () => {
    const lines = problemsAfter((input) => delete database(input).changeDataCapture);
    expectSingleProblem(lines, "database.changeDataCapture", null, /is required with dms-cdc replication/);
  });

  it("does not need them where snapshot copies are chosen", () => {
    const config = environmentConfig("production", (input) => {
      database(input).replication = "snapshot-copy";
      delete database(input).changeDataCapture;
    });
    expect(config.database.changeDataCapture).toBeUndefined();
  });

  it.each([
    ["instanceClass", "db.r6i.large", /must be a DMS instance class/],
    ["allocatedStorageGb", 4, />=5/],
    ["allocatedStorageGb", 6145, /<=6144/],
    ["engineVersion", "3.5", /must be a DMS engine version/],
    ["schemas", [], /at least one schema/],
  ])("refuses changeDataCapture.%s %j", (field, value, rule) => {
    const lines = problemsAfter((input) => {
      (database(input).changeDataCapture as Record<string, unknown>)[field] = value;
    });
    expectSingleProblem(lines, `database.changeDataCapture.${field}`, null, rule);
  });

  it("refuses a region key that a replication link stack would collide with", () => {
    const lines = problemsAfter((input) => (input.regions[1]!.key = "replication-osaka"));
    expect(lines.join("\n")).toMatch(/regions\[1\]\.key.*must not start with "replication-"/);
  });
});

describe("database configuration", () => {
  it.each(["8.0.mysql_aurora.3.05.2", "16", "postgres16.6"])(
    "rejects engine version %s, which is not Aurora PostgreSQL major.minor",
    (version) => {
      const lines = problemsAfter((input) => (database(input).engineVersion = version));
      expectSingleProblem(lines, "database.engineVersion", `"${version}"`, /must be an Aurora PostgreSQL version/);
    },
  );

  it("rejects an Aurora PostgreSQL major without global database support", () => {
    const lines = problemsAfter((input) => (database(input).engineVersion = "11.9"));
    expectSingleProblem(lines, "database.engineVersion", '"11.9"', /13.x to 17.x/);
  });

  it.each(["cache.r6g.large", "r6g.large"])("rejects instance class %s, which is not a db.* class", (instanceClass) => {
    const lines = problemsAfter((input) => (database(input).instanceClass = instanceClass));
    expectSingleProblem(lines, "database.instanceClass", `"${instanceClass}"`, /must be an RDS instance class/);
  });

  it("rejects a burstable class with a global database, which AWS runs on memory-optimized classes only", () => {
    const lines = problemsAfter((input) => {
      tokyoAndOsaka(input);
      database(input).instanceClass = "db.t4g.medium";
    });
    expectSingleProblem(lines, "database.instanceClass", '"db.t4g.medium"', /memory-optimized class/);
  });

  it("accepts a burstable class where no global database is used", () => {
    const config = environmentConfig("production", (input) => (database(input).instanceClass = "db.t4g.medium"));
    expect(config.database.instanceClass).toBe("db.t4g.medium");
  });

  it.each([0, 36])("rejects backup retention of %i days (1-35)", (days) => {
    const lines = problemsAfter((input) => (database(input).backupRetentionDays = days));
    expectSingleProblem(lines, "database.backupRetentionDays", String(days), days === 0 ? />=1/ : /<=35/);
  });

  it.each(["16:00", "25:00-26:00", "4pm-5pm"])("rejects the malformed backup window %s", (window) => {
    const lines = problemsAfter((input) => (database(input).backupWindow = window));
    expectSingleProblem(lines, "database.backupWindow", `"${window}"`, /hh24:mi-hh24:mi/);
  });

  it("rejects a backup window overlapping the maintenance window", () => {
    const lines = problemsAfter((input) => (database(input).backupWindow = "17:45-18:45"));
    expectSingleProblem(
      lines,
      "database.backupWindow",
      '"17:45-18:45"',
      /must not overlap maintenanceWindow \(sun:17:30-sun:18:30\)/,
    );
  });

  it("rejects a backup window shorter than RDS's 30 minutes", () => {
    const lines = problemsAfter((input) => (database(input).backupWindow = "16:00-16:15"));
    expectSingleProblem(lines, "database.backupWindow", '"16:00-16:15"', /at least 30 minutes/);
  });

  it("rejects a reserved master user name", () => {
    const lines = problemsAfter((input) => (database(input).masterUsername = "rdsadmin"));
    expectSingleProblem(lines, "database.masterUsername", '"rdsadmin"', /reserved/);
  });
});

describe("cache configuration", () => {
  it("rejects a Redis OSS engine version below 7", () => {
    const lines = problemsAfter((input) => {
      cache(input).engine = "redis";
      cache(input).engineVersion = "6.2";
    });
    expectSingleProblem(lines, "cache.engineVersion", '"6.2"', /redis must be 7.0 or newer/);
  });

  it("accepts Redis OSS 7.1", () => {
    const config = environmentConfig("production", (input) =>
      Object.assign(input.cache, { engine: "redis", engineVersion: "7.1" }),
    );
    expect(config.cache).toMatchObject({ engine: "redis", engineVersion: "7.1" });
  });

  it("rejects fewer than 2 nodes with Multi-AZ on", () => {
    const lines = problemsAfter((input) => (cache(input).nodes = 1));
    expectSingleProblem(lines, "cache.nodes", "1", /Multi-AZ needs at least 2 nodes/);
  });

  it.each(["cache.t4g.medium", "cache.m7g.medium", "cache.r4.large"])(
    "rejects node type %s with a global datastore (large or bigger of AWS's listed families only)",
    (nodeType) => {
      const lines = problemsAfter((input) => {
        tokyoAndOsaka(input);
        cache(input).nodeType = nodeType;
      });
      expectSingleProblem(
        lines,
        "cache.nodeType",
        `"${nodeType}"`,
        /M5, M6g, M7g, M8g, R5, R6g, R6gd, R7g, R8g, C7gn or C8gn/,
      );
    },
  );

  it("rejects a snapshot window overlapping the maintenance window", () => {
    const lines = problemsAfter((input) => (cache(input).snapshotWindow = "18:00-19:00"));
    expectSingleProblem(lines, "cache.snapshotWindow", '"18:00-19:00"', /must not overlap maintenanceWindow/);
  });
});

describe("maintenance windows", () => {
  it("finds overlaps across midnight and the end of the week", () => {
    expect(overlaps(dailyIntervals("23:30-00:30")![6]!, weeklyInterval("mon:00:00-mon:01:00")!)).toBe(true);
    expect(overlaps(weeklyInterval("sun:23:00-mon:01:00")!, dailyIntervals("00:30-01:30")![0]!)).toBe(true);
    expect(overlaps(dailyIntervals("16:00-17:00")![6]!, weeklyInterval("sun:17:30-sun:18:30")!)).toBe(false);
  });
});

describe("backup configuration", () => {
  it.each([5, 0, 48])("rejects a frequency of %i hours (not a divisor of a day)", (hours) => {
    const lines = problemsAfter((input) => (input.backup.frequencyHours = hours));
    expectSingleProblem(lines, "backup.frequencyHours", String(hours), /1, 2, 3, 4, 6, 8, 12, 24/);
  });

  it("rejects a retention of 0 days", () => {
    const lines = problemsAfter((input) => (input.backup.retentionDays = 0));
    expectSingleProblem(lines, "backup.retentionDays", "0", />=1/);
  });
});
