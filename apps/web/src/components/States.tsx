export function LoadingBlock({ label, height = 320 }: { label: string; height?: number }) {
  return (
    <div className="skeleton" style={{ height }} role="status" aria-live="polite">
      <span className="visually-hidden">Loading {label}…</span>
    </div>
  );
}

export function ErrorBlock({ error, onRetry }: { error: { message: string }; onRetry: () => void }) {
  return (
    <div className="error-block" role="alert">
      <p>
        <strong>Could not load this view.</strong> {error.message}
      </p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
