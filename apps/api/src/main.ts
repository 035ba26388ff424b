import { serve } from "./server/serve.js";

serve().catch((error: unknown) => {
  console.error("Kuulo failed to start:", error);
  process.exit(1);
});
