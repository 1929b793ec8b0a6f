/** Kriminalvården's page: its receiver of status changes, and the status of the notices it posted. */
import { plural } from "../plural";

export const integrator = {
  integrator: {
    title: "Kriminalvårdens underrättelser",
    lead: "Underrättelserna skickas från Kriminalvårdens system genom API:et. Här registrerar ni mottagaren av statusändringar och ser status för en underrättelse ni har skickat. Inga personuppgifter visas.",
    receiver: "Mottagare av statusändringar",
    receiverLead:
      "Varje statusändring för era underrättelser skickas till adressen, signerad enligt Standard Webhooks med hemligheten. Den som inte svarar 2xx får nya försök under ungefär ett dygn.",
    noReceiver: "Ingen mottagare är registrerad: inga statusändringar skickas.",
    url: "Mottagarens adress",
    urlHint: "En https-adress.",
    registered: "Registrerad adress",
    updatedAt: "Senast ändrad",
    secret: "Hemlighet",
    secretHint:
      "whsec_ följt av 24–64 slumpade byte i base64. Hemligheten visas bara nu: lägg in den hos mottagaren innan ni sparar.",
    generate: "Skapa en hemlighet",
    register: "Registrera mottagaren",
    replace: "Byt mottagare",
    registeredOk: "Mottagaren är registrerad.",
    remove: "Ta bort mottagaren",
    removeConfirm: "Inga fler statusändringar skickas när mottagaren är borttagen. Ta bort den?",
    removeYes: "Ja, ta bort",
    removed: "Mottagaren är borttagen.",
    lookup: "Status för en underrättelse",
    lookupLead: "Ange ert id för underrättelsen, till exempel KV-2027-000201.",
    noticeId: "Underrättelsens id",
    show: "Visa status",
    looked: (n: number) => `${plural(n, "underrättelse", "underrättelser")} som ni har tittat på`,
    columns: {
      notice: "Underrättelse",
      municipality: "Kommun",
      release: "Beräknad frigivning",
      status: "Status",
      planDue: "Planen klar senast",
      lead: "Framförhållning",
      updated: "Uppdaterad",
    },
    lateLead: (days: number) => `${plural(days, "dag", "dagar")}, sen underrättelse`,
    onTimeLead: (days: number) => `${plural(days, "dag", "dagar")}`,
  },
};
