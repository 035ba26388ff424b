import type { PersonalDataKind } from "@kuulo/domain/privacy";
import { nameComboboxEn } from "../combobox/name-combobox-messages.en.js";
import { inboxNavEn } from "../inbox/inbox-nav-messages.en.js";

/** Strings of the shared screens (namespace `ui`), English. Apps add their own namespaces. */
export const uiEn = {
  inbox: inboxNavEn,
  nameCombobox: nameComboboxEn,
  loading: "Loading…",
  retry: "Try again",
  cancel: "Cancel",
  close: "Close",
  copy: "Copy",
  copied: "Copied",
  copyFailed: "Copying failed; select the text and copy it by hand.",
  required: "Required",
  language: "Language",
  signOut: "Sign out",
  skipToContent: "Skip to content",
  mainNavigation: "Main navigation",
  dateField: {
    shape: "Write it as {{pattern}}.",
    invalid: "Not a date.",
  },
  error: {
    generic: "Something went wrong. Try again; if it keeps happening, contact your administrator.",
    forbidden: "You do not have access to this.",
    notFound: "Not found. It may have been removed.",
  },
  signIn: {
    title: "Sign in",
    username: "Username",
    password: "Password",
    submit: "Sign in",
    signingIn: "Signing in…",
    failed: "Wrong username or password.",
    rateLimited: "Too many attempts. Wait a moment and try again.",
    agreementEnded: "Your organisation's agreement has ended, so your account cannot sign in.",
    startOver: "Start over",
    designatedOnly: "For designated users only. Every sign-in is recorded.",
  },
  secondFactor: {
    title: "Verification code",
    intro: "Enter the 6-digit code from your authenticator app.",
    recoveryIntro: "Enter one of your recovery codes. Each code works once.",
    code: "Code",
    recoveryCode: "Recovery code",
    submit: "Verify",
    failed: "That code did not work. Check the time on your phone and try again.",
    useRecovery: "Use a recovery code",
    useApp: "Use the authenticator app",
  },
  enrolment: {
    title: "Set up two-step verification",
    intro:
      "Your role requires a second factor. Scan the QR code with an authenticator app (for example Microsoft or Google Authenticator), then enter the code it shows.",
    qrLabel: "QR code for the authenticator app",
    manual: "Or enter this key by hand:",
    code: "Code from the app",
    codeHint: "6 digits",
    confirm: "Confirm",
    wrongCode: "That code did not match. Enter the current code from the app.",
    done: "Two-step verification is on.",
    recoveryTitle: "Recovery codes",
    recoveryIntro:
      "If you lose your phone, each of these codes lets you sign in once. Store them somewhere safe now: they are shown only this once.",
    copyCodes: "Copy codes",
    savedContinue: "I have stored the codes — continue",
  },
  session: {
    endedTitle: "Your session ended",
    endedBody:
      "You were signed out (time limit or an administrator ended the session). Sign in again to continue; what you were doing is kept.",
  },
  setPassword: {
    title: "Set your password",
    intro: "Choose a password for your Kuulo account. This link works only once.",
    password: "New password",
    repeat: "New password again",
    submit: "Set password",
    done: "Your password is set. You can now sign in.",
    invalidLink: "This link is not valid any more. Ask your administrator for a new one.",
  },
  password: {
    hint: "At least 15 characters. A few unrelated words work well.",
    too_short: "Too short: use at least 15 characters.",
    too_long: "Too long: use at most 1024 bytes.",
    common: "This password is too common; choose another.",
    context: "Do not use your name, username or the company's or product's name.",
    repetitive: "Too repetitive; choose a less predictable password.",
    mismatch: "The passwords do not match.",
  },
  unsaved: {
    title: "Leave without saving?",
    body: "You have changes that are not saved. If you leave now, they are lost.",
    stay: "Stay on the page",
    leave: "Leave without saving",
  },
  why: {
    link: "Why?",
    clause: "From the register description",
  },
  /** R4 refusals by the API's reason "personal_data.<kind>": the one wording both SPAs show. */
  personalData: {
    phone: "The text seems to contain a phone number. Customer data may exist only inside the audio.",
    email: "The text seems to contain an e-mail address. Customer data may exist only inside the audio.",
    personal_identity_code:
      "The text seems to contain a personal identity code. Customer data may exist only inside the audio.",
    iban: "The text seems to contain a bank account number (IBAN). Customer data may exist only inside the audio.",
    payment_card:
      "The text seems to contain a payment card number. Customer data may exist only inside the audio.",
    customer_number:
      "The text seems to contain a customer number. Customer data may exist only inside the audio.",
  } satisfies Record<PersonalDataKind, string>,
};

export type UiMessages = typeof uiEn;
