// The TPP pages' operations (services/remuneration/schema.graphql): the employee's slip through
// personnel's `me` and remuneration's Employee.tpp, the compute/review/lock page's run, status and
// summary, the simulation (tppPreview) and the dashboards' summary per region.
import { gql } from '@urql/core';
import type { TppSummaryFigures } from '../../tpp/summary-diff.ts';
import type { TppPreviewInput } from '../../tpp/simulation.ts';

export interface TppLine {
  kind: string;
  label: string;
  amount: number;
  source: string;
  code: string | null;
  count: number | null;
  rateBasisPoints: number | null;
  days: string[];
  inGross: boolean;
}

export interface TppStatementVersion {
  version: number;
  computedAt: string;
  computedBy: string;
  reason: string;
  gross: number;
  deductions: number;
  tax: number;
  net: number;
}

export interface TppStatement {
  month: string;
  base: number;
  gross: number;
  deductions: number;
  taxRateBasisPoints: number;
  tax: number;
  net: number;
  lines: TppLine[];
  predikat: { predikat: string; year: number; period: string; periodStart: string; periodEnd: string; version: number } | null;
  attendanceVersion: number | null;
  version: number | null;
  locked: boolean;
  stale: boolean;
  computedAt: string | null;
  computedBy: string | null;
  reason: string | null;
  history: TppStatementVersion[];
}

export interface MyTppData {
  me: { id: string; nip: string; name: string; tpp: TppStatement | null } | null;
}

export const myTppQuery = gql<MyTppData, { month: string }>`
  query TppSaya($month: String!) {
    me {
      id
      nip
      name
      tpp(month: $month) {
        ...TppStatementFields
        history {
          version
          computedAt
          computedBy
          reason
          gross
          deductions
          tax
          net
        }
      }
    }
  }

  fragment TppStatementFields on TppStatement {
    month
    base
    gross
    deductions
    taxRateBasisPoints
    tax
    net
    lines {
      kind
      label
      amount
      source
      code
      count
      rateBasisPoints
      days
      inGross
    }
    predikat {
      predikat
      year
      period
      periodStart
      periodEnd
      version
    }
    attendanceVersion
    version
    locked
    stale
    computedAt
    computedBy
    reason
  }
`;

export const tppPreviewQuery = gql<{ tppPreview: TppStatement }, { input: TppPreviewInput }>`
  query SimulasiTpp($input: TppPreviewInput!) {
    tppPreview(input: $input) {
      month
      base
      gross
      deductions
      taxRateBasisPoints
      tax
      net
      lines {
        kind
        label
        amount
        source
        code
        count
        rateBasisPoints
        days
        inGross
      }
      predikat {
        predikat
        year
        period
        periodStart
        periodEnd
        version
      }
      attendanceVersion
      version
      locked
      stale
      computedAt
      computedBy
      reason
      history {
        version
      }
    }
  }
`;

export interface TppSummary extends TppSummaryFigures {
  month: string;
  averageCutByCause: { cause: string; amount: number }[];
}

export interface TppInstansiData {
  orgUnits: { id: string; name: string; region: { code: string; name: string } }[];
}

export const tppInstansiQuery = gql<TppInstansiData, { regionCode: string }>`
  query TppInstansi($regionCode: String!) {
    orgUnits(regionCode: $regionCode) {
      id
      name
      region {
        code
        name
      }
    }
  }
`;

export interface TppMonthEvent {
  action: string;
  reason: string;
  actor: string;
  at: string;
}

export interface TppMonthData {
  tppMonth: { instansiId: string; month: string; locked: boolean; history: TppMonthEvent[] };
  orgUnit: { id: string; name: string; tppSummary: TppSummary } | null;
}

export const tppMonthQuery = gql<TppMonthData, { instansiId: string; month: string }>`
  query TppBulanInstansi($instansiId: ID!, $month: String!) {
    tppMonth(instansiId: $instansiId, month: $month) {
      instansiId
      month
      locked
      history {
        action
        reason
        actor
        at
      }
    }
    orgUnit(id: $instansiId) {
      id
      name
      tppSummary(month: $month) {
        month
        headcountPaid
        gross
        deductions
        tax
        net
        averageCutByCause {
          cause
          amount
        }
      }
    }
  }
`;

export interface TppRun {
  id: string;
  instansiId: string;
  month: string;
  status: string;
  processed: number;
  total: number;
  changed: number;
  requestedBy: string;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

export const computeTppMutation = gql<{ computeTpp: TppRun }, { instansiId: string; month: string; reason: string | null }>`
  mutation HitungTpp($instansiId: ID!, $month: String!, $reason: String) {
    computeTpp(instansiId: $instansiId, month: $month, reason: $reason) {
      id
      instansiId
      month
      status
      processed
      total
      changed
      requestedBy
      startedAt
      finishedAt
      error
    }
  }
`;

export const tppRunQuery = gql<{ tppRun: TppRun | null }, { id: string }>`
  query ProgresTpp($id: ID!) {
    tppRun(id: $id) {
      id
      instansiId
      month
      status
      processed
      total
      changed
      requestedBy
      startedAt
      finishedAt
      error
    }
  }
`;

export const lockTppMonthMutation = gql<{ lockTppMonth: TppMonthData['tppMonth'] }, { instansiId: string; month: string }>`
  mutation KunciTpp($instansiId: ID!, $month: String!) {
    lockTppMonth(instansiId: $instansiId, month: $month) {
      instansiId
      month
      locked
      history {
        action
        reason
        actor
        at
      }
    }
  }
`;

export const reopenTppMonthMutation = gql<{ reopenTppMonth: TppMonthData['tppMonth'] }, { instansiId: string; month: string; reason: string }>`
  mutation BukaKunciTpp($instansiId: ID!, $month: String!, $reason: String!) {
    reopenTppMonth(instansiId: $instansiId, month: $month, reason: $reason) {
      instansiId
      month
      locked
      history {
        action
        reason
        actor
        at
      }
    }
  }
`;

export interface RegionTppData {
  region: { code: string; name: string; tppSummary: TppSummary } | null;
}

export const regionTppQuery = gql<RegionTppData, { code: string; month: string }>`
  query DasborTpp($code: String!, $month: String!) {
    region(code: $code) {
      code
      name
      tppSummary(month: $month) {
        month
        headcountPaid
        gross
        deductions
        tax
        net
        averageCutByCause {
          cause
          amount
        }
      }
    }
  }
`;
