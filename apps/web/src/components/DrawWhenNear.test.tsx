import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DrawWhenNear, NEAR_MARGIN_PX } from "./DrawWhenNear.js";

/** A stand-in for the browser's IntersectionObserver (jsdom has none): the test says when a target is near. */
class FakeObserver {
  static last: FakeObserver | null = null;
  targets: Element[] = [];
  disconnected = false;
  constructor(
    readonly callback: (entries: { isIntersecting: boolean; target: Element }[]) => void,
    readonly options: { rootMargin?: string },
  ) {
    FakeObserver.last = this;
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  disconnect() {
    this.disconnected = true;
  }
  comeNear() {
    this.callback(this.targets.map((target) => ({ isIntersecting: true, target })));
  }
}

afterEach(() => {
  cleanup();
  delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
  FakeObserver.last = null;
});

describe("DrawWhenNear", () => {
  it("holds the chart's height with a placeholder until the chart comes near, then draws it", () => {
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = FakeObserver;
    const { container } = render(
      <DrawWhenNear height={340} label="Places by sector">
        <svg data-testid="chart" />
      </DrawWhenNear>,
    );
    const placeholder = container.querySelector<HTMLElement>("[data-drawn=later]");
    expect(placeholder?.style.height).toBe("340px");
    expect(screen.queryByTestId("chart")).toBeNull();
    expect(FakeObserver.last?.options.rootMargin).toBe(`${NEAR_MARGIN_PX}px 0px`);

    act(() => FakeObserver.last?.comeNear());
    expect(screen.getByTestId("chart")).toBeTruthy();
    expect(container.querySelector("[data-drawn=later]")).toBeNull();
    expect(FakeObserver.last?.disconnected).toBe(true);
  });

  it("draws every chart before printing", () => {
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = FakeObserver;
    render(
      <DrawWhenNear height={200} label="Ratings">
        <svg data-testid="chart" />
      </DrawWhenNear>,
    );
    expect(screen.queryByTestId("chart")).toBeNull();
    act(() => {
      window.dispatchEvent(new Event("beforeprint"));
    });
    expect(screen.getByTestId("chart")).toBeTruthy();
  });

  it("draws at once where the browser has no IntersectionObserver", () => {
    render(
      <DrawWhenNear height={200} label="Ratings">
        <svg data-testid="chart" />
      </DrawWhenNear>,
    );
    expect(screen.getByTestId("chart")).toBeTruthy();
  });
});
