import { useState } from "react";
import { useTranslation } from "react-i18next";

/** Copies a secret shown once; says so in a live region instead of a transient toast. */
export function CopyButton({ value, label }: { value: string; label?: string }) {
  const { t } = useTranslation("ui");
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <span className="copy-button">
      <button type="button" className="button button--small" onClick={copy}>
        {label ?? t("copy")}
      </button>
      <span role="status" className="copy-button__status">
        {copied === "copied" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}
      </span>
    </span>
  );
}
