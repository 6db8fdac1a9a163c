import type { Core } from "@strapi/strapi";
import {
  caseEngine,
  type CaseRecord,
} from "../../../plugins/complaint-workflow/server/src/public";
import type { PoleService } from "./services/pole";

/**
 * A pole follows its fault report through the case engine alone (reported, under repair, working):
 * the engine is the only way a complaint's state changes, so there is no second path to keep in step.
 */
export function followComplaints(strapi: Core.Strapi) {
  caseEngine(strapi).onTransition("complaint", async (record: CaseRecord) => {
    const pole = record.pole as { id?: number } | null | undefined;
    if (pole?.id)
      await (strapi.service("api::pole.pole") as PoleService).followCase(
        pole.id,
      );
  });
}
