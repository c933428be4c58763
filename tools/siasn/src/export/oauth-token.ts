// OAuth2 token requests (RFC 6749 §4.3 password, §4.4 client credentials), kept until shortly before they
// expire: the SIASN client holds two (API gateway and SSO), the export's GraphQL source one (Keycloak).
export interface TokenRequest {
  url: string;
  /** grant_type and the grant's fields (client_id, username, …). */
  form: Record<string, string>;
  /** Client id and secret sent as HTTP Basic (client_secret_basic) instead of in the form. */
  basic?: { id: string; secret: string };
}

export class TokenError extends Error {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
}

/** Renew this long before `expires_in` runs out, so a token does not expire in flight. */
const EXPIRY_MARGIN_MS = 30_000;

export class CachedToken {
  private value: { token: string; expiresAt: number } | null = null;
  private readonly request: TokenRequest;
  /** Token requests made, for the report. */
  requests = 0;

  constructor(request: TokenRequest) {
    this.request = request;
  }

  async get(): Promise<string> {
    if (this.value && Date.now() < this.value.expiresAt - EXPIRY_MARGIN_MS) return this.value.token;
    const { url, form, basic } = this.request;
    this.requests += 1;
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (basic) headers['authorization'] = `Basic ${Buffer.from(`${encodeURIComponent(basic.id)}:${encodeURIComponent(basic.secret)}`).toString('base64')}`;
    const response = await fetch(url, { method: 'POST', headers, body: new URLSearchParams(form) });
    const body = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
    if (!response.ok || !body.access_token) {
      throw new TokenError(`token ditolak oleh ${new URL(url).host}: ${response.status} ${body.error_description ?? body.error ?? ''}`.trim(), response.status);
    }
    this.value = { token: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 300) * 1000 };
    return body.access_token;
  }

  /** Forget the token (the server said it expired or was revoked). */
  invalidate(): void {
    this.value = null;
  }
}
