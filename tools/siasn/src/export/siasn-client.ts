// Sends SKP results to SIASN's save endpoints. Each result carries an Idempotency-Key (employee, year,
// period) so a retry after a lost answer is not a second record; what SIASN accepted goes to the ledger
// before the next result, so a re-run sends only what is missing. A 400 is SIASN refusing the data (no
// retry: the report says why); 401 renews both tokens once; 429 waits Retry-After; 5xx and dropped
// connections back off exponentially (with jitter) up to SIASN_MAX_ATTEMPTS.
import type { SiasnSubmission } from '../domain/skp-export.ts';
import { bodyHashOf, type Ledger } from './ledger.ts';
import { CachedToken, TokenError } from './oauth-token.ts';
import type { SiasnConfig } from './siasn-config.ts';

export type SendOutcome = 'sent' | 'updated' | 'already_sent' | 'refused' | 'failed';

export interface SendReport {
  idempotencyKey: string;
  endpoint: string;
  nip: string;
  year: number;
  period: string;
  outcome: SendOutcome;
  attempts: number;
  /** SIASN's record id once accepted. */
  siasnRecordId: string;
  /** SIASN's message for a refusal, or the last error of a failure. */
  message: string;
}

export interface SiasnClientOptions {
  /** Waits between attempts; tests pass one that records the delays instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

interface SiasnAnswer {
  success?: boolean;
  message?: string;
  mapData?: { id?: string } | null;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After as seconds or an HTTP date → milliseconds (null when absent or unreadable). */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export class SiasnClient {
  private readonly config: SiasnConfig;
  private readonly apiToken: CachedToken;
  private readonly ssoToken: CachedToken;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(config: SiasnConfig, options: SiasnClientOptions = {}) {
    this.config = config;
    this.apiToken = new CachedToken({ url: config.tokenUrl, form: { grant_type: 'client_credentials' }, basic: { id: config.clientId, secret: config.clientSecret } });
    this.ssoToken = new CachedToken({
      url: config.ssoUrl,
      form: { grant_type: 'password', client_id: config.ssoClientId, username: config.ssoUsername, password: config.ssoPassword },
    });
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
  }

  /** Token requests made so far (API gateway + SSO). */
  get tokenRequests(): number {
    return this.apiToken.requests + this.ssoToken.requests;
  }

  private backoffMs(attempt: number): number {
    const exponential = this.config.retryBaseMs * 2 ** (attempt - 1);
    return Math.min(this.config.retryMaxMs, Math.round(exponential * (0.5 + this.random() / 2)));
  }

  /** Sends one result unless the ledger says SIASN already holds it as it is now. */
  async submit(submission: SiasnSubmission, ledger: Ledger): Promise<SendReport> {
    const bodyHash = bodyHashOf(submission.body);
    const earlier = ledger.get(submission.idempotencyKey);
    const report = {
      idempotencyKey: submission.idempotencyKey,
      endpoint: submission.endpoint,
      nip: submission.employeeNip,
      year: submission.year,
      period: submission.period,
      attempts: 0,
      siasnRecordId: earlier?.siasnRecordId ?? '',
      message: '',
    };
    if (earlier && earlier.bodyHash === bodyHash) return { ...report, outcome: 'already_sent' };
    // A result changed after it was sent (re-rated and finalised again): SIASN updates its record by id.
    const body = earlier ? { id: earlier.siasnRecordId, ...submission.body } : submission.body;
    // The key names the version too: SIASN answers a repeated key with its first answer.
    const idempotencyKey = earlier ? `${submission.idempotencyKey}:${bodyHash.slice(0, 16)}` : submission.idempotencyKey;
    let renewedTokens = false;
    let lastError = '';
    for (let attempt = 1; attempt <= this.config.maxAttempts; attempt += 1) {
      report.attempts = attempt;
      let response: Response;
      try {
        response = await fetch(`${this.config.baseUrl}${submission.endpoint}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            authorization: `Bearer ${await this.apiToken.get()}`,
            auth: `bearer ${await this.ssoToken.get()}`,
            'idempotency-key': idempotencyKey,
          },
          body: JSON.stringify(body),
        });
      } catch (error) {
        // Credentials SIASN refuses are a configuration to fix, not a result to retry: stop the run.
        if (error instanceof TokenError && error.status < 500) throw error;
        lastError = `koneksi ke SIASN gagal: ${(error as Error).message}`;
        await this.sleep(this.backoffMs(attempt));
        continue;
      }
      const answer = (await response.json().catch(() => ({}))) as SiasnAnswer;
      if (response.ok && answer.success !== false) {
        const siasnRecordId = answer.mapData?.id ?? earlier?.siasnRecordId ?? '';
        ledger.record({ idempotencyKey: submission.idempotencyKey, endpoint: submission.endpoint, bodyHash, siasnRecordId, acceptedAt: new Date().toISOString() });
        return { ...report, outcome: earlier ? 'updated' : 'sent', siasnRecordId };
      }
      lastError = `SIASN ${response.status}: ${answer.message ?? response.statusText}`;
      if (response.status === 401 && !renewedTokens) {
        renewedTokens = true;
        this.apiToken.invalidate();
        this.ssoToken.invalidate();
        continue;
      }
      if (response.status === 429) {
        await this.sleep(Math.min(this.config.retryMaxMs, retryAfterMs(response.headers.get('retry-after')) ?? this.backoffMs(attempt)));
        continue;
      }
      if (response.status >= 500) {
        await this.sleep(this.backoffMs(attempt));
        continue;
      }
      // 400 (the data), 401 again, 403, 409: SIASN's word on this result; retrying would not change it.
      return { ...report, outcome: 'refused', message: answer.message ?? `SIASN ${response.status}` };
    }
    return { ...report, outcome: 'failed', message: `${lastError} (setelah ${report.attempts} percobaan)` };
  }
}
