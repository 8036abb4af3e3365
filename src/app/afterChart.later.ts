/**
 * What the graph page shows beside its chart but the first chart does not need: the summary and goal, the
 * controls, the legend, the table, the tooltip's details, the header with the signed-in user
 * and Sign out, the screens for what went wrong, the Overview of every lab, and the patient's view (the View control,
 * the plain words). One chunk, loaded once the first page of results is
 * in (useAfterChart.ts), so that the graph page's first load carries only what draws the first points.
 */
import "./afterChart.css";

export { ChartControls } from "../graph/ChartControls";
export { ChartLegend, legendEntries } from "../graph/ChartLegend";
export { ChartPointer } from "../graph/ChartPointer";
export { chartStep } from "../graph/chartStep";
export { Medications, SummaryWithProblems } from "./ClinicalContext";
export { Overview } from "./Overview.later";
export { PlainWords, ViewSwitch } from "./PatientView.later";
export { ResultDetails } from "../graph/ResultDetails";
export { TableSection } from "./TableSection";
export { exportCsv } from "./exportCsv";
export { SessionHeader } from "./SessionHeader";
export { CannotShow, SessionEnded, SessionFailure, SignedOut } from "./SessionScreens.later";
export { chooseGoal, goalLabel } from "../labs/goals";
export { summarize } from "../labs/summary";
