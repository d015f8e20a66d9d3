// Grey placeholder blocks shown while data loads, shaped like what is coming.
export function Skeleton({
  width = '100%',
  height = 12,
}: {
  width?: string | number;
  height?: number;
}) {
  return <span className="skeleton" style={{ width, height }} aria-hidden="true" />;
}

export function SkeletonRows({ rows, columns }: { rows: number; columns: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <tr key={r} className="skeleton-row" aria-hidden="true">
          {Array.from({ length: columns }, (_, c) => (
            <td key={c}>
              <Skeleton width={c === 0 ? '70%' : '55%'} />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}
