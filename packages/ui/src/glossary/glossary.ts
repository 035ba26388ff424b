/**
 * One Finnish term per concept, for both apps. Every catalogue writes a concept with its term
 * (inflected as Finnish needs); the `avoid` patterns are the other ways it has been or could be
 * written, and the glossary test fails when a catalogue uses one of them.
 */
export interface GlossaryTerm {
  readonly concept: string;
  readonly en: string;
  readonly fi: string;
  readonly avoid: readonly RegExp[];
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    concept: "nda",
    en: "non-disclosure undertaking (NDA)",
    fi: "vaitiolositoumus",
    avoid: [/salassapitositoum/i, /salassapitosopim/i, /\bNDA\b/],
  },
  {
    concept: "legal-hold",
    en: "legal hold",
    fi: "lakisääteinen säilytys",
    avoid: [/oikeudelli\p{L}* säily/iu, /säilytyspit/i, /\blegal hold\b/i],
  },
  {
    concept: "disclosure",
    en: "disclosure",
    fi: "luovutus",
    avoid: [/paljastu/i, /julkistu/i, /\bluovutta(mi|ami)nen\b/i],
  },
  {
    concept: "clip",
    en: "clip",
    fi: "ote",
    avoid: [/\botte\b/i, /\bleike/i, /katkelm/i, /pätk[äi]/i],
  },
  {
    concept: "assignment",
    en: "assignment",
    fi: "osoitus",
    avoid: [/tehtävänan/i, /toimeksian/i],
  },
  {
    concept: "playlist",
    en: "playlist",
    fi: "soittolista",
    avoid: [/toistolist/i, /kuuntelulist/i],
  },
  {
    concept: "recording",
    en: "recording",
    fi: "tallenne",
    avoid: [/\bääniti?e/i, /\bnauhoit/i],
  },
  {
    concept: "staff-member",
    en: "staff member",
    fi: "työntekijä",
    avoid: [/henkilökunnan jäsen/i, /henkilöstön jäsen/i, /\bagent/i],
  },
  {
    concept: "unit",
    en: "unit",
    fi: "yksikkö",
    avoid: [/\bosasto/i],
  },
  {
    concept: "retention",
    en: "retention period",
    fi: "säilytysaika",
    avoid: [/säilytysjakso/i, /säilöntä/i, /arkistointiaika/i],
  },
  {
    concept: "erasure",
    en: "erasure",
    fi: "poisto",
    avoid: [/\bhävit[teä]/i, /\btuhoa/i],
  },
  {
    concept: "external-trainer",
    en: "external trainer",
    fi: "ulkoinen kouluttaja",
    avoid: [/ulkopuoli\p{L}* kouluttaj/iu],
  },
  {
    concept: "audit-log",
    en: "audit log",
    fi: "tapahtumaloki",
    avoid: [/auditointiloki/i, /tarkastusloki/i, /audit log/i],
  },
  {
    concept: "access-request",
    en: "access request (Art. 15)",
    fi: "tarkastuspyyntö",
    avoid: [/pääsypyyn/i, /tietopyyn/i],
  },
];

/** Grammar slips once found in the catalogues, with what they should read. */
export const FINNISH_SLIPS: readonly { readonly wrong: RegExp; readonly right: string }[] = [
  { wrong: /\bei erääntyy\b/i, right: "ei erääny" },
  { wrong: /\bei vanhenee\b/i, right: "ei vanhene" },
  { wrong: /\bei poistuu\b/i, right: "ei poistu" },
];

export interface GlossaryFinding {
  readonly text: string;
  readonly problem: string;
}

/** Every place in these Finnish texts that writes a concept another way or repeats a known slip. */
export function glossaryFindings(texts: readonly string[]): GlossaryFinding[] {
  const findings: GlossaryFinding[] = [];
  for (const text of texts) {
    for (const term of GLOSSARY) {
      for (const pattern of term.avoid) {
        if (pattern.test(text))
          findings.push({ text, problem: `${term.en}: write "${term.fi}" (${pattern})` });
      }
    }
    for (const slip of FINNISH_SLIPS) {
      if (slip.wrong.test(text)) findings.push({ text, problem: `write "${slip.right}" (${slip.wrong})` });
    }
  }
  return findings;
}
