import type { AuditTexts } from "./audit-texts.js";

/** Names stay in the nominative: each sentence carries a noun ("käyttäjälle", "yksikössä") that takes the case. */
export const AUDIT_TEXTS_FI: AuditTexts = {
  actions: {
    "access.denied": {
      label: "Pääsy estetty",
      sentence: "{{actor}}: pääsy estettiin ({{target}})",
      notDone: "{{actor}}: pääsy estettiin ({{target}})",
    },
    "api_token.create": { label: "API-avain luotu", sentence: "{{actor}} loi API-avaimen {{target}}" },
    "api_token.revoke": { label: "API-avain peruttu", sentence: "{{actor}} perui API-avaimen {{target}}" },
    "audit.export": {
      label: "Tapahtumaloki viety",
      sentence: "{{actor}} vei tapahtumalokin tiedostoon (tapahtumia: {{count}})",
    },
    "audit.verify": {
      label: "Tapahtumaloki tarkistettu",
      sentence: "{{actor}} tarkisti tapahtumalokin ketjun",
    },
    "auth.locale_change": { label: "Kieli vaihdettu", sentence: "{{actor}} vaihtoi kielensä" },
    "auth.lockout": {
      label: "Tili lukittu",
      sentence: "Käyttäjä {{target}} lukittiin toistuvien epäonnistuneiden kirjautumisten jälkeen",
      notDone:
        "Kirjautuminen käyttäjänä {{target}} lukittiin toistuvien epäonnistumisten jälkeen ({{actor}})",
    },
    "auth.password_change": {
      label: "Salasana vaihdettu",
      sentence: "{{actor}} vaihtoi salasanansa",
      notDone: "{{actor}} yritti vaihtaa salasanansa, mutta nykyinen salasana oli väärä",
    },
    "auth.password_set": {
      label: "Salasana asetettu linkillä",
      sentence: "{{target}} asetti salasanan kertakäyttöisellä linkillä",
    },
    "auth.second_factor": {
      label: "Kaksivaiheinen tunnistus",
      sentence: "{{actor}} läpäisi kaksivaiheisen tunnistuksen",
      notDone: "{{actor}}: kaksivaiheinen tunnistus epäonnistui",
    },
    "auth.session_end": { label: "Istunto päätetty", sentence: "{{actor}} päätti yhden istunnoistaan" },
    "auth.sign_in": {
      label: "Kirjautuminen",
      sentence: "{{actor}} kirjautui sisään",
      notDone: "{{actor}}: kirjautuminen ei onnistunut",
    },
    "auth.sign_out": { label: "Uloskirjautuminen", sentence: "{{actor}} kirjautui ulos" },
    "auth.totp_enrolled": {
      label: "Todennussovellus lisätty",
      sentence: "{{actor}} otti todennussovelluksen käyttöön kaksivaiheista tunnistusta varten",
    },
    "auth.totp_enrolment_begin": {
      label: "Todennussovelluksen käyttöönotto aloitettu",
      sentence: "{{actor}} aloitti todennussovelluksen käyttöönoton",
    },
    "auth.totp_rewrap": {
      label: "Tunnistusavaimet salattu uudelleen",
      sentence: "{{actor}} salasi kaksivaiheisen tunnistuksen salaisuudet uudelleen nykyisellä avaimella",
    },
    "backup.create": { label: "Varmuuskopio tehty", sentence: "{{actor}} teki varmuuskopion" },
    "backup.restore": { label: "Varmuuskopio palautettu", sentence: "{{actor}} palautti varmuuskopion" },
    "disclosure.approve": {
      label: "Luovutus hyväksytty",
      sentence: "{{actor}} hyväksyi luovutuksen vastaanottajalle {{target}}",
    },
    "disclosure.close": {
      label: "Luovutus suljettu",
      sentence: "{{actor}} sulki luovutuksen vastaanottajalle {{target}}",
    },
    "disclosure.demo_seed": {
      label: "Esittelyluovutus lisätty",
      sentence: "{{actor}} lisäsi esittelyluovutuksen vastaanottajalle {{target}}",
    },
    "disclosure.create": {
      label: "Luovutus valmisteltu",
      sentence: "{{actor}} valmisteli luovutuksen vastaanottajalle {{target}}",
    },
    "disclosure.expire": {
      label: "Luovutus päättyi",
      sentence: "Luovutus vastaanottajalle {{target}} päättyi, kun sen aikaikkuna sulkeutui",
    },
    "disclosure.export_create": {
      label: "Luovutuspaketti tehty",
      sentence: "{{actor}} teki paketin luovutukseen vastaanottajalle {{target}}",
    },
    "disclosure.export_download": {
      label: "Luovutuspaketti ladattu",
      sentence: "{{actor}} latasi paketin luovutuksesta vastaanottajalle {{target}}",
    },
    "disclosure.export_link_create": {
      label: "Latauslinkki tehty",
      sentence: "{{actor}} teki latauslinkin luovutukseen vastaanottajalle {{target}}",
    },
    "disclosure.revoke": {
      label: "Luovutus peruttu",
      sentence: "{{actor}} perui luovutuksen vastaanottajalle {{target}}",
    },
    "erasure_journal.replay": {
      label: "Poistot toistettu palautuksen jälkeen",
      sentence: "{{actor}} toisti palautetun varmuuskopion jälkeen tehdyt poistot",
    },
    "export_package.erase": {
      label: "Luovutuspaketti poistettu",
      sentence: "{{actor}} poisti paketin luovutuksesta vastaanottajalle {{target}}",
    },
    "grant.approve": {
      label: "Rooli hyväksytty",
      sentence: "{{actor}} hyväksyi, että käyttäjälle {{target}} annetaan {{role}} {{unitIn}}",
    },
    "grant.create": {
      label: "Rooli annettu",
      sentence: "{{actor}} antoi käyttäjälle {{target}} {{role}} {{unitIn}}",
    },
    "grant.refuse": {
      label: "Rooli evätty",
      sentence: "{{actor}} epäsi käyttäjältä {{target}} {{role}} {{unitIn}}",
    },
    "grant.request": {
      label: "Roolia pyydetty",
      sentence:
        "{{actor}} pyysi käyttäjälle {{target}} {{role}} {{unitIn}}; toisen henkilön on hyväksyttävä pyyntö",
    },
    "grant.revoke": {
      label: "Rooli poistettu",
      sentence: "{{actor}} poisti käyttäjältä {{target}} {{role}} {{unitIn}}",
    },
    "legal_hold.place": {
      label: "Lakisääteinen säilytys asetettu",
      sentence: "{{actor}} asetti lakisääteisen säilytyksen tallenteelle ({{target}})",
    },
    "legal_hold.release": {
      label: "Lakisääteinen säilytys purettu",
      sentence: "{{actor}} purki tallenteen lakisääteisen säilytyksen ({{target}})",
    },
    "organisation.create": {
      label: "Organisaatio lisätty",
      sentence: "{{actor}} lisäsi organisaation {{target}}",
    },
    "organisation.update": {
      label: "Organisaatiota muutettu",
      sentence: "{{actor}} muutti organisaation {{target}} tietoja",
    },
    "password_link.approve": {
      label: "Salasanalinkki hyväksytty",
      sentence: "{{actor}} hyväksyi kertakäyttöisen salasanalinkin käyttäjälle {{target}}",
    },
    "password_link.refuse": {
      label: "Salasanalinkki evätty",
      sentence: "{{actor}} epäsi kertakäyttöisen salasanalinkin käyttäjältä {{target}}",
    },
    "password_link.request": {
      label: "Salasanalinkkiä pyydetty",
      sentence:
        "{{actor}} pyysi kertakäyttöistä salasanalinkkiä käyttäjälle {{target}}; toisen henkilön on hyväksyttävä pyyntö",
    },
    "playlist.assign": {
      label: "Soittolista osoitettu",
      sentence: "{{actor}} teki osoituksen soittolistasta {{target}}",
    },
    "playlist.add_recordings": {
      label: "Puheluita lisätty soittolistalle",
      sentence: "{{actor}} lisäsi puheluita soittolistalle {{target}}",
    },
    "playlist.create": { label: "Soittolista luotu", sentence: "{{actor}} loi soittolistan {{target}}" },
    "playlist.delete": {
      label: "Soittolista poistettu",
      sentence: "{{actor}} poisti soittolistan {{target}}",
    },
    "playlist.publish": {
      label: "Soittolista julkaistu",
      sentence: "{{actor}} julkaisi soittolistan {{target}}",
    },
    "playlist.set_items": {
      label: "Soittolistan puheluita muutettu",
      sentence: "{{actor}} muutti soittolistan {{target}} puheluita",
    },
    "playlist.unassign": {
      label: "Osoitus poistettu",
      sentence: "{{actor}} poisti osoituksen soittolistasta {{target}}",
    },
    "playlist.unpublish": {
      label: "Soittolista vedetty pois",
      sentence: "{{actor}} veti pois soittolistan {{target}}",
    },
    "playlist.update": {
      label: "Soittolistaa muutettu",
      sentence: "{{actor}} muutti soittolistan {{target}} tietoja",
    },
    "progress.complete": {
      label: "Puhelu kuunneltu loppuun",
      sentence: "{{actor}} kuunteli loppuun tallenteen ({{recording}}) soittolistalla {{playlist}}",
    },
    "quality.calibration_create": {
      label: "Kalibrointi aloitettu",
      sentence: "{{actor}} aloitti kalibroinnin tallenteesta ({{recording}})",
    },
    "quality.calibration_read": {
      label: "Kalibrointi katsottu",
      sentence: "{{actor}} katsoi kalibroinnin tulokset",
    },
    "quality.calibration_submit": {
      label: "Kalibrointiarvio lähetetty",
      sentence: "{{actor}} lähetti kalibrointiarvion tallenteesta ({{recording}})",
    },
    "quality.coaching_start": {
      label: "Valmennus aloitettu",
      sentence: "{{actor}} aloitti valmennuksen arvioinnin heikosta kriteeristä soittolistalla {{target}}",
    },
    "quality.demo_seed": { label: "Esittelyarviot lisätty", sentence: "{{actor}} lisäsi esittelyarviot" },
    "quality.dispute_raise": {
      label: "Arvio kiistetty",
      sentence: "{{actor}} kiisti arvion tallenteesta ({{recording}})",
    },
    "quality.dispute_resolve": {
      label: "Kiista ratkaistu",
      sentence: "{{actor}} ratkaisi kiistan arviosta tallenteesta ({{recording}})",
    },
    "quality.evaluation_acknowledge": {
      label: "Arvio kuitattu",
      sentence: "{{actor}} kuittasi arvion tallenteesta ({{recording}})",
    },
    "quality.evaluation_create": {
      label: "Puhelu arvioitu",
      sentence: "{{actor}} arvioi tallenteen ({{recording}})",
    },
    "quality.evaluation_read": {
      label: "Arvio katsottu",
      sentence: "{{actor}} katsoi arvion tallenteesta ({{recording}})",
    },
    "quality.form_create": { label: "Arviointilomake luotu", sentence: "{{actor}} loi arviointilomakkeen" },
    "quality.form_publish": {
      label: "Arviointilomake julkaistu",
      sentence: "{{actor}} julkaisi arviointilomakkeen version",
    },
    "quality.form_retire": {
      label: "Arviointilomake poistettu käytöstä",
      sentence: "{{actor}} poisti arviointilomakkeen version käytöstä",
    },
    "quality.form_save_draft": {
      label: "Arviointilomakkeen luonnos tallennettu",
      sentence: "{{actor}} tallensi arviointilomakkeen luonnoksen",
    },
    "quality.moment_acknowledge": {
      label: "Palaute kuitattu",
      sentence: "{{actor}} kuittasi palautteen tallenteesta ({{recording}})",
    },
    "quality.moment_create": {
      label: "Palaute annettu",
      sentence: "{{actor}} antoi palautetta tallenteen kohdasta ({{recording}})",
    },
    "quality.moment_reply": {
      label: "Palautteeseen vastattu",
      sentence: "{{actor}} vastasi palautteeseen tallenteesta ({{recording}})",
    },
    "quality.purge": {
      label: "Vanhat laatutiedot poistettu",
      sentence: "{{actor}} poisti laatutiedot, joiden säilytysaika oli päättynyt",
    },
    "quality.report_read": {
      label: "Laaturaportti katsottu",
      sentence: "{{actor}} katsoi laaturaportin ({{target}})",
    },
    "quality.sampling_rule_set": {
      label: "Otantasääntö asetettu",
      sentence: "{{actor}} asetti arvioitavien puheluiden määrän henkilöä kohden ({{target}})",
    },
    "quality.settings_update": {
      label: "Laatuasetuksia muutettu",
      sentence: "{{actor}} {{switched}} laadunarvioinnin (palaute ja arvioinnit säilytetään {{days}} päivää)",
    },
    "recording.erase": {
      label: "Tallenne poistettu pyynnöstä",
      sentence: "{{actor}} poisti tallenteen pyynnöstä ({{target}})",
    },
    "recording.import": { label: "Tallenne tuotu", sentence: "{{actor}} toi tallenteen ({{target}})" },
    "recording.ingest": {
      label: "Tallenne vastaanotettu",
      sentence: "{{actor}} toimitti tallenteen ({{target}})",
    },
    "recording.listen": {
      label: "Tallennetta kuunneltu",
      sentence: "{{actor}} kuunteli tallenteen ({{target}})",
    },
    "recording.purge": {
      label: "Tallenne poistettu säilytysajan päätyttyä",
      sentence: "{{actor}} poisti tallenteen, jonka säilytysaika oli päättynyt ({{target}})",
    },
    "recording.read": { label: "Tallenteita katsottu", sentence: "{{actor}} katsoi tietoja ({{target}})" },
    "register.record_of_processing_export": {
      label: "Käsittelytoimien seloste tulostettu",
      sentence: "{{actor}} vei käsittelytoimien selosteen",
    },
    "retention.update_policy": {
      label: "Säilytysaikoja muutettu",
      sentence: "{{actor}} muutti säilytysaikoja",
    },
    "staff.purge": {
      label: "Työntekijät ilman puheluita poistettu",
      sentence: "{{actor}} poisti työntekijät, joilla ei enää ollut puheluita",
    },
    "storage.reconcile": {
      label: "Tallennus täsmäytetty",
      sentence: "{{actor}} vertasi tallennettuja äänitiedostoja tietokantaan",
    },
    "storage.rewrap": {
      label: "Ääniavaimet salattu uudelleen",
      sentence: "{{actor}} salasi ääniavaimet uudelleen nykyisellä avaimella",
    },
    "storage.scrub": {
      label: "Tallennettu ääni tarkistettu",
      sentence: "{{actor}} tarkisti tallennetut äänitiedostot vaurioiden varalta",
    },
    "system.seed_demo": { label: "Esittelytiedot lisätty", sentence: "{{actor}} lisäsi esittelytiedot" },
    "unit.create": { label: "Yksikkö lisätty", sentence: "{{actor}} lisäsi yksikön {{target}}" },
    "unit.update": { label: "Yksikköä muutettu", sentence: "{{actor}} muutti yksikön {{target}} tietoja" },
    "user.create": { label: "Käyttäjä lisätty", sentence: "{{actor}} lisäsi käyttäjän {{target}}" },
    "user.deactivate": {
      label: "Käyttäjä poistettu käytöstä",
      sentence: "{{actor}} poisti käyttäjän {{target}} käytöstä",
    },
    "user.end_sessions": {
      label: "Käyttäjän istunnot päätetty",
      sentence: "{{actor}} päätti käyttäjän {{target}} kaikki istunnot",
    },
    "user.reactivate": {
      label: "Käyttäjä palautettu käyttöön",
      sentence: "{{actor}} palautti käyttäjän {{target}} käyttöön",
    },
    "user.reset_password": {
      label: "Salasana nollattu",
      sentence: "{{actor}} nollasi käyttäjän {{target}} salasanan",
    },
    "user.unlock": {
      label: "Käyttäjän lukitus avattu",
      sentence: "{{actor}} avasi käyttäjän {{target}} lukituksen",
    },
    "user.update": { label: "Käyttäjää muutettu", sentence: "{{actor}} muutti käyttäjän {{target}} tietoja" },
  },
  areas: {
    access: "Estot",
    api_token: "API-avaimet",
    audit: "Tapahtumaloki",
    auth: "Kirjautuminen ja tili",
    backup: "Varmuuskopiot",
    disclosure: "Luovutukset",
    erasure_journal: "Varmuuskopiot",
    export_package: "Luovutukset",
    grant: "Roolit",
    legal_hold: "Lakisääteinen säilytys",
    organisation: "Organisaatiot",
    password_link: "Salasanalinkit",
    playlist: "Soittolistat",
    progress: "Koulutuksen eteneminen",
    quality: "Laadunarviointi",
    recording: "Tallenteet",
    register: "Rekisteri",
    retention: "Säilytysajat",
    staff: "Työntekijät",
    storage: "Tallennus",
    system: "Järjestelmä",
    unit: "Yksiköt",
    user: "Käyttäjät",
  },
  notDone: "{{sentence}} (ei toteutunut)",
  unknownAction: "{{actor}}: aiemman version tapahtuma ({{action}})",
  actors: {
    system: "Kuulo (automaattinen)",
    machine: "Tallennusjärjestelmä",
    anonymous: "Kirjautumaton käyttäjä",
    anonymousAs: "Tunnuksella ”{{name}}” kirjautuva",
    unknown: "Poistettu käyttäjä",
  },
  recording: "{{name}}, puhelu {{time}}",
  unitIn: "yksikössä {{unit}}",
  allUnits: "kaikissa yksiköissä",
  roles: {
    administrator: "ylläpitäjän roolin",
    privacy_officer: "tietosuojavastaavan roolin",
    trainer: "kouluttajan roolin",
    quality_reviewer: "laadunarvioijan roolin",
    employee: "työntekijän roolin",
    external_trainer: "ulkoisen kouluttajan roolin",
  },
  someRole: "roolin",
  switched: { on: "otti käyttöön", off: "poisti käytöstä" },
  targetTypes: {
    disclosure: "rekisteröity (tarkastuspyyntö)",
    recording_search: "tallenneluettelo",
    recording_count: "tallenteiden määrä",
    staff_member_list: "työntekijäluettelo",
    audit: "tapahtumaloki",
    register: "rekisterin asetukset",
    retention_policy: "säilytysajat",
    route: "tallenteiden vastaanottorajapinta",
    quality: "laatutiedot",
  },
  removed: {
    recording: "myöhemmin poistettu tallenne",
    user: "poistettu käyttäjä",
    playlist: "poistettu soittolista",
    disclosure: "poistettu luovutus",
    unit: "poistettu yksikkö",
    staff_member: "poistettu työntekijä",
    other: "myöhemmin poistettu kohde",
  },
  outcomes: { success: "Onnistui", failure: "Epäonnistui", denied: "Estetty" },
  csv: {
    seq: "Nro",
    occurredAt: "Aika (UTC)",
    time: "Aika",
    actor: "Kuka",
    event: "Tapahtuma",
    actionLabel: "Toiminto",
    target: "Kohde",
    outcome: "Tulos",
    actorType: "Tekijän tyyppi (koodi)",
    actorId: "Tekijän tunniste",
    actorLabel: "Tekijän käyttäjätunnus",
    action: "Toiminto (koodi)",
    targetType: "Kohteen tyyppi (koodi)",
    targetId: "Kohteen tunniste",
    ip: "Osoite",
    details: "Lisätiedot (JSON)",
    prevHash: "Edellinen tiiviste",
    hash: "Tiiviste",
  },
};
