import { chromium, type Browser } from "playwright-core";

// tests/helpers/browser.ts passes --user-data-dir, which playwright-core 1.65 refuses in launch(); until that helper
// is fixed these tests launch the same Debian Chromium with the same flags, letting Playwright make the profile.
export function launchChromium(): Promise<Browser> {
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
