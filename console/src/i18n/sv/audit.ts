/** The audit trail page, for whoever holds audit:read. */
import { plural } from "../plural";

export const auditTrail = {
  auditTrail: {
    title: "Granskning",
    lead: "Vem som läste eller ändrade vad och när. Välj en post; avgränsa gärna till en person och en period.",
    filters: "Sök i granskningsloggen",
    source: "Register",
    sources: { referrals: "Ärenden i Mottag" },
    records: { referral: "Ärendets id" },
    actor: "Person (användar-id, frivilligt)",
    from: "Från och med (frivilligt)",
    to: "Till och med (frivilligt)",
    show: "Visa",
    ask: "Ange vilken post du vill granska.",
    caption: (n: number, record: string) =>
      `${plural(n, "händelse", "händelser")} för ${record}, äldst först`,
    none: "Inga händelser matchar sökningen.",
    download: "Ladda ner som CSV",
    columns: {
      at: "Tidpunkt",
      actor: "Person",
      what: "Vad",
      action: "Åtgärd (kod)",
      record: "Post",
      correlationId: "Referens",
    },
  },
};
