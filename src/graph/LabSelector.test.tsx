import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GLUCOSE, HBA1C, LABS } from "../labs/catalog";
import { LabSelector } from "./LabSelector";

describe("LabSelector", () => {
  it("offers the Overview after the labs when asked to; choosing it calls onOverview, choosing a lab onChange", async () => {
    const onChange = vi.fn();
    const onOverview = vi.fn();
    const { rerender } = render(<LabSelector labs={LABS} value={HBA1C} onChange={onChange} onOverview={onOverview} />);
    const select = screen.getByRole("combobox", { name: "Lab" });
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual([...LABS.map((l) => l.name), "Overview"]);
    await userEvent.selectOptions(select, "Overview");
    expect(onOverview).toHaveBeenCalledTimes(1);
    expect(onChange).not.toHaveBeenCalled();

    rerender(<LabSelector labs={LABS} value={HBA1C} onChange={onChange} onOverview={onOverview} overview />);
    expect(screen.getByRole("option", { name: "Overview", selected: true })).toBeInTheDocument();
    await userEvent.selectOptions(select, "Glucose");
    expect(onChange).toHaveBeenCalledWith(GLUCOSE);
  });

  it("without onOverview, only the labs", () => {
    render(<LabSelector labs={LABS} value={HBA1C} onChange={() => undefined} />);
    expect(screen.queryByRole("option", { name: "Overview" })).toBeNull();
  });
});
