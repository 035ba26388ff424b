export { checkA11y } from "./check-a11y.js";
export { freePort } from "./free-port.js";
export { ACTION_HANG_BOUND_MS, CHROMIUM_ARGS, launchChromium } from "./launch-chromium.js";
export { collectPageErrors } from "./page-errors.js";
export { type DemoLogin, parseDemoLogins } from "./parse-demo-logins.js";
export { screenshot } from "./screenshot.js";
export { type RunningKuulo, type StartKuuloOptions, startKuulo } from "./start-kuulo.js";
export { nginxAvailable, type RunningNginx, startNginx } from "./start-nginx.js";
export { nextTotpCode, secondsLeftInWindow, totpCode } from "./totp-code.js";
