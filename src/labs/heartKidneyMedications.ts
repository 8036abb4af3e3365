/** The lipid-lowering and kidney-protecting medication classes (docs/clinical-rules.md §11, where every list is cited). Plain literals only. */
import { KIDNEY_LABS, LIPID_LABS } from "./contextCatalog";
import type { MedicationClass } from "./medicationCatalog";

const VSAC_ACE_ARB = "VSAC 2.16.840.1.113883.3.526.3.1139 ACE Inhibitor or ARB or ARNI (eCQM Update 2021-05-06)";

export const HEART_AND_KIDNEY: readonly MedicationClass[] = [
  {
    id: "statin",
    name: "Statin",
    labs: LIPID_LABS,
    ingredients: [
      { name: "atorvastatin", rxcui: "83367" },
      { name: "fluvastatin", rxcui: "41127" },
      { name: "lovastatin", rxcui: "6472" },
      { name: "pitavastatin", rxcui: "861634" },
      { name: "pravastatin", rxcui: "42463" },
      { name: "rosuvastatin", rxcui: "301542" },
      { name: "simvastatin", rxcui: "36567" },
    ],
    products: [
      {
        source: "VSAC 2.16.840.1.113883.3.526.3.1572 High Intensity Statin Therapy (eCQM Update 2020-05-07)",
        codes: ["259255", "404011", "404013", "476351", "597984", "597990", "597993", "617311", "757705", "859419", "859751", "2167565", "2167569"],
      },
      {
        source: "VSAC 2.16.840.1.113883.3.526.3.1575 Moderate Intensity Statin Therapy (eCQM Update 2020-05-07)",
        codes: [
          "197905", "198211", "200345", "310405", "312961", "359731", "359732", "360507", "476349", "476350", "597967",
          "597971", "597974", "597977", "597980", "597987", "617310", "617312", "757703", "757704", "859424", "859747",
          "861648", "861652", "904475", "904481", "1790679", "1944264", "2001262", "2001266", "2167557", "2167573",
        ],
      },
      {
        source: "VSAC 2.16.840.1.113883.3.526.3.1574 Low Intensity Statin Therapy (eCQM Update 2020-05-07)",
        codes: ["197903", "197904", "310404", "310405", "312962", "314231", "433849", "476345", "757702", "861643", "904458", "904467", "1790679", "1944264", "2001254"],
      },
    ],
  },
  {
    id: "ezetimibe",
    name: "Ezetimibe",
    labs: LIPID_LABS,
    ingredients: [{ name: "ezetimibe", rxcui: "341248" }],
    products: [],
  },
  {
    id: "pcsk9-inhibitor",
    name: "PCSK9 inhibitor",
    labs: LIPID_LABS,
    ingredients: [{ name: "evolocumab", rxcui: "1665684" }, { name: "alirocumab", rxcui: "1659152" }],
    products: [],
  },
  {
    id: "ace-inhibitor",
    name: "ACE inhibitor",
    labs: KIDNEY_LABS,
    ingredients: [
      { name: "benazepril", rxcui: "18867" },
      { name: "captopril", rxcui: "1998" },
      { name: "enalapril", rxcui: "3827" },
      { name: "fosinopril", rxcui: "50166" },
      { name: "lisinopril", rxcui: "29046" },
      { name: "moexipril", rxcui: "30131" },
      { name: "perindopril", rxcui: "54552" },
      { name: "quinapril", rxcui: "35208" },
      { name: "ramipril", rxcui: "35296" },
      { name: "trandolapril", rxcui: "38454" },
    ],
    products: [
      {
        // The value set's ACE inhibitor members, alone or combined with a diuretic or a calcium channel blocker.
        source: VSAC_ACE_ARB,
        codes: [
          "197436", "197437", "197438", "197439", "197884", "197885", "197886", "197887", "198188", "198189", "199351",
          "199352", "199353", "205326", "261962", "308962", "308963", "308964", "310796", "310797", "310809", "311353",
          "311354", "312748", "312749", "312750", "314076", "314077", "314203", "317173", "845488", "854925", "854984",
          "854988", "857166", "857169", "857174", "857183", "857187", "858804", "858810", "858813", "858817", "858824",
          "858828", "897781", "897783", "897844", "897853", "898342", "898346", "898350", "898353", "898356", "898359",
          "898362", "898367", "898372", "898378", "898687", "898690", "898719", "898723", "1299859", "1299871",
          "1299890", "1299896", "1299897", "1435624", "1600716", "1600724", "1600728",
        ],
      },
    ],
  },
  {
    id: "arb",
    name: "ARB",
    labs: KIDNEY_LABS,
    ingredients: [
      { name: "azilsartan", rxcui: "1091643" },
      { name: "candesartan", rxcui: "214354" },
      { name: "eprosartan", rxcui: "83515" },
      { name: "irbesartan", rxcui: "83818" },
      { name: "losartan", rxcui: "52175" },
      { name: "olmesartan", rxcui: "321064" },
      { name: "telmisartan", rxcui: "73494" },
      { name: "valsartan", rxcui: "69749" },
    ],
    products: [
      {
        // The value set's ARB members, sacubitril/valsartan included.
        source: VSAC_ACE_ARB,
        codes: [
          "153822", "153823", "200094", "200095", "200096", "200284", "200285", "205304", "205305", "282755", "283316",
          "283317", "310140", "310792", "310793", "349199", "349200", "349201", "349353", "349373", "349401", "349405",
          "349483", "351292", "351293", "403853", "403854", "403855", "477130", "485471", "577776", "578325", "578330",
          "636042", "636045", "639537", "722126", "722131", "722134", "722137", "730861", "730866", "730869", "730872",
          "802749", "848131", "848135", "848140", "848145", "848151", "876514", "876519", "876524", "876529", "979464",
          "979468", "979471", "979480", "979485", "979492", "999967", "999986", "999991", "999996", "1000001",
          "1091646", "1091652", "1235144", "1235151", "1656340", "1656349", "1656354",
        ],
      },
    ],
  },
  {
    id: "finerenone",
    name: "Finerenone",
    labs: KIDNEY_LABS,
    ingredients: [{ name: "finerenone", rxcui: "2562811" }],
    products: [],
  },
];
