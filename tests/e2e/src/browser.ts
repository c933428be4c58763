// Chromium from the Debian package (Playwright's own download is not reachable from these machines),
// driven by playwright-core; helpers to sign in through the real Keycloak form and to check pages.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ProvidedStack } from './stack.ts';

export const demoPassword = 'kinerja-demo';
export const chromiumPath = process.env['KINERJA_CHROMIUM'] ?? '/usr/bin/chromium';
export const screenshotDir = fileURLToPath(new URL('../screenshots/', import.meta.url));
/** Waits for data; generous because the CI machine has two cores shared by every workspace's tests. */
export const dataTimeoutMs = 30_000;

export interface SuiteBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Chromium with a fresh profile (playwright's launch makes a new temporary user-data-dir) and nothing that phones home. */
export async function launchChromium(): Promise<SuiteBrowser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { browser, close: () => browser.close() };
}

export interface SignedIn {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested, to prove nothing leaves the machine. */
  requests: string[];
}

/** Requests to anything but localhost/127.0.0.1 (data: and blob: URLs never leave the browser). */
export function foreignRequests(requests: readonly string[]): string[] {
  return requests.filter((url) => {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return false;
    return hostname !== 'localhost' && hostname !== '127.0.0.1' && hostname !== '[::1]';
  });
}

/** A full-page screenshot into the git-ignored screenshots/ folder. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name.replace(/[^A-Za-z0-9.-]+/g, '_')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Signs in, runs `steps`, and closes the context; when a step fails, the page is photographed first
 * (screenshots/failed-<test>-<step>.png). `step(name)` names what the test is doing now.
 */
export async function withSignedIn(
  browser: Browser,
  stack: ProvidedStack,
  username: string,
  path: string,
  steps: (signedIn: SignedIn, step: (name: string) => void) => Promise<void>,
): Promise<void> {
  let current = `${username}-login`;
  const context = await browser.newContext({
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 1440, height: 1000 },
  });
  const page = await context.newPage();
  try {
    const signedIn = await signInPage(context, page, stack, username, path);
    current = username;
    await steps(signedIn, (name) => {
      current = `${username}-${name}`;
    });
  } catch (error) {
    await saveScreenshot(page, `failed-${current}`).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

/** In a new browser context (no shared SSO cookie): the app opened at `path`, the Keycloak form filled in. */
async function signInPage(
  context: BrowserContext,
  page: Page,
  stack: ProvidedStack,
  username: string,
  path: string,
): Promise<SignedIn> {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${stack.webUrl}${path}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(demoPassword);
  await page.locator('#kc-login').click();
  await expect.poll(() => page.locator('.app-header').count(), { timeout: dataTimeoutMs }).toBe(1);
  return { context, page, requests };
}

/** No error box, no alert of any kind (QueryStatus, a failed download, a failed sign-in). */
export async function expectNoErrorBox(page: Page): Promise<void> {
  expect(
    await page.locator('[role="alert"], .status.error, [data-testid="error-box"]').allInnerTexts(),
  ).toEqual([]);
}

/** Waits until every text is visible in the main area (loading finished) and no error box is shown. */
export async function expectPageShows(page: Page, texts: readonly (string | RegExp)[]): Promise<void> {
  const main = page.locator('main');
  for (const text of texts) {
    await main.getByText(text).first().waitFor({ state: 'visible', timeout: dataTimeoutMs });
  }
  await expect.poll(() => page.locator('main [role="status"]').count(), { timeout: dataTimeoutMs }).toBe(0);
  await expectNoErrorBox(page);
}
