// Where SIASN is and how to log in, from the environment (validated once, one line naming a bad variable).
// SIASN wants two tokens on every call: the API gateway's OAuth2 token (client credentials, header
// `Authorization: Bearer …`) and the SSO token of the instansi's operator account (header `Auth: bearer …`).
import { z } from 'zod';

export interface SiasnConfig {
  /** SIASN_BASE_URL: the API root the save endpoints hang from. */
  baseUrl: string;
  /** SIASN_TOKEN_URL: the API gateway's OAuth2 token endpoint (client credentials). */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** SIASN_SSO_URL: the SSO's OpenID Connect token endpoint (password grant of the operator account). */
  ssoUrl: string;
  ssoClientId: string;
  ssoUsername: string;
  ssoPassword: string;
  /** SIASN_MAX_ATTEMPTS: tries per result (429, 5xx, a dropped connection), default 5. */
  maxAttempts: number;
  /** SIASN_RETRY_BASE_MS: first backoff, doubled per retry (with jitter), default 500. */
  retryBaseMs: number;
  /** SIASN_RETRY_MAX_MS: the longest wait, Retry-After included, default 60000. */
  retryMaxMs: number;
}

const url = z.string().url();
const text = z.string().min(1);
const schema = z.object({
  SIASN_BASE_URL: url,
  SIASN_TOKEN_URL: url,
  SIASN_CLIENT_ID: text,
  SIASN_CLIENT_SECRET: text,
  SIASN_SSO_URL: url,
  SIASN_SSO_CLIENT_ID: text,
  SIASN_SSO_USERNAME: text,
  SIASN_SSO_PASSWORD: text,
  SIASN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  SIASN_RETRY_BASE_MS: z.coerce.number().int().min(0).default(500),
  SIASN_RETRY_MAX_MS: z.coerce.number().int().min(0).default(60_000),
});

export function loadSiasnConfig(env: Record<string, string | undefined>): SiasnConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`SIASN configuration: ${String(issue?.path[0] ?? '')} ${issue?.message ?? 'invalid'}`);
  }
  const v = parsed.data;
  return {
    baseUrl: v.SIASN_BASE_URL.replace(/\/+$/, ''),
    tokenUrl: v.SIASN_TOKEN_URL,
    clientId: v.SIASN_CLIENT_ID,
    clientSecret: v.SIASN_CLIENT_SECRET,
    ssoUrl: v.SIASN_SSO_URL,
    ssoClientId: v.SIASN_SSO_CLIENT_ID,
    ssoUsername: v.SIASN_SSO_USERNAME,
    ssoPassword: v.SIASN_SSO_PASSWORD,
    maxAttempts: v.SIASN_MAX_ATTEMPTS,
    retryBaseMs: v.SIASN_RETRY_BASE_MS,
    retryMaxMs: v.SIASN_RETRY_MAX_MS,
  };
}
