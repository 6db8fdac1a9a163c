import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium, never a downloaded browser; flags keep it off this machine's closed network. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Logs into the admin through its Thai login form and waits until the panel is past it. */
export async function adminLogin(page: Page, baseUrl: string, { email, password }: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL((u) => !u.pathname.includes('/auth/'));
}
