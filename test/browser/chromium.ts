import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';

/**
 * A real Chromium for the browser tests: `CHROMIUM_PATH` when set (Debian's chromium, a desktop Chrome),
 * otherwise the one @sparticuz/chromium ships inside its npm package, so `npm ci && npm test` needs nothing else.
 */
export async function launchChromium(): Promise<Browser> {
  const path = process.env.CHROMIUM_PATH;
  if (path) return playwright.launch({ executablePath: path, args: ['--no-sandbox'] });
  // Its Lambda-minded --single-process makes closing a browser context close the whole browser.
  const args = chromium.args.filter((arg) => arg !== '--single-process');
  return playwright.launch({ executablePath: await chromium.executablePath(), args, headless: true });
}
