export function SampleBanner() {
  return (
    <div className="sample-banner" role="note">
      <strong>Sample data — not real.</strong> This warehouse was built from generated data that imitates the real
      sources' formats. No number here is evidence of anything.
    </div>
  );
}
