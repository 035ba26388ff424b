import { describe, expect, it } from "vitest";
import { readFragmentToken } from "../auth/read-fragment-token.js";
import { createKuuloQueryClient } from "./create-query-client.js";
import { withoutSecrets } from "./form-draft.js";
import { createSessionStore } from "./session-store.js";

const unauthenticated = { name: "TRPCClientError", message: "x", data: { code: "UNAUTHORIZED" } };

describe("session expiry", () => {
  it("marks a signed-in session expired when a query is refused as unauthenticated", async () => {
    const session = createSessionStore("signed_in");
    const client = createKuuloQueryClient(session);
    await client
      .fetchQuery({ queryKey: ["x"], queryFn: () => Promise.reject(unauthenticated), retry: false })
      .catch(() => undefined);
    expect(session.get()).toBe("expired");
  });

  it("leaves a signed-out visitor signed out, and ignores other errors", async () => {
    const session = createSessionStore("signed_out");
    const client = createKuuloQueryClient(session);
    await client
      .fetchQuery({ queryKey: ["a"], queryFn: () => Promise.reject(unauthenticated), retry: false })
      .catch(() => undefined);
    expect(session.get()).toBe("signed_out");
    session.set("signed_in");
    const forbidden = { ...unauthenticated, data: { code: "FORBIDDEN" } };
    await client
      .fetchQuery({ queryKey: ["b"], queryFn: () => Promise.reject(forbidden), retry: false })
      .catch(() => undefined);
    expect(session.get()).toBe("signed_in");
  });

  it("notifies subscribers once per change", () => {
    const session = createSessionStore();
    let calls = 0;
    const unsubscribe = session.subscribe(() => {
      calls += 1;
    });
    session.set("signed_in");
    session.set("signed_in");
    unsubscribe();
    session.set("expired");
    expect(calls).toBe(1);
  });
});

describe("form drafts", () => {
  it("never keeps passwords, codes or tokens", () => {
    expect(
      withoutSecrets({
        firstName: "Testi",
        newPassword: "x",
        currentPassword: "y",
        code: "123456",
        token: "t",
        email: "",
      }),
    ).toEqual({ firstName: "Testi", email: "" });
  });
});

describe("readFragmentToken", () => {
  it("reads the token from the fragment only", () => {
    expect(readFragmentToken({ hash: "#token=abc234" })).toBe("abc234");
    expect(readFragmentToken({ hash: "" })).toBeNull();
    expect(readFragmentToken({ hash: "#token=" })).toBeNull();
    expect(readFragmentToken({ hash: "#other=1" })).toBeNull();
  });
});
