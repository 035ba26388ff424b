export { actorFromMe, type CanFn, useCan } from "./access/use-can.js";
export { passwordError } from "./auth/password-error.js";
export { QrCode } from "./auth/qr-code.js";
export { forgetFragment, readFragmentToken } from "./auth/read-fragment-token.js";
export { SetPasswordScreen } from "./auth/set-password-screen.js";
export { SignInFlow } from "./auth/sign-in-flow.js";
export { TotpEnrolment } from "./auth/totp-enrolment.js";
export { allZero, type CountAxis, countAxis } from "./charts/count-axis.js";
export {
  NameCombobox,
  type NameComboboxProps,
  type NameOption,
  type NameOptionsQuery,
} from "./combobox/name-combobox.js";
export { NAME_SEARCH_MIN_LETTERS, type NameSearch, useNameSearch } from "./combobox/use-name-search.js";
export { ConfirmDialog, type ConfirmDialogProps } from "./feedback/confirm-dialog.js";
export { CopyButton } from "./feedback/copy-button.js";
export { Dialog, type DialogProps } from "./feedback/dialog.js";
export { EmptyState, ErrorState, Loading } from "./feedback/states.js";
export { WhyLink } from "./feedback/why-link.js";
export { applyServerError } from "./forms/apply-server-error.js";
export { DateField, type DateFieldProps } from "./forms/date-field.js";
export { datePattern, formatDateInput, parseDateInput } from "./forms/date-input.js";
export { FormError } from "./forms/form-error.js";
export { SelectField, type SelectFieldProps } from "./forms/select-field.js";
export { TextField, type TextFieldProps } from "./forms/text-field.js";
export { type UnsavedChangesGuard, useUnsavedChangesGuard } from "./forms/use-unsaved-changes-guard.js";
export {
  FINNISH_SLIPS,
  GLOSSARY,
  type GlossaryFinding,
  type GlossaryTerm,
  glossaryFindings,
} from "./glossary/glossary.js";
export { calendarDayPattern, formatCalendarDay, parseCalendarDay } from "./i18n/calendar-day.js";
export { type AppCatalogueLoader, createKuuloI18n, switchLanguage } from "./i18n/create-i18n.js";
export { formatDuration, formatDurationPrecise, parseDuration } from "./i18n/duration.js";
export {
  type FeatureMessages,
  featureMessages,
  withFeatureMessages,
} from "./i18n/feature-messages.js";
export { createFormatters, type Formatters, useFormat } from "./i18n/format.js";
export { LanguageSwitcher } from "./i18n/language-switcher.js";
export { detectLocale, isLocale, LOCALES, type Locale, rememberLocale } from "./i18n/locale.js";
export { personalDataMessage } from "./i18n/personal-data-message.js";
export { type ReasonTexts, reasonText } from "./i18n/reason-texts.js";
export { loadUiCatalogue } from "./i18n/ui-catalogue.js";
export { formatUnit, type UnitLike } from "./i18n/unit-label.js";
export { InboxNavLabel } from "./inbox/inbox-nav-label.js";
export { AppShell, type AppShellProps } from "./layout/app-shell.js";
export { PageHeader } from "./layout/page-header.js";
export { SignOutButton } from "./layout/sign-out-button.js";
export { AuthGate } from "./session/auth-gate.js";
export { createKuuloQueryClient } from "./session/create-query-client.js";
export { useFormDraft, withoutSecrets } from "./session/form-draft.js";
export { KuuloProviders, useSessionStore } from "./session/kuulo-context.js";
export { type Me, MeContext, useMe } from "./session/me-context.js";
export {
  createSessionStore,
  type SessionState,
  type SessionStore,
  useSessionState,
} from "./session/session-store.js";
export {
  type DataColumn,
  DataTable,
  type DataTableProps,
  type DataTableQuery,
} from "./table/data-table.js";
export { TRPCProvider, useTRPC, useTRPCClient } from "./trpc/context.js";
export { createKuuloTrpcClient, type KuuloClientOptions } from "./trpc/create-client.js";
export { isUnauthenticated, readDomainError } from "./trpc/domain-error.js";
