/**
 * Every text the console shows, in Swedish. Another language is another object of the type
 * `Catalogue`, chosen in ../index.ts; no component holds a text of its own.
 */
import { auditTrail } from "./audit";
import { common } from "./common";
import { hotline } from "./hotline";
import { intake } from "./intake";
import { integrator } from "./integrator";
import { release } from "./release";
import { reports } from "./reports";
import { settingsAdmin } from "./settings";
import { tasks } from "./tasks";

export const sv = {
  ...common,
  ...intake,
  ...hotline,
  ...release,
  ...reports,
  ...integrator,
  ...auditTrail,
  ...tasks,
  ...settingsAdmin,
};
export type Catalogue = typeof sv;
