import type { RouterOutputs } from "@kuulo/api";
import { FormError, readDomainError, useCan, useFormat, useMe, useTRPC } from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmedAction } from "../../lib/confirmed-action.js";
import { useDescribeRefusal } from "./describe-refusal.js";
import { ReasonAction } from "./reason-action.js";

type Disclosure = RouterOutputs["disclosures"]["get"]["disclosure"];
type Link = RouterOutputs["disclosures"]["createDownloadLink"];

/** Only the actions the state machine and the caller's permissions allow; the API decides again. */
export function DisclosureActions({ disclosure }: { disclosure: Disclosure }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const can = useCan();
  const me = useMe();
  const queryClient = useQueryClient();
  const describe = useDescribeRefusal();
  const [link, setLink] = useState<Link | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.disclosures.pathKey() });
  const approve = useMutation(trpc.disclosures.approve.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.disclosures.revoke.mutationOptions({ onSuccess: refresh }));
  const close = useMutation(trpc.disclosures.close.mutationOptions({ onSuccess: refresh }));
  const createLink = useMutation(
    trpc.disclosures.createDownloadLink.mutationOptions({
      onSuccess: (created) => {
        setLink(created);
        setLinkError(null);
      },
      onError: (error) => {
        const domain = readDomainError(error);
        setLinkError(domain ? describe(domain) : t("error.saveFailed"));
      },
    }),
  );
  const id = { disclosureId: disclosure.id };
  const status = disclosure.status;
  const reviewing = status === "draft" || status === "pending_approval";
  const ownDisclosure = disclosure.preparedBy?.id === me.user.id;
  const exportKind = disclosure.kind !== "training";

  const canApprove = status === "pending_approval" && can("disclosure.approve");
  const canRevoke =
    can("disclosure.revoke") && (reviewing || (disclosure.kind === "training" && status === "active"));
  const canClose = exportKind && can("disclosure.revoke") && (status === "active" || status === "delivered");
  const canExport =
    exportKind && status === "active" && disclosure.exportPackage !== null && can("disclosure.export");
  if (!canApprove && !canRevoke && !canClose && !canExport) return null;
  return (
    <section className="stack section" aria-label={t("actions")}>
      <div className="row disclosure-actions">
        {canApprove ? (
          ownDisclosure ? (
            <span className="four-eyes">
              <button
                type="button"
                className="button button--primary"
                disabled
                aria-describedby="four-eyes-note"
              >
                {t("disclosures.actions.approve")}
              </button>
              <span id="four-eyes-note" className="muted">
                {t("disclosures.actions.ownNoApprove")}
              </span>
            </span>
          ) : (
            <ConfirmedAction
              label={t("disclosures.actions.approve")}
              title={t("disclosures.actions.approveTitle")}
              body={<p>{t("disclosures.actions.approveBody")}</p>}
              confirmLabel={t("disclosures.actions.approve")}
              run={() => approve.mutateAsync(id)}
            />
          )
        ) : null}
        {canExport && !link ? (
          <button
            type="button"
            className="button button--primary"
            disabled={createLink.isPending}
            onClick={() => createLink.mutate(id)}
          >
            {t("disclosures.actions.createLink")}
          </button>
        ) : null}
        {canClose ? (
          <ConfirmedAction
            label={t("disclosures.actions.close")}
            title={t("disclosures.actions.closeTitle")}
            body={<p>{t("disclosures.actions.closeBody")}</p>}
            confirmLabel={t("disclosures.actions.close")}
            danger
            run={() => close.mutateAsync(id)}
          />
        ) : null}
        {canRevoke ? (
          <ReasonAction
            label={t("disclosures.actions.revoke")}
            title={t("disclosures.actions.revokeTitle")}
            body={<p>{t("disclosures.actions.revokeBody")}</p>}
            reasonLabel={t("disclosures.actions.revokeReason")}
            run={(reason) => revoke.mutateAsync({ ...id, reason })}
          />
        ) : null}
      </div>
      <FormError message={linkError} />
      {link ? <OneTimeDownload link={link} onUsed={refresh} /> : null}
    </section>
  );
}

function OneTimeDownload({ link, onUsed }: { link: Link; onUsed: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [used, setUsed] = useState(false);
  return (
    <div className="alert alert--warning stack stack--tight" data-testid="one-time-download">
      <strong>{t("disclosures.actions.linkTitle")}</strong>
      <p>{t("disclosures.actions.linkBody", { when: format.dateTime(link.expiresAt) })}</p>
      <p className="muted">{t("disclosures.actions.linkSha", { sha: link.sha256 })}</p>
      {used ? null : (
        <a
          className="button button--primary one-time-download__button"
          href={link.path}
          download
          onClick={() => {
            setUsed(true);
            // The package is marked delivered once fetched; refresh shortly after the download starts.
            setTimeout(onUsed, 1500);
          }}
        >
          {t("disclosures.actions.download")} ({format.bytes(link.sizeBytes)})
        </a>
      )}
    </div>
  );
}
