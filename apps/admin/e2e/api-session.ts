// The API session moved to the harness; this path stays for the files that import it from here.
export { type ApiResult, ApiSession } from "@kuulo/e2e";
