import { InboxView } from "@kuulo/ui/inbox";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";

// Item paths come from the API (e.g. "/playlists/…/progress"), so they are not known to the typed route tree.
const LinkTo = ({ to, children }: { to: string; children: ReactNode }) => (
  <Link to={to as "/"}>{children}</Link>
);

export function InboxPage() {
  return <InboxView app="training" LinkTo={LinkTo} otherAppHref="/admin/" />;
}
