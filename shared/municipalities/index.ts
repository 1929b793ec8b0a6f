import { COUNTY_NAMES, MUNICIPALITY_DATA } from "./data";
import type { Municipality } from "./types";

export type { Municipality } from "./types";

const municipalityOf = ([code, name]: readonly [string, string]): Municipality => {
  const countyCode = code.slice(0, 2);
  // Frozen so no caller can change the register for others.
  return Object.freeze({ code, name, countyCode, countyName: COUNTY_NAMES[countyCode] ?? "" });
};

/**
 * Names by code, built on the first lookup rather than as a function loads (most requests that
 * reach a function look no municipality up), and without an object per municipality: a lookup
 * makes the one it answers with.
 */
let names: ReadonlyMap<string, string> | undefined;
const namesByCode = (): ReadonlyMap<string, string> => {
  names ??= new Map(MUNICIPALITY_DATA);
  return names;
};

/** All 290 municipalities, sorted by code. */
export const allMunicipalities = (): readonly Municipality[] =>
  Object.freeze(MUNICIPALITY_DATA.map(municipalityOf));

export function findMunicipality(code: string): Municipality | undefined {
  const name = namesByCode().get(code);
  return name === undefined ? undefined : municipalityOf([code, name]);
}

/** True only for a code in the register: four digits alone (e.g. 0000, 9999) are not enough. */
export function isKommunkod(code: string): boolean {
  return namesByCode().has(code);
}

/** Borås, Håbo, Kalmar, Sundsvall, Strängnäs and Uppsala: the municipalities in the pilot. */
export const PILOT_MUNICIPALITIES = ["1490", "0305", "0880", "2281", "0486", "0380"] as const;
export type PilotMunicipalityCode = (typeof PILOT_MUNICIPALITIES)[number];
