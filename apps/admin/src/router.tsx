import { withFeatureMessages } from "@kuulo/ui";
import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
} from "@tanstack/react-router";
import { AdminLayout } from "./app/admin-layout.js";
import { guarded } from "./app/guarded.js";
import { NotFoundPage } from "./app/not-found-page.js";
import { parseAuditSearch } from "./features/audit/audit-search.js";
import { parseDisclosuresSearch } from "./features/disclosures/disclosures-search.js";
import { parseUsersSearch } from "./features/users/users-search.js";
import {
  approvalsTexts,
  auditTexts,
  dashboardTexts,
  organisationsTexts,
  pickerTexts,
  printingTexts,
  privacyOperationTexts,
  qualityTexts,
  tokensTexts,
  unitsTexts,
  usersTexts,
} from "./i18n/feature-texts.js";

// Every page is its own chunk, and its feature texts too: the first load carries only the shell and sign-in.
const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFoundPage });

const publicNoticeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "privacy",
  component: lazyRouteComponent(
    () => import("./features/register/public-notice-page.js"),
    "PublicNoticePage",
  ),
});

const setPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "set-password",
  component: lazyRouteComponent(() => import("./features/account/set-password-page.js"), "SetPasswordPage"),
});

const appRoute = createRoute({ getParentRoute: () => rootRoute, id: "app", component: AdminLayout });

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/",
  component: lazyRouteComponent(
    withFeatureMessages(() => import("./features/dashboard/dashboard-page.js"), dashboardTexts),
    "DashboardPage",
  ),
});

const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "inbox",
  component: lazyRouteComponent(() => import("./features/inbox/inbox-page.js"), "InboxPage"),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "users",
  validateSearch: parseUsersSearch,
  component: guarded(
    "user.read",
    lazyRouteComponent(
      withFeatureMessages(() => import("./features/users/users-page.js"), usersTexts, approvalsTexts),
      "UsersPage",
    ),
  ),
});

const userRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "users/$userId",
  component: guarded(
    "user.read",
    lazyRouteComponent(
      withFeatureMessages(() => import("./features/users/user-page.js"), usersTexts, approvalsTexts),
      "UserPage",
    ),
  ),
});

const approvalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "approvals",
  component: guarded(
    "grant.approve",
    lazyRouteComponent(
      withFeatureMessages(() => import("./features/approvals/approvals-page.js"), approvalsTexts, usersTexts),
      "ApprovalsPage",
    ),
  ),
});

const unitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "units",
  component: guarded(
    "unit.read",
    lazyRouteComponent(
      withFeatureMessages(() => import("./features/units/units-page.js"), unitsTexts),
      "UnitsPage",
    ),
  ),
});

const organisationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "organisations",
  component: guarded(
    "organisation.read",
    lazyRouteComponent(
      withFeatureMessages(() => import("./features/organisations/organisations-page.js"), organisationsTexts),
      "OrganisationsPage",
    ),
  ),
});

const apiTokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "api-tokens",
  component: guarded(
    "api_token.read",
    lazyRouteComponent(
      withFeatureMessages(() => import("./features/api-tokens/api-tokens-page.js"), tokensTexts, usersTexts),
      "ApiTokensPage",
    ),
  ),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "audit",
  validateSearch: parseAuditSearch,
  component: guarded(
    "audit.read",
    lazyRouteComponent(
      withFeatureMessages(() => import("./features/audit/audit-page.js"), auditTexts),
      "AuditPage",
    ),
  ),
});

const disclosuresRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "disclosures",
  validateSearch: parseDisclosuresSearch,
  component: guarded(
    "disclosure.read",
    lazyRouteComponent(
      withFeatureMessages(() => import("./features/disclosures/disclosures-page.js"), privacyOperationTexts),
      "DisclosuresPage",
    ),
  ),
});

const newTrainingDisclosureRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "disclosures/new-training",
  component: guarded(
    "disclosure.create",
    lazyRouteComponent(
      withFeatureMessages(
        () => import("./features/disclosures/create-training-page.js"),
        privacyOperationTexts,
        pickerTexts,
        usersTexts,
      ),
      "CreateTrainingPage",
    ),
  ),
});

const newStatutoryDisclosureRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "disclosures/new-statutory",
  component: guarded(
    "disclosure.create",
    lazyRouteComponent(
      withFeatureMessages(
        () => import("./features/disclosures/create-statutory-page.js"),
        privacyOperationTexts,
        pickerTexts,
      ),
      "CreateStatutoryPage",
    ),
  ),
});

const newAccessRequestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "disclosures/new-access-request",
  component: guarded(
    "disclosure.create",
    lazyRouteComponent(
      withFeatureMessages(
        () => import("./features/disclosures/create-access-request-page.js"),
        privacyOperationTexts,
        pickerTexts,
      ),
      "CreateAccessRequestPage",
    ),
  ),
});

const disclosureRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "disclosures/$disclosureId",
  component: guarded(
    "disclosure.read",
    lazyRouteComponent(
      withFeatureMessages(
        () => import("./features/disclosures/disclosure-page.js"),
        privacyOperationTexts,
        pickerTexts,
      ),
      "DisclosurePage",
    ),
  ),
});

const retentionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "retention",
  component: guarded(
    "retention.read",
    lazyRouteComponent(
      withFeatureMessages(
        () => import("./features/retention/retention-page.js"),
        privacyOperationTexts,
        pickerTexts,
        printingTexts,
      ),
      "RetentionPage",
    ),
  ),
});

const registerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "register",
  component: lazyRouteComponent(
    withFeatureMessages(() => import("./features/register/register-page.js"), printingTexts),
    "RegisterPage",
  ),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "account",
  component: lazyRouteComponent(
    withFeatureMessages(() => import("./features/account/account-page.js"), usersTexts),
    "AccountPage",
  ),
});

const qualityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "quality",
  component: guarded(
    "quality_form.read",
    lazyRouteComponent(
      withFeatureMessages(
        () => import("./features/quality/quality-page.js"),
        privacyOperationTexts,
        qualityTexts,
      ),
      "QualityPage",
    ),
  ),
});

const routeTree = rootRoute.addChildren([
  publicNoticeRoute,
  setPasswordRoute,
  appRoute.addChildren([
    dashboardRoute,
    inboxRoute,
    usersRoute,
    userRoute,
    approvalsRoute,
    unitsRoute,
    organisationsRoute,
    apiTokensRoute,
    auditRoute,
    disclosuresRoute,
    newTrainingDisclosureRoute,
    newStatutoryDisclosureRoute,
    newAccessRequestRoute,
    disclosureRoute,
    retentionRoute,
    qualityRoute,
    registerRoute,
    accountRoute,
  ]),
]);

export function createAdminRouter() {
  return createRouter({ routeTree, basepath: "/admin", defaultPreload: "intent", scrollRestoration: true });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAdminRouter>;
  }
}
