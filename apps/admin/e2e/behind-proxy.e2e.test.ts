import {
  collectPageErrors,
  freePort,
  launchChromium,
  nginxAvailable,
  type RunningKuulo,
  type RunningNginx,
  startKuulo,
  startNginx,
} from "@kuulo/e2e";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminLogin, signIn, texts } from "./helpers.js";

// Browser smoke through deploy/nginx/kuulo-proxy.conf: TLS at nginx, nginx (127.0.0.2) the only trusted
// proxy, a Secure __Host- cookie over HTTPS, and the admin app signing in through it. The full suites run
// against the API directly; docs/operations.md "Reverse proxy".
const PROXY_ADDRESS = "127.0.0.2";

describe.skipIf(!nginxAvailable())("behind nginx", () => {
  let kuulo: RunningKuulo;
  let nginx: RunningNginx;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    kuulo = await startKuulo({
      env: {
        KUULO_PUBLIC_ORIGIN: `https://127.0.0.1:${port}`,
        KUULO_TRUSTED_PROXIES: `${PROXY_ADDRESS}/32`,
        KUULO_ALLOWED_CIDRS: "127.0.0.1/32",
        KUULO_COOKIE_SECURE: "true",
      },
    });
    [nginx, browser] = await Promise.all([
      startNginx({ upstream: new URL(kuulo.baseUrl).host, bindAddress: PROXY_ADDRESS, port }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await nginx?.stop();
    await kuulo?.stop();
  });

  it("loads the sign-in page over HTTPS and signs the administrator in through the proxy", async () => {
    const visitor = await browser.newContext({ locale: "en-GB", ignoreHTTPSErrors: true });
    visitor.setDefaultTimeout(60_000);
    const page = await visitor.newPage();
    const errors = collectPageErrors(page);
    const response = await page.goto(`${nginx.origin}/admin/`);
    expect(response?.status()).toBe(200);
    expect(await response?.headerValue("content-security-policy")).toContain("frame-ancestors 'none'");
    await page.getByLabel(texts("en").ui.signIn.username).waitFor();
    await signIn(page, "en", adminLogin(kuulo.demoLogins));
    const cookies = await visitor.cookies();
    expect(cookies.some((cookie) => cookie.name.startsWith("__Host-") && cookie.secure)).toBe(true);
    expect(errors).toEqual([]);
    await visitor.close();
  });
});
