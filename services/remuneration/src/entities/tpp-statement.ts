// Statement versions, compute runs, the lock/reopen log and the summaries (Migration0002Statements,
// Migration0005CompactStatements: the version's natural key is the primary key).
import { defineEntity, p } from '@mikro-orm/core';

export const TppStatementVersion = defineEntity({
  name: 'TppStatementVersion',
  tableName: 'tpp_statement',
  properties: {
    id: p.uuid(),
    employeeId: p.text().primary(),
    month: p.string().length(7).primary(),
    version: p.integer().primary(),
    current: p.boolean(),
    stale: p.boolean().default(false),
    instansiId: p.text(),
    unitPath: p.array().default([]),
    regionCode: p.text(),
    nip: p.text(),
    name: p.text(),
    golongan: p.text().nullable(),
    kelasJabatan: p.integer().nullable(),
    ruleVersion: p.uuid(),
    inputs: p.text(),
    base: p.bigint('number'),
    gross: p.bigint('number'),
    deductions: p.bigint('number'),
    tax: p.bigint('number'),
    net: p.bigint('number'),
    lines: p.json<unknown>().columnType('json'),
    cuts: p.json<Record<string, number>>(),
    predikat: p.json<unknown>().nullable(),
    attendanceVersion: p.integer().nullable(),
    runId: p.uuid(),
    computedBy: p.text(),
    computedAt: p.datetime(),
    reason: p.text(),
  },
  indexes: [
    { name: 'tpp_statement_current_key', expression: `create unique index "tpp_statement_current_key" on "tpp_statement" ("employee_id", "month") where "current"` },
    { name: 'tpp_statement_instansi_idx', expression: `create index "tpp_statement_instansi_idx" on "tpp_statement" ("instansi_id", "month", "nip") where "current"` },
  ],
});

export const TppRun = defineEntity({
  name: 'TppRun',
  tableName: 'tpp_run',
  properties: {
    id: p.uuid().primary(),
    instansiId: p.text(),
    month: p.string().length(7),
    status: p.text(),
    total: p.integer(),
    processed: p.integer().default(0),
    changed: p.integer().default(0),
    cursor: p.text().nullable(),
    reason: p.text(),
    requestedBy: p.text(),
    startedAt: p.datetime(),
    finishedAt: p.datetime().nullable(),
    error: p.text().nullable(),
  },
  indexes: [{ name: 'tpp_run_running_key', expression: `create unique index "tpp_run_running_key" on "tpp_run" ("instansi_id", "month") where "status" = 'RUNNING'` }],
  checks: [{ name: 'tpp_run_status_check', expression: `"status" in ('RUNNING', 'DONE', 'FAILED')` }],
});

/** A contiguous range of a run's employees, processed batch by batch beside the run's other lanes. */
export const TppRunLane = defineEntity({
  name: 'TppRunLane',
  tableName: 'tpp_run_lane',
  properties: {
    runId: p.uuid().primary(),
    lane: p.integer().primary(),
    afterId: p.text(),
    untilId: p.text().nullable(),
    cursor: p.text(),
    done: p.boolean().default(false),
  },
});

export const TppMonthEvent = defineEntity({
  name: 'TppMonthEvent',
  tableName: 'tpp_month_event',
  properties: {
    id: p.uuid().primary(),
    instansiId: p.text(),
    month: p.string().length(7),
    action: p.text(),
    reason: p.text(),
    actor: p.text(),
    at: p.datetime(),
  },
  checks: [{ name: 'tpp_month_event_action_check', expression: `"action" in ('LOCK', 'REOPEN')` }],
});

export const TppSummary = defineEntity({
  name: 'TppSummary',
  tableName: 'tpp_summary',
  properties: {
    scopeKind: p.text().primary(),
    scopeId: p.text().primary(),
    month: p.string().length(7).primary(),
    regionCode: p.text(),
    headcountPaid: p.integer(),
    gross: p.bigint('number'),
    deductions: p.bigint('number'),
    tax: p.bigint('number'),
    net: p.bigint('number'),
    cuts: p.json<Record<string, number>>(),
  },
  checks: [{ name: 'tpp_summary_scope_kind_check', expression: `"scope_kind" in ('REGION', 'UNIT')` }],
});
