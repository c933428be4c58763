import { Migration } from '@kinerja/kit/db';

// The rate limit's client key becomes an HMAC under a secret of this database instead of a bare SHA-256 of
// the client address: an IPv4 address has only 2^32 values, so a plain hash of one is reversed by trying
// them all. The secret is made here from PostgreSQL's strong random source (two gen_random_uuid(), 244
// random bits) and never leaves the database's own service. The keys stored so far are replaced by a value
// that names no address; they only ever counted for the past hour's limit.
export class Migration0010PublicFeedbackClientKey extends Migration {
  override up(): void {
    this.addSql(`create table public_feedback_secret (
      id boolean primary key default true check (id),
      secret text not null
    )`);
    this.addSql(`insert into public_feedback_secret (id, secret)
      values (true, encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex'))`);
    this.addSql(`update public_feedback_token set client_key = 'retired:' || token_hash`);
  }
}
