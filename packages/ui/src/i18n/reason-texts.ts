import type { ReasonCode } from "@kuulo/domain/errors";
import { personalDataMessage } from "./personal-data-message.js";
import { uiMessages } from "./ui-messages.js";

type Texts = { readonly fi: string; readonly en: string };

/**
 * The shared wording of API refusals, by reason code, for both apps. An app may word a reason its own
 * way for its screens (admin's `reasons.*` and `disclosures.refusals.*`); these cover the rest.
 */
export const REASON_TEXTS: Partial<Record<ReasonCode, Texts>> = {
  "api_token.expiry_past": {
    fi: "Vanhenemisajan on oltava tulevaisuudessa.",
    en: "The expiry must be in the future.",
  },
  "approval.decided": {
    fi: "Pyyntö on jo hyväksytty tai hylätty.",
    en: "This request has already been approved or refused.",
  },
  "batch.too_large": {
    fi: "Liian monta pyyntöä kerralla. Yritä uudelleen.",
    en: "Too many requests at once. Try again.",
  },
  "cursor.invalid": {
    fi: "Luettelo on vanhentunut. Lataa sivu uudelleen.",
    en: "The list is out of date. Reload the page.",
  },
  "disclosure.agreement_window": {
    fi: "Käsittelijän sopimus ei kata luovutuksen voimassaoloaikaa.",
    en: "The processor's agreement does not cover the disclosure's validity period.",
  },
  "grant.awaiting_approval": {
    fi: "Kuunteluoikeus tulee voimaan, kun toinen henkilö hyväksyy sen.",
    en: "The listening right takes effect once a second person approves it.",
  },
  "ingest.rate_limited": {
    fi: "Liian monta tallennetta lyhyessä ajassa. Yritä hetken kuluttua uudelleen.",
    en: "Too many recordings in a short time. Try again in a moment.",
  },
  "quality.disabled": {
    fi: "Laadunarviointi ei ole käytössä. Pääkäyttäjä voi ottaa sen käyttöön.",
    en: "Quality review is off. An administrator can turn it on.",
  },
  "quality.already_disputed": {
    fi: "Arviosta on jo tehty kiista.",
    en: "This evaluation has already been disputed.",
  },
  "quality.answers_required": {
    fi: "Vastaa kaikkiin kriteereihin ennen tallentamista.",
    en: "Answer every criterion before saving.",
  },
  "quality.calibration_blind": {
    fi: "Kalibroinnin vastaukset näkyvät vasta, kun vetäjä vertailee niitä.",
    en: "Calibration answers stay hidden until the lead compares them.",
  },
  "quality.calibration_not_disputable": {
    fi: "Kalibrointiarviosta ei voi tehdä kiistaa.",
    en: "A calibration evaluation cannot be disputed.",
  },
  "quality.calibration_not_lead": {
    fi: "Vain kalibroinnin vetäjä näkee vastausten hajonnan.",
    en: "Only the calibration's lead sees the spread of answers.",
  },
  "quality.calibration_not_participant": {
    fi: "Et ole tämän kalibroinnin arvioija.",
    en: "You are not a reviewer in this calibration.",
  },
  "quality.calibration_reviewer": {
    fi: "Valitse kalibrointiin arvioijia, joilla on oikeus arvioida tämän yksikön puheluita.",
    en: "Choose reviewers who may evaluate this unit's calls.",
  },
  "quality.calibration_submitted": {
    fi: "Olet jo lähettänyt arviosi tähän kalibrointiin.",
    en: "You have already submitted your evaluation for this calibration.",
  },
  "quality.dispute_closed": {
    fi: "Kiista on jo ratkaistu.",
    en: "This dispute has already been resolved.",
  },
  "quality.dispute_own_evaluation": {
    fi: "Et voi ratkaista kiistaa omasta arviostasi. Toinen arvioija ratkaisee sen.",
    en: "You cannot resolve a dispute about your own evaluation. Another reviewer resolves it.",
  },
  "quality.dispute_self": {
    fi: "Et voi ratkaista kiistaa oman puhelusi arviosta.",
    en: "You cannot resolve a dispute about an evaluation of your own call.",
  },
  "quality.duplicate_criterion": {
    fi: "Kahdella kriteerillä on sama tunniste.",
    en: "Two criteria have the same key.",
  },
  "quality.evaluate_self": {
    fi: "Et voi arvioida omaa puheluasi.",
    en: "You cannot evaluate your own call.",
  },
  "quality.form_not_draft": {
    fi: "Vain luonnosta voi muokata tai julkaista.",
    en: "Only a draft can be edited or published.",
  },
  "quality.form_not_published": {
    fi: "Lomake ei ole julkaistu.",
    en: "The form is not published.",
  },
  "quality.form_version_draft": {
    fi: "Luonnoksella ei voi arvioida. Julkaise lomake ensin.",
    en: "A draft cannot be used for evaluations. Publish the form first.",
  },
  "quality.form_version_retired": {
    fi: "Tämä lomakeversio on poistettu käytöstä. Käytä uusinta versiota.",
    en: "This form version is retired. Use the latest version.",
  },
  "quality.moment_beyond_call": {
    fi: "Hetki on puhelun pituuden ulkopuolella.",
    en: "The moment lies beyond the end of the call.",
  },
  "quality.moment_evaluation": {
    fi: "Hetki kuuluu toisen puhelun arvioon.",
    en: "The moment belongs to an evaluation of another call.",
  },
  "quality.moment_range": {
    fi: "Hetken loppu ei voi olla ennen sen alkua.",
    en: "A moment cannot end before it starts.",
  },
  "quality.no_weight": {
    fi: "Anna vähintään yhdelle kriteerille paino.",
    en: "Give at least one criterion a weight.",
  },
  "quality.not_own": {
    fi: "Tämä koskee vain omia puheluitasi.",
    en: "This applies to your own calls only.",
  },
  "quality.person_required": {
    fi: "Valitse henkilö.",
    en: "Choose a person.",
  },
  "quality.moment_criterion_without_evaluation": {
    fi: "Hetken voi liittää kriteeriin vain arvioinnin sisällä.",
    en: "A moment can be linked to a criterion only within an evaluation.",
  },
  "quality.coaching_no_account": {
    fi: "Henkilöllä ei ole käyttäjätunnusta, joten soittolistaa ei voi osoittaa hänelle.",
    en: "This person has no user account, so the playlist cannot be assigned to them.",
  },
  "quality.unknown_criterion": {
    fi: "Lomakkeessa ei ole tällaista kriteeriä.",
    en: "The form has no such criterion.",
  },
  "validation.invalid": {
    fi: "Tarkista arvo.",
    en: "Check the value.",
  },
  "validation.invalid_type": {
    fi: "Pakollinen tieto puuttuu tai on väärää tyyppiä.",
    en: "A required value is missing or of the wrong kind.",
  },
  "validation.too_small": {
    fi: "Arvo puuttuu tai on liian lyhyt tai pieni.",
    en: "The value is missing, or too short or too small.",
  },
  "validation.too_big": {
    fi: "Arvo on liian pitkä tai suuri.",
    en: "The value is too long or too large.",
  },
  "validation.invalid_format": {
    fi: "Arvo on väärässä muodossa.",
    en: "The value is in the wrong format.",
  },
  "validation.not_multiple_of": {
    fi: "Arvo ei ole sallittu askel.",
    en: "The value is not an allowed step.",
  },
  "validation.unrecognized_keys": {
    fi: "Pyynnössä on tuntematon kenttä. Lataa sivu uudelleen.",
    en: "The request has an unknown field. Reload the page.",
  },
  "validation.invalid_union": {
    fi: "Arvo ei vastaa mitään sallituista vaihtoehdoista.",
    en: "The value matches none of the allowed choices.",
  },
  "validation.invalid_key": {
    fi: "Pyynnössä on virheellinen avain.",
    en: "The request has an invalid key.",
  },
  "validation.invalid_element": {
    fi: "Luettelossa on virheellinen arvo.",
    en: "The list has an invalid value.",
  },
  "validation.invalid_value": {
    fi: "Valitse jokin sallituista vaihtoehdoista.",
    en: "Choose one of the allowed options.",
  },
  "validation.custom": {
    fi: "Tarkista arvo.",
    en: "Check the value.",
  },
  "credentials.invalid": {
    fi: "Käyttäjätunnus tai salasana on väärin.",
    en: "The username or password is wrong.",
  },
  "sign_in.throttled": {
    fi: "Liian monta yritystä. Odota hetki ja yritä uudelleen.",
    en: "Too many attempts. Wait a moment and try again.",
  },
  "second_factor.invalid": {
    fi: "Vahvistuskoodi ei kelpaa. Tarkista koodi sovelluksesta ja yritä uudelleen.",
    en: "The verification code is not valid. Check the code in your app and try again.",
  },
  "session.missing": {
    fi: "Kirjaudu sisään jatkaaksesi.",
    en: "Sign in to continue.",
  },
  "session.already_complete": {
    fi: "Olet jo kirjautunut. Lataa sivu uudelleen.",
    en: "You are signed in already. Reload the page.",
  },
  "session.second_factor_required": {
    fi: "Anna vielä vahvistuskoodi jatkaaksesi.",
    en: "Enter your verification code to continue.",
  },
  "session.enrolment_required": {
    fi: "Ota kaksivaiheinen tunnistautuminen käyttöön jatkaaksesi.",
    en: "Set up two-step verification to continue.",
  },
  "totp.already_enrolled": {
    fi: "Kaksivaiheinen tunnistautuminen on jo käytössä.",
    en: "Two-step verification is already set up.",
  },
  "totp.not_started": {
    fi: "Aloita kaksivaiheisen tunnistautumisen käyttöönotto ensin.",
    en: "Start setting up two-step verification first.",
  },
  "totp.invalid_code": {
    fi: "Vahvistuskoodi ei kelpaa. Yritä uudelleen.",
    en: "The verification code is not valid. Try again.",
  },
  "token.invalid": {
    fi: "Tunniste puuttuu tai ei ole voimassa.",
    en: "The token is missing or not valid.",
  },
  "password_link.invalid": {
    fi: "Linkki ei ole enää voimassa: se on jo käytetty, vanhentunut tai korvattu. Pyydä ylläpitäjältä uusi.",
    en: "This link is no longer valid: it was used already, has expired or was replaced. Ask an administrator for a new one.",
  },
  "csrf.origin": {
    fi: "Pyyntö hylättiin, koska se ei tullut sallitusta osoitteesta. Lataa sivu uudelleen.",
    en: "The request was refused because it did not come from an allowed address. Reload the page.",
  },
  "csrf.content_type": {
    fi: "Pyyntö hylättiin muotonsa vuoksi. Lataa sivu uudelleen.",
    en: "The request was refused because of its format. Reload the page.",
  },
  "csrf.cross_site": {
    fi: "Toiselta sivustolta tulevat pyynnöt hylätään.",
    en: "Requests from another site are refused.",
  },
  "user.deactivated": {
    fi: "Tunnus on poistettu käytöstä.",
    en: "This account is deactivated.",
  },
  "permission.missing": {
    fi: "Roolisi ei salli tätä.",
    en: "Your role does not allow this.",
  },
  "scope.outside": {
    fi: "Tämä on yksiköidesi ulkopuolella.",
    en: "This is outside your units.",
  },
  "scope.no_units": {
    fi: "Tähän tarvitaan kouluttajan rooli jossakin yksikössä.",
    en: "This needs a trainer role in at least one unit.",
  },
  "agreement.not_valid": {
    fi: "Organisaatiosi sopimus rekisterinpitäjän kanssa ei ole voimassa.",
    en: "Your organisation's agreement with the controller is not in force.",
  },
  "storage_region.outside_eu_eea": {
    fi: "Tallennusmaa on EU:n tai ETA:n ulkopuolella.",
    en: "The storage country is outside the EU/EEA.",
  },
  "storage_region.country_mismatch": {
    fi: "Tallennusalue on eri maassa kuin ilmoitettu tallennusmaa.",
    en: "The storage region is in a different country than the one given.",
  },
  "storage_region.unknown": {
    fi: "Tallennusaluetta ei tunneta, joten sen sijaintia EU:ssa tai ETA:ssa ei voi osoittaa.",
    en: "The storage region is unknown, so it cannot be shown to be in the EU/EEA.",
  },
  "audit_export.too_many_rows": {
    fi: "Liian monta tapahtumaa yhteen vientiin. Rajaa aikaväliä.",
    en: "Too many events for one export. Narrow the time range.",
  },
  "personal_data.not_text": {
    fi: "Kentän arvon on oltava tekstiä.",
    en: "The value must be text.",
  },
  "metadata.customer_data": {
    fi: "Tallenteen tiedoissa ei saa olla asiakastietoja; ne saavat olla vain äänessä.",
    en: "Recording metadata must not contain customer data; it may exist only inside the audio.",
  },
  "metadata.field_not_allowed": {
    fi: "Tallenteen tiedoissa on kenttä, jota ei sallita.",
    en: "The recording metadata has a field that is not allowed.",
  },
  "metadata.not_object": {
    fi: "Tallenteen tietojen on oltava yksitasoinen JSON-objekti.",
    en: "Recording metadata must be a flat JSON object.",
  },
  "metadata.invalid": {
    fi: "Tallenteen tiedoissa on virheellinen arvo.",
    en: "The recording metadata has an invalid value.",
  },
  "metadata.not_json": {
    fi: "Tallenteen tiedot eivät ole kelvollista JSONia.",
    en: "The recording metadata is not valid JSON.",
  },
  "metadata.unit_unknown": {
    fi: "Tallenteen yksikköä ei tunneta. Ylläpitäjän on luotava yksikkö ensin.",
    en: "The recording's unit is unknown. An administrator must create the unit first.",
  },
  "metadata.unit_missing": {
    fi: "Tallenteen yksikkö puuttuu.",
    en: "The recording's unit is missing.",
  },
  "ingest.not_multipart": {
    fi: "Tallenne on lähetettävä multipart-muodossa (tiedot ja ääni).",
    en: "Send the recording as multipart (metadata and audio).",
  },
  "audio.changed": {
    fi: "Äänitiedosto muuttui käsittelyn aikana. Lähetä se uudelleen.",
    en: "The audio file changed while it was being processed. Send it again.",
  },
  "server.shutting_down": {
    fi: "Palvelu käynnistyy uudelleen. Yritä hetken kuluttua uudelleen.",
    en: "The service is restarting. Try again in a moment.",
  },
  "audio.too_large": {
    fi: "Äänitiedosto on liian suuri.",
    en: "The audio file is too large.",
  },
  "audio.too_long": {
    fi: "Tallenne on liian pitkä.",
    en: "The recording is too long.",
  },
  "recording.not_found": {
    fi: "Tallennetta ei ole tai se on poistettu.",
    en: "The recording does not exist or has been erased.",
  },
  "recording.source_conflict": {
    fi: "Sama tallenne on jo vastaanotettu eri äänellä; mitään ei muutettu.",
    en: "This recording was already received with different audio; nothing was changed.",
  },
  "recording_filter.to": {
    fi: "Aikavälin lopun on oltava alun jälkeen.",
    en: "The end of the time range must be after its start.",
  },
  "recording_filter.durationMaxMs": {
    fi: "Enimmäiskesto ei voi olla pienempi kuin vähimmäiskesto.",
    en: "The longest duration cannot be less than the shortest.",
  },
  "recording_filter.cursor": {
    fi: "Listaus on muuttunut. Lataa sivu uudelleen.",
    en: "The listing has changed. Reload the page.",
  },
  "range.unsatisfiable": {
    fi: "Pyydetty kohta on tallenteen ulkopuolella.",
    en: "The requested position is outside the recording.",
  },
  "storage.integrity": {
    fi: "Tallennettua tiedostoa ei voitu lukea eheänä. Ota yhteys tukeen.",
    en: "The stored file could not be read intact. Contact support.",
  },
  "storage.key_invalid": {
    fi: "Tallennetun tiedoston tunniste ei kelpaa.",
    en: "The stored file's key is not valid.",
  },
  "storage.not_found": {
    fi: "Tallennettua tiedostoa ei löydy.",
    en: "The stored file was not found.",
  },
  "disclosure.invalid": {
    fi: "Luovutuksen tiedoissa on virheellinen arvo.",
    en: "The disclosure has an invalid value.",
  },
  "disclosure.outside_window": {
    fi: "Tallenne on pyydetyn aikavälin ulkopuolella.",
    en: "A recording is outside the requested time range.",
  },
  "export.link_unknown": {
    fi: "Latausta ei löydy.",
    en: "No such download.",
  },
  "playlist.not_found": {
    fi: "Soittolistaa ei ole (tai se on yksiköidesi ulkopuolella).",
    en: "The playlist does not exist (or is outside your units).",
  },
  "playlist.empty": {
    fi: "Lisää soittolistaan vähintään yksi tallenne ennen julkaisua.",
    en: "Add at least one recording before publishing.",
  },
  "playlist.delete_needs_confirmation": {
    fi: "Soittolista on julkaistu tai sillä on kuuntelijoiden edistymistä. Vahvista, että poistat sen edistymisineen.",
    en: "This playlist is published or has listeners' progress. Confirm to delete it with its progress.",
  },
  "item.removed": {
    fi: "Tämän kohteen tallenne on poistettu.",
    en: "This item's recording has been erased.",
  },
  "clip.window": {
    fi: "Otteen on päätyttävä alkunsa jälkeen.",
    en: "The clip must end after it starts.",
  },
  "clip.beyond_recording": {
    fi: "Otteen on päätyttävä tallenteen sisällä.",
    en: "The clip must end within the recording.",
  },
  "progress.beyond_recording": {
    fi: "Kuunneltu kohta päättyy tallenteen jälkeen.",
    en: "The listened stretch ends after the recording.",
  },
  "progress.too_fragmented": {
    fi: "Liian monta erillistä kuunneltua kohtaa. Lataa sivu uudelleen.",
    en: "Too many separate listened stretches. Reload the page.",
  },
};

/** The refusal in the reader's language, or undefined when no text exists for the reason. */
export function reasonText(reason: string | undefined, language: string): string | undefined {
  if (!reason) return undefined;
  if (reason.startsWith("password.")) {
    // The password rules are worded once, next to the password field (ui-messages' `password`).
    const passwords = (language === "fi" ? uiMessages.fi : uiMessages.en).password as Record<string, string>;
    return passwords[reason.slice("password.".length)];
  }
  const personalData = personalDataMessage(reason, language);
  if (personalData !== null) return personalData;
  const texts = REASON_TEXTS[reason as ReasonCode];
  if (!texts) return undefined;
  return language === "fi" ? texts.fi : texts.en;
}
