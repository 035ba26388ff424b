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
import { trainingResources } from "./i18n/resources.js";
import { createTrainingRouter } from "./router.js";

const session = createSessionStore();
const i18n = createKuuloI18n(trainingResources, "training");
const queryClient = createKuuloQueryClient(session);
const trpcClient = createKuuloTrpcClient({ url: "/trpc" });
const router = createTrainingRouter();

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

createRoot(root).render(
  <StrictMode>
    <KuuloProviders i18n={i18n} queryClient={queryClient} trpcClient={trpcClient} session={session}>
      <RouterProvider router={router} />
    </KuuloProviders>
  </StrictMode>,
);
