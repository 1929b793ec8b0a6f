/**
 * The local runtime's sign-in page (never deployed): the roles a developer or a tester can take,
 * and the form that mints a development token for one. Pure: the HTTP side is infra/local/console.ts.
 */
import { findMunicipality, PILOT_MUNICIPALITIES } from "../shared/municipalities";

export interface LocalRole {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly scope: string;
  /** Municipal staff carry a kommunkod; Kriminalvården and Socialstyrelsen do not. */
  readonly municipal: boolean;
  readonly defaultSub: string;
}

export const LOCAL_ROLES: readonly LocalRole[] = [
  {
    id: "intake-staff",
    title: "Handläggare i Mottag",
    description: "Arbetslistan, ärenden, skyddsbedömning, beslut, samtal och tilldelning.",
    scope: "referrals:read referrals:manage audit:read",
    municipal: true,
    defaultSub: "cw-1001",
  },
  {
    id: "intake-manager",
    title: "Chef för Mottag",
    description: "Som handläggaren, och håller enhetens handläggare och deras kapacitet aktuella.",
    scope: "referrals:read referrals:manage audit:read",
    municipal: true,
    defaultSub: "mottag-chef",
  },
  {
    id: "release-staff",
    title: "Socialsekreterare i Mottag vuxen",
    description: "Frigivningar: underrättelser från Kriminalvården, planens tidsfrist och planeringen.",
    scope: "release-notices:read release-notices:manage",
    municipal: true,
    defaultSub: "mottag-vuxen-1",
  },
  {
    id: "on-call",
    title: "Jourhavande socialsekreterare",
    description: "Jourtavlan för avhoppartelefonen: ringa upp, triagera och avsluta.",
    scope: "hotline:handle",
    municipal: true,
    defaultSub: "jour-bo",
  },
  {
    id: "hotline-admin",
    title: "Administratör för avhoppartelefonen",
    description: "Jourschemat: vem som har jour och luckor i schemat.",
    scope: "hotline:admin",
    municipal: true,
    defaultSub: "jour-admin",
  },
  {
    id: "kriminalvarden",
    title: "Kriminalvården",
    description: "Skickar underrättelser inför frigivning; läser inga ärenden.",
    scope: "release-notices:write national",
    municipal: false,
    defaultSub: "kriminalvarden-system",
  },
  {
    id: "socialstyrelsen",
    title: "Socialstyrelsen (förstärkningsteam)",
    description: "Läser månadsrapporterna från pilotkommunerna; inga personuppgifter.",
    scope: "reports:read national",
    municipal: false,
    defaultSub: "socialstyrelsen",
  },
  {
    id: "auditor",
    title: "Granskare",
    description: "Granskningsloggen: vem som läste eller ändrade vad och när, som CSV om det behövs.",
    scope: "audit:read",
    municipal: true,
    defaultSub: "granskare-1",
  },
];

/** The pilot municipalities, and Stockholm and Botkyrka from the source material. */
export const LOCAL_MUNICIPALITIES: readonly string[] = [...PILOT_MUNICIPALITIES, "0180", "0127"];

const SUB = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export interface SignInChoice {
  readonly role: LocalRole;
  readonly municipality: string | undefined;
  readonly sub: string;
}

export type SignInErrors = Partial<Record<"role" | "municipality" | "sub", string>>;

export const parseSignIn = (
  form: URLSearchParams,
): { ok: true; choice: SignInChoice } | { ok: false; errors: SignInErrors } => {
  const role = LOCAL_ROLES.find((r) => r.id === form.get("role"));
  const municipality = form.get("municipality") ?? "";
  const sub = (form.get("sub") ?? "").trim() || role?.defaultSub || "";
  const errors: SignInErrors = {};
  if (!role) errors.role = "Välj en roll.";
  if (role?.municipal && !LOCAL_MUNICIPALITIES.includes(municipality))
    errors.municipality = "Välj en kommun.";
  if (!SUB.test(sub)) {
    errors.sub = "Användar-id får bara innehålla bokstäverna a–z, siffror och . _ : - (högst 64 tecken).";
  }
  if (!role || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, choice: { role, municipality: role.municipal ? municipality : undefined, sub } };
};

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const fieldError = (id: string, message: string | undefined): string =>
  message ? `<p class="field-error" id="${id}-error">${escapeHtml(message)}</p>` : "";

const described = (id: string, message: string | undefined, hint: boolean): string => {
  const ids = [hint ? `${id}-hint` : "", message ? `${id}-error` : ""].filter(Boolean).join(" ");
  return ids ? ` aria-describedby="${ids}"${message ? ' aria-invalid="true"' : ""}` : "";
};

/** The page, with the previous answers and their errors when the form comes back. */
export const signInPage = (
  stylesheet: string | undefined,
  form?: URLSearchParams,
  errors: SignInErrors = {},
) => {
  const chosenRole = form?.get("role") ?? LOCAL_ROLES[0]?.id;
  const chosenMunicipality = form?.get("municipality") ?? "0880";
  const roles = LOCAL_ROLES.map(
    (r) => `<div class="choice-block">
<label class="choice"><input type="radio" name="role" value="${r.id}"${r.id === chosenRole ? " checked" : ""}${described("role", errors.role, false)}> ${escapeHtml(r.title)}</label>
<p class="hint">${escapeHtml(r.description)} <span class="technical">(${escapeHtml(r.scope)}${r.municipal ? "" : ", ingen kommun"})</span></p>
</div>`,
  ).join("\n");
  const municipalities = LOCAL_MUNICIPALITIES.map(
    (code) =>
      `<option value="${code}"${code === chosenMunicipality ? " selected" : ""}>${escapeHtml(findMunicipality(code)?.name ?? code)} (${code})</option>`,
  ).join("");
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Logga in lokalt – Ny riktning</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${stylesheet ? `<link rel="stylesheet" href="/${stylesheet}">` : ""}
</head>
<body>
<header class="site-header"><p class="brand">Ny riktning</p></header>
<main id="main">
<h1>Logga in lokalt</h1>
<p class="lead">Den här sidan finns bara i den lokala miljön (<code>npm start</code>) och kommer aldrig ut i drift. Välj en roll, så skapas en utvecklingstoken för den.</p>
${Object.keys(errors).length ? '<div class="notice notice-error" role="alert"><p><strong>Rätta uppgifterna som är markerade.</strong></p></div>' : ""}
<form method="post" action="/_local/sign-in" novalidate>
<fieldset>
<legend>Roll</legend>
${fieldError("role", errors.role)}
${roles}
</fieldset>
<div class="field">
<label for="municipality">Kommun</label>
<select id="municipality" name="municipality"${described("municipality", errors.municipality, true)}>${municipalities}</select>
<p class="hint" id="municipality-hint">Gäller kommunens personal. Kriminalvården och Socialstyrelsen loggar in utan kommun.</p>
${fieldError("municipality", errors.municipality)}
</div>
<div class="field">
<label for="sub">Användar-id (frivilligt)</label>
<input id="sub" name="sub" autocomplete="off" value="${escapeHtml(form?.get("sub") ?? "")}"${described("sub", errors.sub, true)}>
<p class="hint" id="sub-hint">Tomt ger rollens standard-id. En handläggares id i enheten (till exempel cw-1001) gör att "Bara mina ärenden" visar ärenden som är tilldelade den.</p>
${fieldError("sub", errors.sub)}
</div>
<button type="submit" class="primary">Logga in</button>
</form>
</main>
</body>
</html>
`;
};
