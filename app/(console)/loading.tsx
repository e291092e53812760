export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="py-10 text-gray-500">
      Loading…
    </div>
  );
}
