export function Spinner({ label }: { label: string }) {
  return (
    <div className="loading" aria-busy="true">
      <span className="spinner spinner--large" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
