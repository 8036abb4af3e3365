/** The labs' method labels (docs/clinical-rules.md §7): data the catalog names and results compare, shown by `methodWords`. */
import { t } from "../i18n/i18n";

export const SERUM_OR_PLASMA = "Serum or plasma";
export const A1C_STANDARDIZED = "NGSP/IFCC-standardized";
export const WHOLE_BLOOD = "Whole blood";
export const GLUCOMETER = "Glucometer (capillary)";
export const FASTING = "Fasting serum or plasma";
export const FASTING_GLUCOMETER = "Fasting glucometer (capillary)";
export const MDRD_AA = "MDRD, race-based (African American)";
export const MDRD_NON_AA = "MDRD, race-based (non-African American)";
export const MDRD_F = "MDRD (female)";
export const MDRD_M = "MDRD (male)";
export const CKD_AA = "CKD-EPI 2009, race-based (African American)";
export const CKD_NON_AA = "CKD-EPI 2009, race-based (non-African American)";

/** A method label in the language shown (equations' names, "MDRD", "CKD-EPI 2021", are the same in every language). */
export function methodWords(method: string): string {
  return (
    {
      [SERUM_OR_PLASMA]: t("Serum or plasma"),
      [A1C_STANDARDIZED]: t("NGSP/IFCC-standardized"),
      [WHOLE_BLOOD]: t("Whole blood"),
      [GLUCOMETER]: t("Glucometer (capillary)"),
      [FASTING]: t("Fasting serum or plasma"),
      [FASTING_GLUCOMETER]: t("Fasting glucometer (capillary)"),
      [MDRD_AA]: t("MDRD, race-based (African American)"),
      [MDRD_NON_AA]: t("MDRD, race-based (non-African American)"),
      [MDRD_F]: t("MDRD (female)"),
      [MDRD_M]: t("MDRD (male)"),
      [CKD_AA]: t("CKD-EPI 2009, race-based (African American)"),
      [CKD_NON_AA]: t("CKD-EPI 2009, race-based (non-African American)"),
    } as Record<string, string>
  )[method] ?? method;
}
