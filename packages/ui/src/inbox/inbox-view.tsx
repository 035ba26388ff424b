import { INBOX_KIND_RULES } from "@kuulo/domain/inbox";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { i18n } from "i18next";
import { type ComponentType, type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState, ErrorState, Loading } from "../feedback/states.js";
import { useFormat } from "../i18n/format.js";
import { PageHeader } from "../layout/page-header.js";
import { useTRPC } from "../trpc/context.js";
import { inboxPageMessages } from "./inbox-messages.js";
import { inboxSentence } from "./inbox-sentence.js";

/** Adds the page's strings beside the navigation's (deep merge, never overwriting). */
export function addInboxMessages(i18n: i18n) {
  for (const lang of ["fi", "en"] as const) {
    // getResource, not exists(): exists() would find the fallback language's string and skip this one.
    if (i18n.getResource(lang, "ui", "inbox.title") === undefined)
      i18n.addResourceBundle(lang, "ui", { inbox: inboxPageMessages[lang] }, true, false);
  }
}

export interface InboxViewProps {
  app: "admin" | "training";
  /** The app's router link, so an item opens its page without reloading. */
  LinkTo: ComponentType<{ to: string; children: ReactNode }>;
  /** Where the other app starts ("/admin/" or "/"): its items are counted there, not listed here. */
  otherAppHref: string;
}

/**
 * What waits for the signed-in person in this app. Opening the page is "looking": once the list has
 * loaded the last-seen marker moves, so the badge drops the news while the page keeps showing it.
 */
export function InboxView({ app, LinkTo, otherAppHref }: InboxViewProps) {
  const { t, i18n } = useTranslation("ui");
  addInboxMessages(i18n);
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery({ ...trpc.inbox.mine.queryOptions(), refetchOnWindowFocus: false });
  const markSeen = useMutation(
    trpc.inbox.markSeen.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.inbox.count.queryKey() }),
    }),
  );
  const marked = useRef(false);
  const loaded = mine.isSuccess;
  const { mutate } = markSeen;
  useEffect(() => {
    if (!loaded || marked.current) return;
    marked.current = true;
    mutate();
  }, [loaded, mutate]);

  const other = app === "admin" ? "training" : "admin";
  const items = mine.data?.items.filter((item) => item.app === app) ?? [];
  const elsewhere = mine.data?.items.filter((item) => item.app === other).length ?? 0;
  return (
    <>
      <PageHeader title={t("inbox.title")} description={t("inbox.description")} />
      {mine.isPending ? (
        <Loading />
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : (
        <>
          {items.length === 0 ? (
            <EmptyState title={t("inbox.empty")}>
              <p>{t("inbox.emptyHint")}</p>
            </EmptyState>
          ) : (
            <ul className="inbox-list card" data-testid="inbox-items">
              {items.map((item) => (
                <li key={item.key} className="inbox-list__item" data-kind={item.kind}>
                  {INBOX_KIND_RULES[item.kind].sinceLastLook ? (
                    <span className="badge badge--warning">{t("inbox.new")}</span>
                  ) : null}
                  <LinkTo to={item.path}>{inboxSentence(t, format, item)}</LinkTo>
                </li>
              ))}
            </ul>
          )}
          {elsewhere > 0 ? (
            <p className="section" data-testid="inbox-elsewhere">
              {t(`inbox.otherApp.${other}`, { count: elsewhere })}{" "}
              <a href={otherAppHref}>{t("inbox.otherApp.open")}</a>
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
