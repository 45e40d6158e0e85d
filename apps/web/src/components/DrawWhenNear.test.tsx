import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DrawWhenNear, NEAR_MARGIN_PX } from "./DrawWhenNear.js";

/** A stand-in for the browser's IntersectionObserver (jsdom has none): the test says when a target is near. */
class FakeObserver {
  static last: FakeObserver | null = null;
  static instances: FakeObserver[] = [];
  targets: Element[] = [];
  disconnected = false;
  constructor(
    readonly callback: (entries: { isIntersecting: boolean; target: Element }[]) => void,
    readonly options: { rootMargin?: string },
  ) {
    FakeObserver.last = this;
    FakeObserver.instances.push(this);
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

afterEach(async () => {
  // Let the drawing turn (one chart a frame) run out, so each test starts with none waiting.
  await new Promise((resolve) => setTimeout(resolve, 100));
  cleanup();
  delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
  FakeObserver.last = null;
  FakeObserver.instances = [];
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
    expect(screen.getByTestId("chart")).toBeTruthy(); // the first in turn is drawn at once
    expect(container.querySelector("[data-drawn=later]")).toBeNull();
    expect(FakeObserver.last?.disconnected).toBe(true);
  });

  it("draws charts that come near together one a frame, in the order they came near", async () => {
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = FakeObserver;
    render(
      <div>
        {[1, 2, 3].map((i) => (
          <DrawWhenNear key={i} height={100} label={`Chart ${i}`}>
            <svg data-testid={`chart-${i}`} />
          </DrawWhenNear>
        ))}
      </div>,
    );
    expect(FakeObserver.instances).toHaveLength(3);
    act(() => {
      for (const o of FakeObserver.instances) o.comeNear();
    });
    expect(screen.getByTestId("chart-1")).toBeTruthy();
    expect(screen.queryByTestId("chart-2")).toBeNull();
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(screen.getByTestId("chart-2")).toBeTruthy();
    expect(screen.getByTestId("chart-3")).toBeTruthy();
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
