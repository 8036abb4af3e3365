import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { PanelBoundary } from "./PanelBoundary";

let broken = true;
function Fragile() {
  if (broken) throw new Error("name.text is not a string");
  return <p>Amelia Jane Rhodes</p>;
}

describe("PanelBoundary", () => {
  it("keeps a part that fails to draw to itself: an alert says so, the rest stays, and it can try again", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    render(
      <>
        <PanelBoundary what="patient">
          <Fragile />
        </PanelBoundary>
        <button type="button">Sign out</button>
      </>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("The patient's details could not be shown: name.text is not a string");
    expect(screen.getByRole("button", { name: "Sign out" })).toBeInTheDocument();
    broken = false;
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(screen.getByText("Amelia Jane Rhodes")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
    quiet.mockRestore();
  });
});
