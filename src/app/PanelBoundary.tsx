import { Component, type ReactNode } from "react";

interface Props {
  /** What the part shows, for the message: "patient's details", "lab results". */
  readonly what: string;
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
        <p>
          The {this.props.what} could not be shown: {error.message}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
