import { nextTotpCode } from "./totp-code.js";

/** What a tRPC call over HTTP answered: the status and the body as the API's error mapper shapes it. */
export interface ApiResult {
  status: number;
  body: {
    result?: { data: unknown };
    error?: { data: { domain: { field?: string; rule?: string; reason?: string } } };
  };
}

/** Calls the API straight over HTTP as a second person (set-up the browser flow cannot do alone). */
export class ApiSession {
  cookie = "";
  constructor(private readonly baseUrl: string) {}

  async call(path: string, input: unknown, kind: "query" | "mutation" = "mutation"): Promise<ApiResult> {
    const headers: Record<string, string> = this.cookie ? { cookie: this.cookie } : {};
    const response =
      kind === "query"
        ? await fetch(`${this.baseUrl}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
            headers,
          })
        : await fetch(`${this.baseUrl}/trpc/${path}`, {
            method: "POST",
            headers: { ...headers, origin: this.baseUrl, "content-type": "application/json" },
            body: JSON.stringify(input ?? null),
          });
    const session = response.headers
      .getSetCookie()
      .map((line) => line.split(";")[0] ?? "")
      .findLast((pair) => pair.startsWith("kuulo_session=") && !pair.endsWith("="));
    if (session) this.cookie = session;
    return { status: response.status, body: (await response.json()) as ApiResult["body"] };
  }

  /** The call's data; throws with the status and body when the API refused it. */
  async data<T>(path: string, input: unknown, kind: "query" | "mutation" = "mutation"): Promise<T> {
    const result = await this.call(path, input, kind);
    if (!result.body.result) throw new Error(`${path}: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body.result.data as T;
  }

  async signIn(username: string, password: string, totpSecret?: string) {
    await this.data("auth.signIn", { username, password });
    if (totpSecret) await this.data("auth.verifySecondFactor", { code: await nextTotpCode(totpSecret) });
  }
}
