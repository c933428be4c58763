/** The part of a `pg` client the bulk loaders use: one connection, so BEGIN … COMMIT spans the batch. */
export interface SqlClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}
