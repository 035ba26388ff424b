import { createDemoTemplate } from "./demo-template.js";
import { e2eEnv, shareDemoTemplate } from "./env.js";

/**
 * Vitest globalSetup of the browser suites: seeds the run's demo template once, before any test file,
 * and hands its directory to the test workers (which inherit the environment); removed after the run.
 * KUULO_E2E_TEMPLATE=0 keeps every start a first start.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (e2eEnv.demoTemplate === "0") return undefined;
  const template = await createDemoTemplate();
  shareDemoTemplate(template.dir);
  return () => template.remove();
}
