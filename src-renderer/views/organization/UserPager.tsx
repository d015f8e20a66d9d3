// Under the user list: how many users (match), Download CSV, users per page and the pages.
import { SelectField } from './SelectField.tsx';
import { PAGE_SIZES } from './orgListStore.ts';
import type { UserDirectoryState } from './useUserDirectory.ts';

export function UserPager({ d }: { d: UserDirectoryState }) {
  return (
    <footer className="org-pager">
      <span className="org-pager-count">
        {d.total === d.all
          ? `${d.all} ${d.all === 1 ? 'user' : 'users'}`
          : `${d.total} of ${d.all} users match`}
      </span>
      {d.problem && (
        <span className="org-pager-problem" role="alert">
          {d.problem}
        </span>
      )}
      <button
        type="button"
        className="btn btn-quiet btn-sm"
        disabled={d.total === 0 || d.exporting}
        aria-busy={d.exporting}
        onClick={() => void d.download()}
      >
        {d.exporting
          ? 'Preparing CSV…'
          : d.selected.size
            ? `Download CSV (${d.selected.size} selected)`
            : 'Download CSV'}
      </button>
      <SelectField
        label="Users per page"
        value={d.pageSize}
        onChange={(e) => d.setPageSize(Number(e.target.value))}
      >
        {PAGE_SIZES.map((n) => (
          <option key={n} value={n}>
            {n === 0 ? 'All' : n}
          </option>
        ))}
      </SelectField>
      <nav className="org-pages" aria-label="Pages">
        <button
          type="button"
          className="btn btn-quiet btn-sm"
          disabled={d.current === 0}
          onClick={() => d.setPage(d.current - 1)}
        >
          Previous
        </button>
        <span aria-live="polite">
          Page {d.current + 1} of {d.pages}
        </span>
        <button
          type="button"
          className="btn btn-quiet btn-sm"
          disabled={d.current >= d.pages - 1}
          onClick={() => d.setPage(d.current + 1)}
        >
          Next
        </button>
      </nav>
    </footer>
  );
}
