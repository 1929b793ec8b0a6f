/**
 * Every text the console shows, in Swedish. Another language is another object of the type
 * `Catalogue`, chosen in ../index.ts; no component holds a text of its own.
 */
import { common } from "./common";
import { hotline } from "./hotline";
import { intake } from "./intake";

export const sv = { ...common, ...intake, ...hotline };
export type Catalogue = typeof sv;
