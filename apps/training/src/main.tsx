import "@kuulo/ui/styles.css";
import "./styles/training.css";
import {
  createKuuloI18n,
  createKuuloQueryClient,
  createKuuloTrpcClient,
  createSessionStore,
  KuuloProviders,
} from "@kuulo/ui";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { loadTrainingCatalogue } from "./i18n/resources.js";
import { createTrainingRouter } from "./router.js";

const session = createSessionStore();
const queryClient = createKuuloQueryClient(session);
const trpcClient = createKuuloTrpcClient({ url: "/trpc" });
const router = createTrainingRouter();

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

// Render once the user's language has loaded, so the first paint is translated. Not a top-level await:
// that would make the bundler move every module the routes share out of the entry chunk.
void createKuuloI18n(loadTrainingCatalogue, "training").then((i18n) =>
  createRoot(root).render(
    <StrictMode>
      <KuuloProviders i18n={i18n} queryClient={queryClient} trpcClient={trpcClient} session={session}>
        <RouterProvider router={router} />
      </KuuloProviders>
    </StrictMode>,
  ),
);
