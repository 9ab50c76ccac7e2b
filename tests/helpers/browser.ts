import path from "node:path";
import { chromium, type Browser } from "playwright-core";

// Debian's Chromium (installed by .ci/run); Playwright's own browser download cannot work offline. The flags keep
// Chromium from reaching for Google's services on a machine with no network. Playwright makes a fresh profile.
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../../test-results/screenshots");
