import { useCan } from "@kuulo/ui";
import { Navigate } from "@tanstack/react-router";
import { MyTrainingPage } from "../features/my-training/my-training-page.js";
import { useRoles } from "./use-roles.js";

/** Learners land on their training; trainers on their playlists; external trainers on their disclosures. */
export function HomePage() {
  const can = useCan();
  const roles = useRoles();
  if (can("progress.update")) return <MyTrainingPage />;
  if (can("playlist.create")) return <Navigate to="/playlists" replace />;
  if (roles.has("external_trainer")) return <Navigate to="/disclosed" replace />;
  return <MyTrainingPage />;
}
