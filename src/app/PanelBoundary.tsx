import { Component, type ReactNode } from "react";
import { t } from "../i18n/i18n";

interface Props {
  /** What the part shows, for the message: the patient's details or the lab results. */
  readonly what: "patient" | "results";
  readonly children: ReactNode;
}

/**
 * Keeps a failure to draw one part of the page to that part: it says so in an alert and offers to try again,
 * and the rest of the page — the header, Sign out, the other part — goes on working. Never a blank page.
 */
export class PanelBoundary extends Component<Props, { readonly error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="alert">
        <p>{this.props.what === "patient" ? t("The patient's details could not be shown: {message}", { message: error.message }) : t("The lab results could not be shown: {message}", { message: error.message })}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          {t("Try again")}
        </button>
      </div>
    );
  }
}
