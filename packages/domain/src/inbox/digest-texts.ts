import type { InboxItemKind } from "./inbox-kinds.js";

type Lang = "fi" | "en";

/**
 * The daily e-mail names kinds and counts only: no names, no customer data, no recording content (those
 * stay behind the sign-in). One line per kind.
 */
export const DIGEST_KIND_TEXTS: Readonly<Record<InboxItemKind, Record<Lang, string>>> = {
  disclosure_to_approve: { en: "disclosures to approve", fi: "hyväksyttäviä luovutuksia" },
  listening_right_to_approve: { en: "listening rights to approve", fi: "hyväksyttäviä kuunteluoikeuksia" },
  disclosure_window_ending: {
    en: "training disclosures ending soon",
    fi: "pian päättyviä koulutusluovutuksia",
  },
  legal_hold_long_open: {
    en: "long-standing legal holds to review",
    fi: "pitkään voimassa olleita lakisääteisiä säilytyksiä tarkistettavaksi",
  },
  access_request_deadline_near: {
    en: "access requests near their deadline",
    fi: "määräaikaa lähestyviä tarkastuspyyntöjä",
  },
  quality_setting_changed: {
    en: "changes of the quality review setting",
    fi: "laadunarvioinnin asetuksen muutoksia",
  },
  account_locked: { en: "locked accounts", fi: "lukittuja tilejä" },
  processor_agreement_ending: { en: "processor agreements ending", fi: "päättyviä käsittelijäsopimuksia" },
  ingest_refused: {
    en: "refused deliveries of the recording system",
    fi: "torjuttuja tallennusjärjestelmän pyyntöjä",
  },
  purge_failed: { en: "failed retention purges", fi: "epäonnistuneita poistoajoja" },
  review_queue: { en: "calls waiting for review", fi: "arviointia odottavia puheluita" },
  dispute_open: { en: "open disputes", fi: "avoimia oikaisupyyntöjä" },
  assignment_overdue: {
    en: "playlists with people overdue",
    fi: "soittolistoja, joiden määräpäivä on ohitettu",
  },
  assignment_new: { en: "training assigned to you", fi: "sinulle osoitettuja soittolistoja" },
  feedback_new: { en: "new evaluations of your calls", fi: "uusia arvioita puheluistasi" },
};

export const DIGEST_TEXTS: Readonly<
  Record<Lang, { subject: string; intro: string; open: string; footer: string }>
> = {
  en: {
    subject: "Kuulo: {count} waiting for you",
    intro: "These wait for you in Kuulo:",
    open: "Open your inbox:",
    footer: "This message holds no names or call content; sign in to see them.",
  },
  fi: {
    subject: "Kuulo: {count} odottaa sinua",
    intro: "Kuulossa odottaa sinua:",
    open: "Avaa saapuneet:",
    footer: "Viestissä ei ole nimiä eikä puhelujen sisältöä; näet ne kirjauduttuasi.",
  },
};

export const PASSWORD_LINK_TEXTS: Readonly<Record<Lang, { subject: string; body: string; expires: string }>> =
  {
    en: {
      subject: "Kuulo: set your password",
      body: "Set your Kuulo password with this one-time link:",
      expires:
        "The link works once, until {expires} (UTC). If you did not expect it, tell your administrator.",
    },
    fi: {
      subject: "Kuulo: aseta salasanasi",
      body: "Aseta Kuulon salasanasi tällä kertakäyttöisellä linkillä:",
      expires: "Linkki toimii kerran, {expires} (UTC) asti. Jos et odottanut sitä, kerro pääkäyttäjälle.",
    },
  };
