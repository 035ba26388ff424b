import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect } from "react";
import { ErrorState, Loading } from "../feedback/states.js";
import { useAdoptUserLocale } from "../i18n/use-adopt-user-locale.js";
import { useTRPC } from "../trpc/context.js";
import { isUnauthenticated } from "../trpc/domain-error.js";
import { useSessionStore } from "./kuulo-context.js";
import { MeContext } from "./me-context.js";
import { SessionEndedDialog } from "./session-ended-dialog.js";
import { useSessionState } from "./session-store.js";
import { SignInScreen } from "./sign-in-screen.js";

/**
 * Shows sign-in until there is a session. When the session ends later, the app stays mounted but
 * inert behind a sign-in dialog, so the route and unsaved input are still there afterwards.
 */
export function AuthGate({ appName, children }: { appName: string; children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const store = useSessionStore();
  const state = useSessionState(store);
  const me = useQuery({ ...trpc.auth.me.queryOptions(), staleTime: 60_000 });
  const data = me.data;
  const stage = data?.session.stage;
  useAdoptUserLocale(data?.user.locale);

  useEffect(() => {
    if (stage === "full" && store.get() !== "expired") store.set("signed_in");
  }, [stage, store]);

  if (me.isPending) return <Loading />;
  const signedIn = async () => {
    await queryClient.resetQueries();
  };
  if (!me.data) {
    if (!isUnauthenticated(me.error)) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
    return <SignInScreen appName={appName} onSignedIn={signedIn} />;
  }
  if (me.data.session.stage !== "full" && state !== "expired") {
    // A reload in the middle of sign-in resumes at the second factor or its enrolment.
    const initialStep = me.data.session.stage === "enrolment" ? "enrolment" : "second_factor";
    return <SignInScreen appName={appName} onSignedIn={signedIn} initialStep={initialStep} />;
  }

  const resume = async () => {
    const previousId = me.data.user.id;
    const next = await queryClient.fetchQuery({ ...trpc.auth.me.queryOptions(), staleTime: 0 });
    if (next.user.id !== previousId) {
      // Someone else signed in at this screen: nothing of the previous person's view may remain.
      sessionStorage.clear();
      queryClient.clear();
      window.location.reload();
      return;
    }
    store.set("signed_in");
    await queryClient.invalidateQueries();
  };

  const expired = state === "expired";
  return (
    <MeContext value={me.data}>
      <div className="app-root" inert={expired}>
        {children}
      </div>
      {expired ? <SessionEndedDialog onSignedIn={resume} /> : null}
    </MeContext>
  );
}
