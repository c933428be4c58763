import { gql } from '@urql/core';

export type SiasnImportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
export type SiasnRowOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'REFUSED';

export interface SiasnImportRow {
  table: string;
  row: number;
  siasnId: string;
  nip: string;
  name: string;
  outcome: SiasnRowOutcome;
  reason: string;
  message: string;
}

export interface SiasnImportJob {
  id: string;
  status: SiasnImportStatus;
  fileNames: string;
  dryRun: boolean;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  error: string | null;
  rows: SiasnImportRow[];
  instansi: { id: string; name: string }[];
}

export interface SiasnDifference {
  nip: string;
  siasnId: string;
  name: string;
  field: string;
  ours: string;
  siasn: string;
}

/** The report rows the page lists (refused first is the admin's work list; the CLI writes every row). */
export const SIASN_REPORT_ROWS = 500;

export const importSiasnMutation = gql<{ importSiasn: { id: string } }, { input: { files: { name: string; contentBase64: string }[]; regionCode: string | null; dryRun: boolean } }>`
  mutation ImporSiasn($input: ImportSiasnInput!) {
    importSiasn(input: $input) {
      id
    }
  }
`;

export const siasnImportQuery = gql<{ siasnImport: SiasnImportJob | null }, { id: string; first: number }>`
  query ImporSiasnProgres($id: ID!, $first: Int!) {
    siasnImport(id: $id) {
      id
      status
      fileNames
      dryRun
      total
      processed
      created
      updated
      unchanged
      refused
      error
      rows(first: $first) {
        table
        row
        siasnId
        nip
        name
        outcome
        reason
        message
      }
      instansi {
        id
        name
      }
    }
  }
`;

export const siasnDifferencesQuery = gql<{ siasnDifferences: SiasnDifference[] }, { instansiId: string }>`
  query PerbedaanSiasn($instansiId: ID!) {
    siasnDifferences(instansiId: $instansiId) {
      nip
      siasnId
      name
      field
      ours
      siasn
    }
  }
`;
